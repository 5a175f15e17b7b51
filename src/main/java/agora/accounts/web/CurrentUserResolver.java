package agora.accounts.web;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;

/**
 * Supplies {@link CurrentUser} handler parameters: a plain {@code CurrentUser} demands a signed-in user
 * (401 otherwise), {@code Optional<CurrentUser>} is empty for anonymous requests.
 */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class || isOptionalCurrentUser(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var user = authentication != null && authentication.getPrincipal() instanceof CurrentUser current
                ? Optional.of(current) : Optional.<CurrentUser>empty();
        if (isOptionalCurrentUser(parameter)) {
            return user;
        }
        return user.orElseThrow(() -> ApiException.unauthorized("authentication required"));
    }

    private static boolean isOptionalCurrentUser(MethodParameter parameter) {
        return parameter.getParameterType() == Optional.class
                && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == CurrentUser.class;
    }
}

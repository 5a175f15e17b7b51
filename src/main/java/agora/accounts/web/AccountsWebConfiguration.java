package agora.accounts.web;

import java.util.List;
import java.util.Optional;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import agora.accounts.CurrentUser;

@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration implements WebMvcConfigurer {

    static {
        // The signed-in user comes from the token, not from the request: keep it out of the API document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    /** The same for an optional signed-in user, which springdoc would list as a query parameter. */
    @Bean
    OperationCustomizer optionalCurrentUserIsNotAParameter() {
        return (operation, handler) -> {
            for (var parameter : handler.getMethodParameters()) {
                var type = ResolvableType.forMethodParameter(parameter);
                if (type.toClass() == Optional.class && type.getGeneric().toClass() == CurrentUser.class
                        && operation.getParameters() != null) {
                    operation.getParameters().removeIf(p -> p.getName().equals(parameter.getParameterName()));
                }
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}

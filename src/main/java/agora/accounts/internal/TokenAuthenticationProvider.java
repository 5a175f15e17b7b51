package agora.accounts.internal;

import java.util.ArrayList;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/** Checks the access tokens the platform's security chain reads from the Authorization header. */
@Component
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final Sessions sessions;

    TokenAuthenticationProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var token = (String) authentication.getCredentials();
        var authenticated = sessions.authenticate(token)
                .orElseThrow(() -> new BadCredentialsException("token is invalid, expired or revoked"));
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        authenticated.role().granted()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return new PreAuthenticatedAuthenticationToken(authenticated.user(), token, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

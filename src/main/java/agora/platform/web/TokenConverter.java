package agora.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Reads {@code Authorization: Token <jwt>} (RealWorld) or {@code Authorization: Bearer <jwt>} into an
 * unauthenticated token for the {@code AuthenticationProvider} that owns tokens to check.
 */
class TokenConverter implements AuthenticationConverter {

    private static final int MAX_TOKEN_LENGTH = 4096;

    @Override
    public Authentication convert(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return null;
        }
        var token = strip(header, "Token ");
        if (token == null) {
            token = strip(header, "Bearer ");
        }
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new BadCredentialsException("Authorization must be 'Token <jwt>' or 'Bearer <jwt>'");
        }
        return new PreAuthenticatedAuthenticationToken(null, token.strip());
    }

    private static String strip(String header, String scheme) {
        return header.regionMatches(true, 0, scheme, 0, scheme.length()) ? header.substring(scheme.length()) : null;
    }
}

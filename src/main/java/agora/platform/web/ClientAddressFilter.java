package agora.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code request.getRemoteAddr()} the client's address behind the proxies of {@code agora.web.trusted-proxies}
 * (see {@link TrustedProxies}), for everything after it: rate limits and the login throttle alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ClientAddressFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    ClientAddressFilter(WebProperties properties) {
        this.proxies = new TrustedProxies(properties.trustedProxies());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var client = proxies.clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}

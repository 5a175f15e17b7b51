package agora.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path (never the query string, which may carry tokens), status,
 * duration, request id and user id (both from the MDC).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AccessLogFilter extends OncePerRequestFilter {

    static final String USER_ID = "userId";
    private static final Logger log = LoggerFactory.getLogger("agora.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                long tenths = (System.nanoTime() - start) / 100_000;
                var user = MDC.get(USER_ID);
                log.info("{} {} {} {}.{}ms user={}", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), tenths / 10, tenths % 10, user == null ? "-" : user);
            }
            MDC.remove(USER_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}

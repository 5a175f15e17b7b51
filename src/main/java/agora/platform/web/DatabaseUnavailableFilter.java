package agora.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a database failure thrown before Spring MVC (token authentication looks sessions up in the database)
 * the way {@link ProblemHandler} does in MVC: 503 with Retry-After, not the servlet container's 500. It wraps
 * the security chain and everything after it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemWriter problems;

    DatabaseUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causes(e)) {
                throw e;
            }
            log.warn("Database unavailable: {}", DatabaseUnavailable.describe(e));
            problems.write(request, response, DatabaseUnavailable.problem());
        }
    }
}

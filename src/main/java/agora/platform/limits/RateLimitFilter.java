package agora.platform.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import agora.platform.RateLimitExceeded;
import agora.platform.web.ProblemWriter;

/**
 * Every API request passes here, after the security chain has authenticated its token: it takes one request
 * from its client's bucket for its route's limit (the signed-in user's, or the client address's), answers 429
 * when that is empty, and tells the client where it stands in the {@code RateLimit} headers either way.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    RateLimitFilter(TokenBuckets buckets, ProblemWriter problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var user = authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication.getName();
        var path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        var limit = RateLimitRoutes.classify(request.getMethod(), path, user != null);
        if (limit.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var key = user == null || limit.get().byAddress() ? "address:" + ClientKeys.of(request.getRemoteAddr())
                : "user:" + user;
        var verdict = buckets.take(limit.get(), key);
        if (!verdict.allowed()) {
            problems.write(request, response, verdict.exceeded());
            return;
        }
        response.setHeader(RateLimitExceeded.POLICY_HEADER, verdict.policyHeader());
        response.setHeader(RateLimitExceeded.STATE_HEADER, verdict.stateHeader());
        chain.doFilter(request, response);
    }
}

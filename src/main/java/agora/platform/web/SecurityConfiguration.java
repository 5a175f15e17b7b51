package agora.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless token security for the whole API. Which requests need a signed-in user is decided where the
 * handler asks for one; this chain authenticates tokens, guards the admin area and sets the headers.
 * Tokens themselves are checked by the {@link AuthenticationProvider} of the module that issues them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<AuthenticationProvider> providers, ProblemWriter problems)
            throws Exception {
        var tokens = new AuthenticationFilter(new ProviderManager(providers), new TokenConverter());
        tokens.setSuccessHandler((request, response, authentication) -> MDC.put(AccessLogFilter.USER_ID,
                authentication.getName()));
        tokens.setFailureHandler((request, response, e) -> unauthorized(problems, request, response,
                "token is invalid, expired or revoked"));
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> {
                })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(tokens, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/search/**", "/api/admin/users/*/roles").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("MODERATOR")
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(problems, request, response,
                                "authentication required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "you may not do this"))))
                .build();
    }

    /**
     * Without this, Spring Security wraps each filter of every request in an observation; the
     * {@code management.observations.enable.spring.security} property only makes those no-ops, and the wrappers stay
     * on every request's path. Request metrics (http.server.requests) come from Spring MVC and are not affected.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                RequestIdFilter.HEADER, "X-Requested-With"));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        cors.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static void unauthorized(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Token");
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail));
    }
}

package io.poolmap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.poolmap.web.ProblemException;
import io.poolmap.web.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a request without a valid API key with 401 and {@code WWW-Authenticate: Bearer}, as a problem detail
 * written by the one problem handler (through Spring MVC's exception resolvers), so that it has the same shape
 * as every other error.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final HandlerExceptionResolver resolver;

    ProblemEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        resolver.resolveException(request, response, null, problem(exception));
    }

    static ProblemException problem(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return new ProblemException(ProblemType.UNAUTHORIZED,
                    "the API key is not valid (poolmap.security.api-keys)")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"poolmap\", error=\"invalid_token\"");
        }
        return new ProblemException(ProblemType.UNAUTHORIZED,
                "this endpoint needs an API key: send the header Authorization: Bearer <key> (poolmap.security.api-keys)")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"poolmap\"");
    }
}

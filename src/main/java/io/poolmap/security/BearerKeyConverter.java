package io.poolmap.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <key>} into an unauthenticated token for {@link ApiKeys}; a request without
 * a bearer key stays anonymous, so that open endpoints answer it and protected ones answer 401.
 */
final class BearerKeyConverter implements AuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String key = header.substring(SCHEME.length()).strip();
        return UsernamePasswordAuthenticationToken.unauthenticated("api-key", key);
    }
}

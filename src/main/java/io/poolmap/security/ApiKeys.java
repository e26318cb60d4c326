package io.poolmap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a presented API key against {@code poolmap.security.api-keys} in constant time: both sides are hashed
 * to SHA-256 and every key is compared in full, so neither the time taken nor an early exit tells an attacker
 * how much of a guess was right, or how long the keys are. The keys themselves are not kept.
 */
final class ApiKeys implements AuthenticationManager {

    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    /** Whether {@code presented} is one of the keys. */
    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] key : digests) {
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    /** Authenticates a {@link BearerKeyConverter bearer key}, or throws {@link BadCredentialsException}. */
    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication.getCredentials() instanceof String key && matches(key)) {
            return UsernamePasswordAuthenticationToken.authenticated("api-key", null, List.of());
        }
        throw new BadCredentialsException("the API key is not valid");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}

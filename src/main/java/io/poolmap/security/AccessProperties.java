package io.poolmap.security;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use poolmap, under {@code poolmap.security.*}: without API keys the service is open (and says so in
 * its log); with them, the API and the non-public actuator endpoints need one.
 *
 * @param apiKeys keys a client sends as {@code Authorization: Bearer <key>}; several allow rotation; empty means
 *        open; each at least {@value #MIN_KEY_LENGTH} characters ({@code POOLMAP_SECURITY_API_KEYS=k1,k2})
 * @param corsOrigins origins (e.g. {@code https://dashboard.example.com}) whose browser pages may call
 *        {@code /api/**}; empty means CORS is off and browsers refuse cross-origin calls
 */
@ConfigurationProperties("poolmap.security")
@Validated
public record AccessProperties(@DefaultValue List<String> apiKeys, @DefaultValue List<String> corsOrigins) {

    static final int MIN_KEY_LENGTH = 16;

    /** Whether API keys are required. */
    public boolean secured() {
        return !apiKeys.isEmpty();
    }

    @AssertTrue(message = "every poolmap.security.api-keys entry must be at least " + MIN_KEY_LENGTH
            + " characters without spaces, so that it cannot be guessed or mistyped into something shorter")
    public boolean isEveryKeyLongEnough() {
        return apiKeys == null || apiKeys.stream().allMatch(key -> key.length() >= MIN_KEY_LENGTH
                && key.chars().noneMatch(Character::isWhitespace));
    }
}

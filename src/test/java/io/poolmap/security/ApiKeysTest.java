package io.poolmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class ApiKeysTest {

    private static final String FIRST = "first-key-0123456789";
    private static final String SECOND = "second-key-0123456789";

    private final ApiKeys keys = new ApiKeys(List.of(FIRST, SECOND));

    @Test
    void everyConfiguredKeyMatchesSoThatKeysCanBeRotated() {
        assertThat(keys.matches(FIRST)).isTrue();
        assertThat(keys.matches(SECOND)).isTrue();
    }

    @Test
    void aPrefixAnExtensionAnotherCaseOrNothingDoesNotMatch() {
        assertThat(keys.matches(FIRST.substring(0, FIRST.length() - 1))).isFalse();
        assertThat(keys.matches(FIRST + "x")).isFalse();
        assertThat(keys.matches(FIRST.toUpperCase())).isFalse();
        assertThat(keys.matches("")).isFalse();
        assertThat(new ApiKeys(List.of()).matches("")).isFalse();
    }

    @Test
    void aValidKeyAuthenticatesWithoutKeepingTheKey() {
        Authentication authenticated = keys.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("api-key", SECOND));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getCredentials()).isNull();
    }

    @Test
    void aWrongKeyIsBadCredentials() {
        assertThatThrownBy(() -> keys.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("api-key", "guess-0123456789abc")))
                .isInstanceOf(BadCredentialsException.class);
    }
}

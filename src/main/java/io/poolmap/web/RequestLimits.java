package io.poolmap.web;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how deep a request may be, under {@code poolmap.request.*}: applied to Tomcat's connector and to
 * Jackson's stream-read constraints, so that a slow or hostile client is cut off by the libraries that read the
 * request, before poolmap's own code sees it. (The body's size is {@code poolmap.max-request-size}.)
 *
 * @param readTimeout the longest a client may pause while sending a request, headers or body, before Tomcat gives
 *        up on it (Tomcat's {@code connectionTimeout}); a stalled upload answers 400 or is closed
 * @param keepAliveTimeout how long an idle keep-alive connection stays open waiting for the next request
 * @param maxNestingDepth most nested JSON arrays and objects in a body; a request needs 2
 * @param maxStringLength longest JSON string or field name in a body, in characters; an operation's name needs ~20
 *        (never below {@code poolmap.max-digits}, since Jackson buffers a number's digits as a string)
 */
@ConfigurationProperties("poolmap.request")
@Validated
public record RequestLimits(
        @DefaultValue("20s") @NotNull Duration readTimeout,
        @DefaultValue("20s") @NotNull Duration keepAliveTimeout,
        @DefaultValue("32") @Min(2) @Max(10_000) int maxNestingDepth,
        @DefaultValue("1000") @Min(64) @Max(100_000_000) int maxStringLength) {

    @AssertTrue(message = "poolmap.request.read-timeout and poolmap.request.keep-alive-timeout must be positive durations of at most 24 days")
    public boolean isTimeoutsPositive() {
        for (Duration timeout : new Duration[] {readTimeout, keepAliveTimeout}) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }
}

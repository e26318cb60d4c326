package io.poolmap.operation.builtin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cost limits of the built-in operations, so that no single item can keep a worker busy for long
 * or allocate much memory.
 *
 * @param factorialMax largest n that {@code factorial} accepts (factorial(2000) has 5,736 digits)
 * @param fibonacciMax largest n that {@code fibonacci} accepts (F(20000) has 4,180 digits)
 * @param collatzMaxSteps steps after which {@code collatz_steps} gives up on an item and fails the job
 * @param collatzMaxDigits largest input, in decimal digits, that {@code collatz_steps} accepts
 * @param isPrimeMaxDigits largest input, in decimal digits, that {@code is_prime} accepts
 * @param sleepMaxMs longest {@code sleep}, in milliseconds, that one item may ask for
 */
@ConfigurationProperties("poolmap.operations")
@Validated
public record OperationLimits(
        @DefaultValue("2000") @Min(0) @Max(100_000) int factorialMax,
        @DefaultValue("20000") @Min(0) @Max(1_000_000) int fibonacciMax,
        @DefaultValue("100000") @Min(1) @Max(100_000_000) int collatzMaxSteps,
        @DefaultValue("100") @Min(1) @Max(10_000) int collatzMaxDigits,
        @DefaultValue("300") @Min(1) @Max(10_000) int isPrimeMaxDigits,
        @DefaultValue("10000") @Min(0) @Max(3_600_000) long sleepMaxMs) {
}

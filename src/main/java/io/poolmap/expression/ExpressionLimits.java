package io.poolmap.expression;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cost limits of client expressions, so that no expression can make a worker compute for long or allocate
 * much: the first two bound compiling (and the recursion of every walk over the tree), the last two bound what one
 * item computes, each checked before the operation that would pass it; together they keep an item to a few milliseconds
 * at worst, whatever the expression.
 *
 * @param maxLength the longest expression, in characters
 * @param maxDepth the deepest nesting of the syntax tree: parentheses, operators and calls within one another
 *        ({@code x+x+x} is 3 deep); at most 200, so that no walk of the tree can exhaust a thread's stack
 * @param maxDigits the most decimal digits of any integer an expression computes, its result or on the way
 *        ({@code 2**33219} has 10,000 digits); an item that would pass it fails with {@code LimitError}, before
 *        the number is computed, so {@code 10**10**10} fails at once
 * @param maxWork the most work one item may do on integers beyond a long, in 64-bit word products: a product of
 *        two 10,000-digit integers (520 words each) counts 270,400, their quotient as much, their {@code gcd} 128 times
 *        that; sums and everything on longs and floats are nearly free. An item that would pass it fails with
 *        {@code LimitError} before the operation is done
 */
@ConfigurationProperties("poolmap.expressions")
@Validated
public record ExpressionLimits(
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxLength,
        @DefaultValue("100") @Min(1) @Max(200) int maxDepth,
        @DefaultValue("10000") @Min(MIN_DIGITS) @Max(1_000_000) int maxDigits,
        @DefaultValue("10000000") @Min(1000) @Max(100_000_000_000L) long maxWork) {

    /** The fewest digits {@link #maxDigits} may allow: every {@code long} (19 digits) fits. */
    static final int MIN_DIGITS = 20;

    /** The defaults, as documented above; for tests and tools that run without Spring. */
    public static ExpressionLimits defaults() {
        return new ExpressionLimits(1000, 100, 10_000, 10_000_000);
    }
}

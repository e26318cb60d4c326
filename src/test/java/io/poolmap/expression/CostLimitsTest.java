package io.poolmap.expression;

import static io.poolmap.expression.Expressions.big;
import static io.poolmap.expression.Expressions.eval;
import static io.poolmap.expression.Expressions.failure;
import static io.poolmap.expression.Expressions.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.operation.Numbers;

import org.junit.jupiter.api.Test;

/**
 * No expression can make an item compute for long or allocate much: integers are bounded in digits before they are
 * computed, the source in length, the tree in depth; what passes a limit is refused with a message naming it.
 */
class CostLimitsTest {

    private static final String DIGITS = "LimitError: the result of %s would have more than 10000 digits (poolmap.expressions.max-digits)";

    @Test
    void aTowerOfPowersIsRefusedForTheItemWithoutBeingComputed() {
        ExpressionItemException failure = failure("10**10**10");

        assertThat(failure.errorType()).isEqualTo("LimitError");
        assertThat(failure.getMessage()).isEqualTo(DIGITS.formatted("**"));
        assertThat(failure("x ** x", big("1" + "0".repeat(30))).getMessage()).isEqualTo(DIGITS.formatted("**"));
        assertThat(failure("2 ** (10 ** 30)").getMessage()).isEqualTo(DIGITS.formatted("**"));
    }

    @Test
    void aPowerUpToTheDigitLimitIsComputedAndOnePastItIsRefused() {
        BigInteger tenThousandDigits = BigInteger.TWO.pow(33219);
        assertThat(tenThousandDigits.toString()).hasSize(10_000);

        assertThat(eval("x ** 33219", 2L)).isEqualTo(tenThousandDigits);
        assertThat(failure("x ** 33220", 2L).getMessage()).isEqualTo(DIGITS.formatted("**"));
        assertThat(failure("-x ** 33221", 2L).getMessage()).isEqualTo(DIGITS.formatted("**"));
    }

    @Test
    void productsAndSumsAreBoundedToo() {
        BigInteger fiveThousandOneDigits = BigInteger.TEN.pow(5000);

        assertThat(failure("x * x", fiveThousandOneDigits).getMessage()).isEqualTo(DIGITS.formatted("*"));
        assertThat(eval("x * x - 1", BigInteger.TEN.pow(5000).subtract(BigInteger.ONE)).toString()).hasSize(10_000);
        assertThat(failure("x + x", BigInteger.TEN.pow(10_000).subtract(BigInteger.ONE)).getMessage()).isEqualTo(DIGITS.formatted("+"));
    }

    @Test
    void trivialPowersAndRoundingCostNothingWhateverTheExponent() {
        assertThat(eval("x ** (10 ** 30)", -1L)).isEqualTo(1L);
        assertThat(eval("x ** (10 ** 30 + 1)", -1L)).isEqualTo(-1L);
        assertThat(eval("2 ** -(10 ** 30)")).isEqualTo(0.0);
        assertThat(eval("round(x, -(10 ** 30))", big("9".repeat(9000)))).isEqualTo(0L);
        assertThat(eval("round(x, -9000)", big("9".repeat(9000)))).isEqualTo(BigInteger.TEN.pow(9000));
    }

    @Test
    void theWorkOnLargeIntegersOfOneItemIsBoundedWhateverTheExpression() {
        String work = "LimitError: the item would do more than 10000000 units of work on large integers, at %s "
                + "(poolmap.expressions.max-work)";
        String gcds = "gcd(x**6000,x**5999+1)" + "+gcd(x**6000,x**5999+1)".repeat(40);
        String quotients = "x**10000*x**10000//x**9999" + "+x**10000*x**10000//x**9999".repeat(36);

        assertThat(failure(gcds, 3L).getMessage()).isEqualTo(work.formatted("gcd"));
        assertThat(failure(quotients, 3L).getMessage()).isEqualTo(work.formatted("//"));
        assertThat(eval("gcd(x**6000, x**5999 + 1) + x**10000 * x**10000 // x**9999", 3L)).isInstanceOf(BigInteger.class);
    }

    @Test
    void eachItemHasItsOwnWorkBudget() {
        CompiledExpression compiled = Expressions.compile("x**10000 * x**10000 // x**9999" + " + x**10000 * x**10000 // x**9999".repeat(12));
        Numbers in = Numbers.ofLongs(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Numbers out = Numbers.forResults(10);

        compiled.applyRange(in, 0, 10, out);

        assertThat(out.bigAt(9)).isEqualTo(out.bigAt(0));
    }

    @Test
    void foldingConstantsCostsNoMoreThanOneItem() {
        String constantGcds = "gcd(3**6000,3**5999+1)" + "+gcd(3**6000,3**5999+1)".repeat(40);

        CompiledExpression compiled = Expressions.compile(constantGcds + " + x");

        assertThat(compiled.size()).as("what did not fit the budget is left to the items").isGreaterThan(3);
        assertThat(failure(constantGcds + " + x", 1L).errorType()).isEqualTo("LimitError");
    }

    @Test
    void aFloatTooLargeForTheDigitLimitCannotBecomeAnInteger() {
        ExpressionCompiler small = new ExpressionCompiler(new ExpressionLimits(1000, 100, 100, 20_000_000));

        CompiledExpression floor = small.compile("floor(x)");

        assertThat(catchFailure(floor, 1e300)).isEqualTo("LimitError: the result of conversion to int would have more "
                + "than 100 digits (poolmap.expressions.max-digits)");
    }

    @Test
    void anIntegerLiteralPastTheDigitLimitIsASyntaxError() {
        ExpressionCompiler longSources = new ExpressionCompiler(new ExpressionLimits(20_000, 100, 10_000, 20_000_000));
        assertThat(syntaxError(longSources, "x + 1" + "0".repeat(10_000)).reason())
                .isEqualTo("an integer literal may have at most 10000 digits (poolmap.expressions.max-digits)");
        assertThat(longSources.compile("x + 9" + "0".repeat(9_999))).isNotNull();
        ExpressionCompiler small = new ExpressionCompiler(new ExpressionLimits(1000, 100, 20, 20_000_000));
        assertThat(syntaxError(small, "0x" + "f".repeat(30)).reason())
                .isEqualTo("an integer literal may have at most 20 digits (poolmap.expressions.max-digits)");
        assertThat(syntaxError(small, "0x" + "f".repeat(17)).position()).isZero();
    }

    @Test
    void aSourcePastTheLengthLimitIsRefusedBeforeItIsRead() {
        ExpressionSyntaxException error = syntaxError("x" + " ".repeat(1000));

        assertThat(error.position()).isEqualTo(1000);
        assertThat(error.reason()).isEqualTo("an expression may be at most 1000 characters long (poolmap.expressions.max-length)");
    }

    @Test
    void nestingPastTheDepthLimitIsRefusedWhateverNests() {
        String tooDeep = "the expression is nested too deeply (more than 100 levels; poolmap.expressions.max-depth)";

        assertThat(syntaxError("(".repeat(101) + "x" + ")".repeat(101)).reason()).isEqualTo(tooDeep);
        assertThat(syntaxError("-".repeat(101) + "x").reason()).isEqualTo(tooDeep);
        assertThat(syntaxError("not ".repeat(101) + "x").reason()).isEqualTo(tooDeep);
        assertThat(syntaxError("x" + "+x".repeat(100)).reason()).isEqualTo(tooDeep);
        assertThat(syntaxError("x" + "**x".repeat(100)).reason()).isEqualTo(tooDeep);
        assertThat(syntaxError("abs(".repeat(101) + "x" + ")".repeat(101)).reason()).isEqualTo(tooDeep);
        assertThat(eval("(".repeat(99) + "x" + ")".repeat(99), 1L)).isEqualTo(1L);
        assertThat(eval("x" + "+x".repeat(98), 1L)).isEqualTo(99L);
    }

    @Test
    void theLargestAllowedLimitsStillCannotExhaustTheStack() {
        ExpressionCompiler largest = new ExpressionCompiler(new ExpressionLimits(100_000, 200, 20, 20_000_000));

        for (String hostile : new String[] {"(".repeat(100_000), "-".repeat(99_999) + "x", "x" + "**x".repeat(30_000),
            "not ".repeat(24_999) + "x", "max(".repeat(20_000), "x if x else ".repeat(8000) + "x"}) {
            assertThat(syntaxError(largest, hostile).reason()).contains("nested too deeply");
        }
        assertThat(largest.compile("(".repeat(199) + "x" + ")".repeat(199))).isNotNull();
    }

    private static String catchFailure(CompiledExpression compiled, Object x) {
        try {
            compiled.apply(EdgeValues.numbers(List.of(x)), 0, Numbers.forResults(1));
            return "no failure";
        } catch (ExpressionItemException failure) {
            return failure.getMessage();
        }
    }
}

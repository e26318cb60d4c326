package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.poolmap.operation.Numbers;

/**
 * Any bytes as an expression's source: it is refused with a syntax error that says where, or it compiles and then
 * every edge input ends with a value (a finite float, an int within the digit limit, a bool) or an item failure
 * that names its error; never another exception, and the long path agrees with the interpreter. A hang would be a
 * finding too: the fuzzer stops an input that runs past its time-out.
 *
 * <p>{@code ./mvnw verify} replays the committed inputs under {@code ExpressionFuzzTestInputs/} (plain text
 * expressions, valid and not); {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ExpressionFuzzTest} fuzzes for new ones.
 */
class ExpressionFuzzTest {

    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(ExpressionLimits.defaults());
    private static final Numbers INPUTS = EdgeValues.numbers(EdgeValues.ALL);
    private static final Set<String> ERRORS = Set.of("ZeroDivisionError", "ValueError", "OverflowError", "TypeError",
            "LimitError", "ComplexResult", "NonFiniteResult");

    @FuzzTest(maxDuration = "60s")
    void anySourceIsRefusedWithItsPositionOrEveryItemEndsWithAValueOrAPythonError(byte[] input) {
        String source = new String(input, StandardCharsets.UTF_8);
        CompiledExpression compiled;
        try {
            compiled = COMPILER.compile(source);
        } catch (ExpressionSyntaxException refused) {
            assertThat(refused.position()).isBetween(0, source.length());
            assertThat(refused.reason()).isNotBlank();
            assertThat(refused.detail()).contains(refused.getMessage()).endsWith("^");
            return;
        }
        Numbers out = Numbers.forResults(INPUTS.size());
        for (int i = 0; i < INPUTS.size(); i++) {
            Outcome outcome = apply(compiled, i, out);
            if (INPUTS.kind(i) == Numbers.Kind.LONG) {
                assertThat(outcome).as("%s for x = %s", source, INPUTS.valueAt(i))
                        .isEqualTo(interpret(compiled, INPUTS.valueAt(i)));
            }
        }
    }

    private static Outcome apply(CompiledExpression compiled, int i, Numbers out) {
        try {
            compiled.apply(INPUTS, i, out);
        } catch (ExpressionItemException failure) {
            assertThat(failure.errorType()).isIn(ERRORS);
            assertThat(failure.getMessage()).startsWith(failure.errorType() + ": ").hasSizeGreaterThan(failure.errorType().length() + 2);
            assertThat(failure.index()).isEqualTo(i);
            return Outcome.error(failure.errorType());
        }
        switch (out.kind(i)) {
            case DOUBLE -> assertThat(Double.isFinite(out.doubleAt(i))).isTrue();
            case BIG -> assertThat(out.bigAt(i).abs()).isLessThan(BigInteger.TEN.pow(10_000));
            default -> {
            }
        }
        return Outcome.of(out, i);
    }

    private static Outcome interpret(CompiledExpression compiled, Object x) {
        try {
            return Outcome.ofValue(compiled.interpret(x));
        } catch (PyError error) {
            return Outcome.error(error.type());
        }
    }
}

package io.poolmap.operation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersBuilder;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;

/**
 * Every operation over arbitrary numbers (longs, doubles, integers of up to ~1,000 digits): an item is either refused
 * by {@link Operation#checkDomain} with a reason, or computed, or fails with an {@link OperationException}; never any
 * other exception. A computed result is finite, within the declared {@link Operation#resultDigits} estimate, and for
 * the arithmetic operations equal to exact {@link BigInteger} arithmetic.
 *
 * <p>{@code ./mvnw verify} replays the committed inputs under {@code OperationFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes for new ones (see the README).
 */
class OperationFuzzTest {

    /** The default limits, except a sleep of at most 2 ms, so that fuzzing does not wait. */
    private static final List<Operation> OPERATIONS = BuiltInOperations.all(new OperationLimits(2000, 20_000, 100_000, 100, 300, 2));

    private static final Map<String, java.util.function.UnaryOperator<BigInteger>> EXACT = Map.of(
            "double", x -> x.shiftLeft(1),
            "square", x -> x.multiply(x),
            "cube", x -> x.multiply(x).multiply(x),
            "negate", BigInteger::negate,
            "abs", BigInteger::abs,
            "increment", x -> x.add(BigInteger.ONE));

    @FuzzTest(maxDuration = "60s")
    void everyOperationComputesOrRefusesAnyNumber(FuzzedDataProvider data) throws InterruptedException {
        Operation operation = data.pickValue(OPERATIONS);
        Numbers in = numbers(data);
        Numbers out = Numbers.forResults(in.size());
        for (int i = 0; i < in.size(); i++) {
            String refusal = operation.refusal(in, i).orElse(null);
            if (refusal != null) {
                assertThat(refusal).isNotBlank();
                continue;
            }
            long estimate = operation.resultDigits(in, i);
            assertThat(estimate).isNotNegative();
            try {
                operation.apply(in, i, out);
            } catch (OperationException cannotCompute) {
                assertThat(cannotCompute.getMessage()).isNotBlank();
                continue;
            }
            check(operation, in, i, out, estimate);
        }
    }

    private static void check(Operation operation, Numbers in, int i, Numbers out, long estimate) {
        String what = operation.name() + "(" + in.valueAt(i) + ")";
        switch (out.kind(i)) {
            case DOUBLE -> assertThat(Double.isFinite(out.doubleAt(i))).as(what).isTrue();
            case LONG, BIG -> {
                BigInteger result = out.bigIntegerAt(i);
                assertThat((long) result.abs().toString().length()).as("%s has no more digits than estimated", what).isLessThanOrEqualTo(estimate);
                if (EXACT.containsKey(operation.name()) && in.isInteger(i)) {
                    assertThat(result).as(what).isEqualTo(EXACT.get(operation.name()).apply(in.bigIntegerAt(i)));
                }
            }
            case BOOLEAN -> assertThat(operation.name()).isEqualTo("is_prime");
        }
    }

    /** One to eight numbers of every kind a request can carry. */
    private static Numbers numbers(FuzzedDataProvider data) {
        NumbersBuilder numbers = Numbers.builder();
        int count = data.consumeInt(1, 8);
        for (int n = 0; n < count; n++) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> numbers.add(data.consumeLong());
                case 1 -> numbers.add(data.consumeLong(-30, 30_000));
                case 2 -> numbers.add(data.consumeRegularDouble());
                default -> {
                    byte[] magnitude = data.consumeBytes(420);
                    numbers.add(magnitude.length == 0 ? BigInteger.ZERO : new BigInteger(magnitude));
                }
            }
        }
        return numbers.build();
    }
}

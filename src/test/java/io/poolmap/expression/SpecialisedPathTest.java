package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;

/**
 * The tree specialised for {@code long} inputs gives, for every input, exactly what the interpreter gives: the same
 * value of the same type, or the same error. Thousands of generated expressions, each over the long edge values and
 * random longs of every size, through {@link CompiledExpression#applyRange} on a batch of longs only.
 */
class SpecialisedPathTest {

    private static final long SEED = Long.getLong("poolmap.expressions.seed", 7_919L);

    @Test
    void theLongPathAgreesWithTheInterpreterOnEveryItem() {
        ExpressionGenerator generator = new ExpressionGenerator(SEED);
        Random random = new Random(SEED);
        List<String> disagreements = new ArrayList<>();
        int specialised = 0;
        for (int n = 0; n < 20_000; n++) {
            CompiledExpression compiled;
            try {
                compiled = Expressions.compile(generator.next());
            } catch (ExpressionSyntaxException notAnExpression) {
                continue;
            }
            specialised += compiled.specialised() ? 1 : 0;
            long[] inputs = inputs(random);
            Numbers in = Numbers.ofLongs(inputs);
            Numbers out = Numbers.forResults(inputs.length);
            for (int i = 0; i < inputs.length; i++) {
                Outcome fast = applied(compiled, in, i, out);
                Outcome reference = interpreted(compiled, inputs[i]);
                if (!fast.equals(reference)) {
                    disagreements.add(compiled.source() + " for x = " + inputs[i] + ": " + fast + " ≠ " + reference);
                }
            }
        }
        assertThat(specialised).as("most generated expressions have a specialised form").isGreaterThan(5_000);
        assertThat(disagreements).as("seed %d", SEED).isEmpty();
    }

    private static long[] inputs(Random random) {
        long[] inputs = new long[12];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = switch (k % 3) {
                case 0 -> (Long) EdgeValues.ALL.get(random.nextInt(20));
                case 1 -> random.nextLong() >> random.nextInt(64);
                default -> random.nextInt(-20, 21);
            };
        }
        return inputs;
    }

    private static Outcome applied(CompiledExpression compiled, Numbers in, int i, Numbers out) {
        try {
            compiled.applyRange(in, i, i + 1, out);
            return Outcome.of(out, i);
        } catch (ExpressionItemException failure) {
            return Outcome.error(failure.errorType());
        }
    }

    private static Outcome interpreted(CompiledExpression compiled, long x) {
        try {
            return Outcome.ofValue(compiled.interpret(x));
        } catch (PyError error) {
            return Outcome.error(error.type());
        }
    }
}

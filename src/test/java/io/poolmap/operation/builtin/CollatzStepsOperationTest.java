package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.integer;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.ints;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.StopSignal;
import io.poolmap.operation.NumbersFixtures;

class CollatzStepsOperationTest {

    private final Operation collatz = new CollatzStepsOperation(BuiltInOperations.defaultLimits());

    @Test
    void knownStepCountsAreReproduced() throws Exception {
        long[][] known = {{1, 0}, {2, 1}, {3, 7}, {6, 8}, {7, 16}, {27, 111}, {97, 118}, {871, 178}, {837_799, 524},
            {63_728_127, 949}};
        for (long[] pair : known) {
            assertThat(apply(collatz, pair[0])).as("collatz_steps(%d)", pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void stepsOfAnyPositiveLongMatchABigIntegerReference() {
        forAll(500, longs(1, Long.MAX_VALUE), n ->
                assertThat(apply(collatz, n)).as("collatz_steps(%d)", n).isEqualTo(reference(BigInteger.valueOf(n))));
    }

    @Test
    void stepsOfLongsWhereThreeNPlusOneOverflowsMatchABigIntegerReference() {
        forAll(500, longs((Long.MAX_VALUE - 1) / 3 - 1000, Long.MAX_VALUE), n ->
                assertThat(apply(collatz, n)).as("collatz_steps(%d)", n).isEqualTo(reference(BigInteger.valueOf(n))));
    }

    @Test
    void stepsOfIntegersOfUpToSixtyDigitsMatchABigIntegerReference() {
        forAll(300, bigIntegers(BigInteger.ONE, BigInteger.TEN.pow(60)), n ->
                assertThat(apply(collatz, integer(n))).as("collatz_steps(%s)", n).isEqualTo(reference(n)));
    }

    @Test
    void theLargestLongTakesTheBigIntegerPathAndComesBack() throws Exception {
        assertThat(apply(collatz, Long.MAX_VALUE)).isEqualTo(862L);
        long lastSafe = (Long.MAX_VALUE - 1) / 3;
        for (long n : new long[] {lastSafe - 1, lastSafe + 1, Long.MAX_VALUE - 2}) {
            assertThat(apply(collatz, n)).as("collatz_steps(%d)", n).isEqualTo(reference(BigInteger.valueOf(n)));
        }
    }

    @Test
    void anItemThatNeedsMoreStepsThanTheLimitFailsNamingTheProperty() {
        Operation limited = withMaxSteps(110);
        assertThatThrownBy(() -> apply(limited, 27)).isInstanceOf(OperationException.class)
                .hasMessage("collatz_steps did not reach 1 within 110 steps (poolmap.operations.collatz-max-steps)");
    }

    @Test
    void anItemThatNeedsExactlyTheLimitSucceeds() throws Exception {
        assertThat(apply(withMaxSteps(111), 27)).isEqualTo(111L);
        assertThat(apply(withMaxSteps(10), 1024)).isEqualTo(10L);
        assertThatThrownBy(() -> apply(withMaxSteps(9), 1024)).isInstanceOf(OperationException.class);
        assertThatThrownBy(() -> apply(withMaxSteps(99), BigInteger.TWO.pow(100)))
                .isInstanceOf(OperationException.class);
    }

    @Test
    void theBulkLoopFailsOrSucceedsAsEachItemDoesWhateverTheLimitOfSteps() {
        long lastSafe = (Long.MAX_VALUE - 1) / 3;
        long[] edges = {1, 2, 3, 27, 97, 871, 1024, 837_799, lastSafe - 1, lastSafe, lastSafe + 1, Long.MAX_VALUE};
        forAll(150, ints(1, 1000), limit -> {
            Operation limited = withMaxSteps(limit);
            for (int i = 0; i < 400; i++) {
                long n = i < edges.length ? edges[i] : i * 7919L + limit;
                assertSameOutcome(limited, n, limit);
            }
        });
    }

    private static void assertSameOutcome(Operation operation, long n, int limit) throws Exception {
        Numbers in = Numbers.ofLongs(n);
        Numbers one = Numbers.forResults(1);
        String itemFailure = null;
        try {
            operation.apply(in, 0, one);
        } catch (OperationException failed) {
            itemFailure = failed.getMessage();
        }
        Numbers bulk = Numbers.forResults(1);
        ItemCursor at = new ItemCursor(new StopSignal(), 0);
        if (itemFailure == null) {
            operation.applyRange(in, 1, bulk, at);
            assertThat(bulk.longAt(0)).as("collatz_steps(%d) within %d steps", n, limit).isEqualTo(one.longAt(0));
        } else {
            assertThatThrownBy(() -> operation.applyRange(in, 1, bulk, at)).as("collatz_steps(%d) within %d steps", n, limit)
                    .isInstanceOf(OperationException.class).hasMessage(itemFailure);
        }
    }

    @Test
    void decimalsNonPositiveIntegersAndTooManyDigitsAreOutsideTheDomain() {
        String reason = "collatz_steps needs an integer n ≥ 1 of at most 100 digits";
        assertThat(refusal(collatz, 0)).isEqualTo(reason);
        assertThat(refusal(collatz, -5)).isEqualTo(reason);
        assertThat(refusal(collatz, 27.0)).isEqualTo(reason);
        assertThat(refusal(collatz, BigInteger.TEN.pow(100))).isEqualTo(reason);
        assertThat(refusal(collatz, BigInteger.TEN.pow(30).negate())).isEqualTo(reason);
        assertThat(refusal(collatz, BigInteger.TEN.pow(100).subtract(BigInteger.ONE))).isNull();
        assertThat(refusal(collatz, 1)).isNull();
        assertThat(collatz.info().limit())
                .contains("poolmap.operations.collatz-max-steps", "poolmap.operations.collatz-max-digits");
    }

    private static Operation withMaxSteps(int maxSteps) {
        return new CollatzStepsOperation(new OperationLimits(2000, 20_000, maxSteps, 100, 300, 10_000));
    }

    private static long reference(BigInteger n) {
        long steps = 0;
        BigInteger three = BigInteger.valueOf(3);
        for (BigInteger x = n; !x.equals(BigInteger.ONE); steps++) {
            x = x.testBit(0) ? x.multiply(three).add(BigInteger.ONE) : x.divide(BigInteger.TWO);
        }
        return steps;
    }
}

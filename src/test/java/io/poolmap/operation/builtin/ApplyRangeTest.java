package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.numbers;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.doubles;
import static io.poolmap.testing.Generators.ints;
import static io.poolmap.testing.Generators.longs;
import static io.poolmap.testing.Generators.of;
import static io.poolmap.testing.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.testing.Generator;
import org.junit.jupiter.api.Test;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.StopSignal;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.NumbersFixtures;

/** The bulk loops of the operations that override {@link Operation#applyRange} compute what {@link Operation#apply} does. */
class ApplyRangeTest {

    private static final BigInteger TEN_TO_30 = BigInteger.TEN.pow(30);

    private final List<Operation> operations = List.of(new SquareOperation(), new CubeOperation(), new DoubleOperation(),
            new NegateOperation(), new AbsOperation(), new IncrementOperation(),
            new CollatzStepsOperation(BuiltInOperations.defaultLimits()), new IsPrimeOperation(BuiltInOperations.defaultLimits()),
            new IsPrimeOperation(new OperationLimits(2000, 20_000, 100_000, 100, 12, 10_000)));

    /** A batch and the two ints that pick the range of it to compute. */
    private record Range(List<Object> values, int a, int b) {
    }

    private static Generator<Range> ranges(Generator<Object> item) {
        Generator<List<Object>> batches = item.lists(1, 60);
        Generator<Integer> anyInt = ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
        return random -> new Range(batches.next(random), anyInt.next(random), anyInt.next(random));
    }

    @Test
    void aRangeOfLongsGivesWhatEachItemGives() {
        Generator<Object> item = oneOf(longs(1, 1_000_000), longs(), of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                3037000500L, 2097152L, (Long.MAX_VALUE - 1) / 3 + 2));
        forAll(500, ranges(item), range -> assertRangeMatchesItems(range.values(), range.a(), range.b()));
    }

    @Test
    void aRangeOfMixedNumbersGivesWhatEachItemGives() {
        Generator<Object> item = oneOf(longs(1, 1_000_000), longs(), bigIntegers(TEN_TO_30.negate(), TEN_TO_30),
                doubles(-1e6, 1e6));
        forAll(500, ranges(item), range -> assertRangeMatchesItems(range.values(), range.a(), range.b()));
    }

    @Test
    void anArithmeticRangeStopsAtTheItemAfterTheStopSignal() {
        StopSignal stop = new StopSignal();
        Operation stopsAtThree = new SquareOperation() {
            @Override
            long applyLong(long x) {
                if (x == 3) {
                    stop.stop();
                }
                return super.applyLong(x);
            }
        };
        assertStopsAfterItemThree(stopsAtThree, stop);
    }

    @Test
    void theDefaultRangeStopsAtTheItemAfterTheStopSignal() {
        StopSignal stop = new StopSignal();
        Operation square = new SquareOperation();
        Operation stopsAtThree = new Operation() {
            public OperationInfo info() {
                return new OperationInfo("stops_at_three", "squares, and stops its job at 3", OperationKind.CPU, "any number",
                        "none", square.info().example(), 1);
            }

            public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
                if (in.longAt(i) == 3) {
                    stop.stop();
                }
                square.apply(in, i, out);
            }
        };
        assertStopsAfterItemThree(stopsAtThree, stop);
    }

    @Test
    void aStoppedJobsRangeComputesNothing() throws Exception {
        for (Operation operation : operations) {
            StopSignal stop = new StopSignal();
            stop.stop();
            ItemCursor at = new ItemCursor(stop, 2);
            Numbers out = Numbers.forResults(5);
            operation.applyRange(numbers(1, 2, 3, 4, 5), 5, out, at);
            assertThat(at.next()).as(operation.name()).isEqualTo(2);
        }
    }

    private void assertStopsAfterItemThree(Operation operation, StopSignal stop) {
        ItemCursor at = new ItemCursor(stop, 1);
        Numbers out = Numbers.forResults(10);
        try {
            operation.applyRange(numbers(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 10, out, at);
        } catch (InterruptedException unexpected) {
            throw new AssertionError(unexpected);
        }
        assertThat(at.next()).isEqualTo(4);
        assertThat(List.of(out.valueAt(1), out.valueAt(2), out.valueAt(3), out.valueAt(4)))
                .containsExactly(1L, 4L, 9L, 0L);
    }

    private void assertRangeMatchesItems(List<Object> values, int a, int b) throws Exception {
        Numbers in = numbers(values.toArray());
        int from = Math.floorMod(a, values.size());
        int to = from + Math.floorMod(b, values.size() - from + 1);
        for (Operation operation : operations) {
            Numbers expected = Numbers.forResults(values.size());
            int failed = -1;
            String failure = null;
            for (int i = from; i < to && failed < 0; i++) {
                try {
                    operation.apply(in, i, expected);
                } catch (OperationException e) {
                    failed = i;
                    failure = e.getMessage();
                }
            }
            Numbers actual = Numbers.forResults(values.size());
            ItemCursor at = new ItemCursor(new StopSignal(), from);
            if (failed < 0) {
                operation.applyRange(in, to, actual, at);
                assertThat(at.next()).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> operation.applyRange(in, to, actual, at))
                        .isInstanceOf(OperationException.class).hasMessage(failure);
                assertThat(at.next()).isEqualTo(failed);
            }
            for (int i = from; i < at.next(); i++) {
                assertThat(actual.valueAt(i)).as("%s(%s)", operation.name(), values.get(i)).isEqualTo(expected.valueAt(i));
            }
        }
    }
}

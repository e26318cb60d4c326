package io.poolmap.testing;

import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.doubles;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForAllTest {

    @Test
    void aFailureNamesTheSeedTheTryAndTheValueAndKeepsTheCause() {
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> forAll(42, 1000, longs(0, 1000), x -> {
            seen.add(x);
            assertThat(x).isLessThan(500);
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("on try %d of 1000 with seed 42 (replay with -Dpoolmap.seed=42)", seen.size())
                .hasMessageContaining("value: " + seen.getLast())
                .cause().isInstanceOf(AssertionError.class).hasMessageContaining("to be less than");
        assertThat(seen.getLast()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void theSameSeedChecksTheSameValuesInTheSameOrder() {
        assertThat(values(7, longs())).isEqualTo(values(7, longs())).isNotEqualTo(values(8, longs()));
    }

    @Test
    void theSeedPropertyReplaysARun() {
        String before = System.getProperty(ForAll.SEED_PROPERTY);
        System.setProperty(ForAll.SEED_PROPERTY, "99");
        try {
            List<Long> replayed = new ArrayList<>();
            forAll(100, longs(), replayed::add);
            assertThat(replayed).isEqualTo(values(99, longs()).subList(0, 100));
        } finally {
            if (before == null) {
                System.clearProperty(ForAll.SEED_PROPERTY);
            } else {
                System.setProperty(ForAll.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void theEdgeValuesComeUpAmongTheValues() {
        assertThat(values(1, longs())).contains(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                (long) Integer.MAX_VALUE, 1L << 53);
        assertThat(values(1, longs(10, 20))).contains(10L, 11L, 19L, 20L);
        assertThat(values(1, doubles()).stream().map(Double::doubleToRawLongBits))
                .contains(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(0.0));
        assertThat(values(1, doubles())).contains(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                Math.nextUp(Math.sqrt(Double.MAX_VALUE)));
        BigInteger huge = BigInteger.TEN.pow(100);
        assertThat(values(1, bigIntegers(huge.negate(), huge))).contains(huge, huge.negate(), BigInteger.ZERO,
                BigInteger.TWO.pow(63), BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE));
    }

    @Test
    void everyValueLiesWithinItsBounds() {
        assertThat(values(3, longs(Long.MAX_VALUE - 3, Long.MAX_VALUE))).allMatch(x -> x >= Long.MAX_VALUE - 3);
        assertThat(values(3, longs(Long.MIN_VALUE, Long.MIN_VALUE + 2))).allMatch(x -> x <= Long.MIN_VALUE + 2);
        assertThat(values(3, longs(3_037_000_499L, Long.MAX_VALUE))).allMatch(x -> x >= 3_037_000_499L);
        assertThat(values(3, longs(-5, -5))).containsOnly(-5L);
        assertThat(values(3, Generators.ints(1, 100_000))).allMatch(x -> 1 <= x && x <= 100_000);
        assertThat(values(3, doubles(0, Double.MAX_VALUE))).allMatch(x -> x >= 0 && Double.isFinite(x));
        assertThat(values(3, doubles(-1e6, 1e6))).allMatch(x -> -1e6 <= x && x <= 1e6);
        assertThat(values(3, doubles())).allMatch(Double::isFinite);
        BigInteger top = BigInteger.TWO.pow(1024);
        assertThat(values(3, bigIntegers(BigInteger.ONE, top)))
                .allMatch(x -> x.signum() > 0 && x.compareTo(top) <= 0);
    }

    @Test
    void valuesOfEveryMagnitudeComeUp() {
        assertThat(values(5, longs()).stream().map(x -> 64 - Long.numberOfLeadingZeros(Math.abs(x))))
                .as("bit lengths").containsAll(List.of(0, 1, 8, 16, 31, 32, 40, 53, 62, 63, 64));
    }

    private static <T> List<T> values(long seed, Generator<T> generator) {
        List<T> values = new ArrayList<>();
        forAll(seed, 10_000, generator, values::add);
        return values;
    }
}

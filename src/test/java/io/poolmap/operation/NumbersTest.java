package io.poolmap.operation;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link Numbers} collects a batch and hands out its {@code long}s in bulk. */
class NumbersTest {

    @Test
    void aBuilderKeepsEveryItemAndItsKindAcrossManyBlocks() {
        int size = 300_000;
        BigInteger huge = BigInteger.TWO.pow(70);
        NumbersBuilder builder = Numbers.builder();
        for (int i = 0; i < size; i++) {
            if (i == 100_000) {
                builder.add(2.5);
            } else if (i == 200_001) {
                builder.add(huge.add(BigInteger.valueOf(i)));
            } else {
                builder.add((long) i * 3);
            }
        }

        Numbers numbers = builder.build();

        assertThat(numbers.size()).isEqualTo(size);
        assertThat(numbers.longAt(0)).isZero();
        assertThat(numbers.longAt(65_536)).isEqualTo(65_536L * 3);
        assertThat(numbers.longAt(99_999)).isEqualTo(99_999L * 3);
        assertThat(numbers.doubleAt(100_000)).isEqualTo(2.5);
        assertThat(numbers.longAt(100_001)).isEqualTo(100_001L * 3);
        assertThat(numbers.bigAt(200_001)).isEqualTo(huge.add(BigInteger.valueOf(200_001)));
        assertThat(numbers.longAt(size - 1)).isEqualTo((size - 1L) * 3);
        assertThat(numbers.longsOrNull()).isNull();
    }

    @Test
    void aBuilderOfLongsOnlyGivesOneExactLongArray() {
        NumbersBuilder builder = Numbers.builder();
        for (long i = 1; i <= 70_000; i++) {
            builder.add(i);
        }

        long[] longs = builder.build().longsOrNull();

        assertThat(longs).hasSize(70_000).startsWith(1, 2, 3).endsWith(69_999, 70_000);
    }

    @Test
    void resultsThatAreAllLongsAreSeenAsOneLongArray() {
        Numbers results = Numbers.forResults(3);
        results.setLong(0, 1);
        results.setInteger(1, BigInteger.valueOf(4));
        results.setLong(2, 9);

        assertThat(results.longsOrNull()).containsExactly(1, 4, 9);
        assertThat(Numbers.ofLongs(5, 6).longsOrNull()).containsExactly(5, 6);
    }

    @Test
    void oneItemThatIsNotALongMeansNoLongArray() {
        Numbers big = Numbers.forResults(2);
        big.setLong(0, 1);
        big.setInteger(1, BigInteger.TWO.pow(64));
        Numbers decimal = Numbers.builder().add(1L).add(2.5).build();
        Numbers bool = Numbers.forResults(1);
        bool.setBoolean(0, false);

        assertThat(big.longsOrNull()).isNull();
        assertThat(decimal.longsOrNull()).isNull();
        assertThat(bool.longsOrNull()).isNull();
    }
}

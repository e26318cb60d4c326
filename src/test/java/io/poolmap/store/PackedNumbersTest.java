package io.poolmap.store;

import io.poolmap.operation.NumberSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.poolmap.operation.Numbers;
import io.poolmap.store.RandomNumbers.Profile;
import org.junit.jupiter.api.Test;

/**
 * Round trips of {@link PackedNumbers} over seeded random batches of every kind with the edge values mixed in; the
 * seed is in every failure message (rerun one with {@code -Dpoolmap.test.seed=<seed>}).
 */
class PackedNumbersTest {

    private static final long SEED = Long.getLong("poolmap.test.seed", System.nanoTime());

    @Test
    void randomChunksRoundTripExactlyWhateverTheirKinds() {
        RandomNumbers numbers = new RandomNumbers(SEED);
        for (int round = 0; round < 2_000; round++) {
            Numbers batch = numbers.batch(numbers.random().nextInt(300));
            int from = numbers.random().nextInt(batch.size() + 1);
            int to = from + numbers.random().nextInt(batch.size() - from + 1);

            byte[] packed = PackedNumbers.pack(batch, from, to);

            String what = "seed " + SEED + ", round " + round + ", items [" + from + ", " + to + ") of " + batch;
            assertThat(PackedNumbers.count(packed)).as(what).isEqualTo(to - from);
            Numbers target = Numbers.forResults(batch.size() + 7);
            PackedNumbers.unpackInto(packed, target, 7);
            assertSameItems(batch, from, target, 7, to - from, what);
            assertSameItems(batch, from, PackedNumbers.unpack(packed), 0, to - from, what);
        }
    }

    @Test
    void aRangeReadHandsOverExactlyTheItemsOfThatRange() {
        RandomNumbers numbers = new RandomNumbers(SEED);
        for (int round = 0; round < 1_000; round++) {
            Numbers batch = numbers.batch(1 + numbers.random().nextInt(200));
            byte[] packed = PackedNumbers.pack(batch, 0, batch.size());
            int from = numbers.random().nextInt(batch.size() + 1);
            int to = from + numbers.random().nextInt(batch.size() - from + 1);

            List<Object> items = new ArrayList<>();
            PackedNumbers.read(packed, from, to, new RecordingSink(items));

            String what = "seed " + SEED + ", round " + round + ", range [" + from + ", " + to + ") of " + batch;
            List<Object> expected = new ArrayList<>();
            for (int i = from; i < to; i++) {
                expected.add(i + "=" + asText(batch, i));
            }
            assertThat(items).as(what).isEqualTo(expected);
        }
    }

    @Test
    void longsOnlyAreEightBytesEachOrFewerWithNoTagPerItem() {
        long[] extremes = new long[1000];
        Arrays.fill(extremes, Long.MIN_VALUE);
        extremes[500] = Long.MAX_VALUE;
        assertThat(PackedNumbers.pack(Numbers.ofLongs(extremes), 0, 1000)).hasSize(PackedNumbers.HEADER + 8 * 1000);

        Numbers small = new RandomNumbers(SEED).batch(Profile.SMALL_LONGS, 1000);
        assertThat(PackedNumbers.pack(small, 0, 1000).length).as("seed %d", SEED).isLessThanOrEqualTo(PackedNumbers.HEADER + 2 * 1000);
    }

    @Test
    void aChunkOfLongsUnpacksIntoABatchOfLongs() {
        Numbers unpacked = PackedNumbers.unpack(PackedNumbers.pack(Numbers.ofLongs(3, Long.MIN_VALUE, 5), 0, 3));

        assertThat(unpacked.onlyLongs()).isTrue();
        assertThat(unpacked.longsOrNull()).containsExactly(3, Long.MIN_VALUE, 5);
    }

    @Test
    void booleansCostOneBitEachAndDoublesKeepTheirSignOfZero() {
        Numbers booleans = new RandomNumbers(SEED).batch(Profile.BOOLEANS, 1001);
        assertThat(PackedNumbers.pack(booleans, 0, 1001)).hasSize(PackedNumbers.HEADER + 126);

        Numbers zeros = Numbers.forResults(2);
        zeros.setDouble(0, -0.0);
        zeros.setDouble(1, 0.0);
        Numbers back = PackedNumbers.unpack(PackedNumbers.pack(zeros, 0, 2));
        assertThat(Double.doubleToRawLongBits(back.doubleAt(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(back.doubleAt(1))).isZero();
    }

    @Test
    void aHugeIntegerAmongOtherKindsComesBackExact() {
        BigInteger huge = BigInteger.valueOf(7).pow(20_000).negate();
        Numbers mixed = Numbers.forResults(4);
        mixed.setInteger(0, huge);
        mixed.setDouble(1, -0.0);
        mixed.setLong(2, Long.MIN_VALUE);
        mixed.setBoolean(3, true);

        Numbers back = PackedNumbers.unpack(PackedNumbers.pack(mixed, 0, 4));

        assertSameItems(mixed, 0, back, 0, 4, "a huge integer among other kinds");
    }

    @Test
    void bytesThatAreNotAPackedChunkAreRefusedRatherThanMisread() {
        byte[] packed = PackedNumbers.pack(new RandomNumbers(SEED).batch(Profile.MIXED, 50), 0, 50);
        byte[] truncated = Arrays.copyOf(packed, packed.length - 1);
        byte[] fixedTruncated = Arrays.copyOf(PackedNumbers.pack(Numbers.ofLongs(Long.MIN_VALUE, 2), 0, 2), 12);
        Numbers endsWithADouble = Numbers.forResults(2);
        endsWithADouble.setBoolean(0, true);
        endsWithADouble.setDouble(1, 2.5);
        byte[] doubleTruncated = PackedNumbers.pack(endsWithADouble, 0, 2);
        doubleTruncated = Arrays.copyOf(doubleTruncated, doubleTruncated.length - 1);
        byte[] badTag = PackedNumbers.pack(Numbers.ofLongs(Long.MIN_VALUE), 0, 1);
        badTag[0] = PackedNumbers.MIXED;
        badTag[PackedNumbers.HEADER] = 9;

        for (byte[] bytes : List.of(truncated, fixedTruncated, doubleTruncated, badTag, new byte[] {42, 0, 0, 0, 0}, new byte[2])) {
            assertThatThrownBy(() -> PackedNumbers.unpack(bytes)).as("seed %d: %s", SEED, Arrays.toString(bytes))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a well-formed packed chunk");
        }
    }

    @Test
    void anEmptyRangePacksToAHeaderAlone() {
        byte[] packed = PackedNumbers.pack(Numbers.ofLongs(1, 2, 3), 2, 2);

        assertThat(packed).hasSize(PackedNumbers.HEADER);
        assertThat(PackedNumbers.unpack(packed).size()).isZero();
    }

    static void assertSameItems(Numbers expected, int from, Numbers actual, int offset, int count, String what) {
        for (int i = 0; i < count; i++) {
            assertThat(asText(actual, offset + i)).as("%s: item %d", what, from + i).isEqualTo(asText(expected, from + i));
        }
    }

    /** The item with its kind, doubles by their bits, so that {@code -0.0} and {@code 0.0} differ. */
    static String asText(Numbers numbers, int i) {
        return switch (numbers.kind(i)) {
            case DOUBLE -> "DOUBLE:" + Long.toHexString(Double.doubleToRawLongBits(numbers.doubleAt(i)));
            default -> numbers.kind(i) + ":" + numbers.valueAt(i);
        };
    }

    /** Records what a range read hands over, as "index=KIND:value". */
    private record RecordingSink(List<Object> items) implements NumberSink {

        @Override
        public void acceptLong(int index, long value) {
            items.add(index + "=LONG:" + value);
        }

        @Override
        public void acceptDouble(int index, double value) {
            items.add(index + "=DOUBLE:" + Long.toHexString(Double.doubleToRawLongBits(value)));
        }

        @Override
        public void acceptBig(int index, BigInteger value) {
            items.add(index + "=BIG:" + value);
        }

        @Override
        public void acceptBoolean(int index, boolean value) {
            items.add(index + "=BOOLEAN:" + value);
        }
    }
}

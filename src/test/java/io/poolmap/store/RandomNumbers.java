package io.poolmap.store;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.IntFunction;

import io.poolmap.operation.Numbers;

/**
 * Seeded batches for the codec's round-trip tests: each batch draws its items from one profile (longs only, small
 * longs, doubles, booleans, big integers, or everything mixed), with the edge values mixed in at a high rate.
 */
final class RandomNumbers {

    private static final long[] EDGE_LONGS = {0, 1, -1, 63, 64, -64, -65, 127, 128, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 56, -(1L << 56)};
    private static final double[] EDGE_DOUBLES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 0.1, 1e300, -1e-300, Math.PI};
    private static final BigInteger[] EDGE_BIGS = {BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64), BigInteger.TEN.pow(1000), BigInteger.TEN.pow(1000).negate(), BigInteger.ONE.shiftLeft(127).negate()};

    /** The kinds of item a batch may hold. */
    enum Profile { LONGS, SMALL_LONGS, DOUBLES, BOOLEANS, BIGS, MIXED }

    private final Random random;

    RandomNumbers(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A batch of {@code size} items drawn from a random profile. */
    Numbers batch(int size) {
        return batch(Profile.values()[random.nextInt(Profile.values().length)], size);
    }

    Numbers batch(Profile profile, int size) {
        if (profile == Profile.LONGS || profile == Profile.SMALL_LONGS) {
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = profile == Profile.LONGS ? aLong() : random.nextInt(2000) - 1000;
            }
            return Numbers.ofLongs(values);
        }
        Numbers numbers = Numbers.forResults(size);
        IntFunction<Profile> kindOf = i -> profile == Profile.MIXED
                ? Profile.values()[random.nextInt(Profile.values().length - 1)] : profile;
        for (int i = 0; i < size; i++) {
            switch (kindOf.apply(i)) {
                case LONGS, SMALL_LONGS -> numbers.setLong(i, aLong());
                case DOUBLES -> numbers.setDouble(i, aDouble());
                case BOOLEANS -> numbers.setBoolean(i, random.nextBoolean());
                case BIGS, MIXED -> numbers.setInteger(i, aBig());
            }
        }
        return numbers;
    }

    long aLong() {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
            case 1 -> random.nextInt(300) - 150;
            case 2 -> random.nextLong() >> random.nextInt(64);
            default -> random.nextLong();
        };
    }

    double aDouble() {
        if (random.nextInt(3) == 0) {
            return EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
        }
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** An integer beyond {@code long}, as {@link Numbers} keeps only those as big integers. */
    BigInteger aBig() {
        if (random.nextInt(3) == 0) {
            return EDGE_BIGS[random.nextInt(EDGE_BIGS.length)];
        }
        BigInteger magnitude = new BigInteger(64 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 200), random)
                .setBit(63 + random.nextInt(2));
        return random.nextBoolean() ? magnitude : magnitude.negate();
    }
}

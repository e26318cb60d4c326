package io.poolmap.testing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Generators of numbers within bounds that mix three kinds of draw: edge values (the bounds and their neighbours,
 * 0, ±1, the limits of int, long and exact doubles, -0.0, doubles near overflow), values of every magnitude alike,
 * and values uniform over the range; the edge values come up in about one draw in eight.
 */
public final class Generators {

    private static final double EDGE = 0.125;
    private static final double ANY_MAGNITUDE = 0.625;
    private static final long[] LONG_EDGES = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 31, 1L << 32,
        -(1L << 32), 1L << 53, (1L << 53) + 1, -(1L << 53), -(1L << 53) - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE, Long.MAX_VALUE - 1};
    private static final double[] DOUBLE_EDGES = {0.0, 0.1, 0.5, 1.0, 2.0, Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), Double.MAX_VALUE / 2, Math.nextUp(Double.MAX_VALUE / 2),
        Math.sqrt(Double.MAX_VALUE), Math.nextUp(Math.sqrt(Double.MAX_VALUE)), Math.cbrt(Double.MAX_VALUE),
        Math.nextUp(Math.cbrt(Double.MAX_VALUE)), 0x1p53, 0x1p53 + 2, 0x1p63, 1e16, 1e300, 1e-300};
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);
    private static final BigInteger TWO_TO_64 = BigInteger.TWO.pow(64);

    private Generators() {
    }

    public static Generator<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static Generator<Long> longs(long min, long max) {
        require(min <= max, min, max);
        long[] edges = LongStream.concat(LongStream.of(min, min + 1, max - 1, max), Arrays.stream(LONG_EDGES))
                .filter(x -> min <= x && x <= max).distinct().toArray();
        int bits = Math.min(63, 64 - Long.numberOfLeadingZeros(max - min));
        return random -> {
            double kind = random.nextDouble();
            if (kind < EDGE) {
                return edges[random.nextInt(edges.length)];
            }
            if (kind < EDGE + ANY_MAGNITUDE) {
                int length = random.nextInt(bits + 1);
                long offset = length == 0 ? 0 : random.nextLong() >>> (64 - length);
                long x = min <= 0 && 0 <= max ? (random.nextBoolean() ? offset : -offset)
                        : (random.nextBoolean() ? min + offset : max - offset);
                if (min <= x && x <= max) {
                    return x;
                }
            }
            if (max < Long.MAX_VALUE) {
                return random.nextLong(min, max + 1);
            }
            return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
        };
    }

    public static Generator<Integer> ints(int min, int max) {
        return longs(min, max).map(Math::toIntExact);
    }

    /** Any finite double: NaN and the infinities are not numbers a poolmap batch can hold. */
    public static Generator<Double> doubles() {
        return doubles(-Double.MAX_VALUE, Double.MAX_VALUE);
    }

    public static Generator<Double> doubles(double min, double max) {
        require(Double.isFinite(min) && Double.isFinite(max) && min <= max, min, max);
        double[] edges = DoubleStream.concat(DoubleStream.of(min, Math.nextUp(min), Math.nextDown(max), max, -0.0),
                        Arrays.stream(DOUBLE_EDGES).flatMap(x -> DoubleStream.of(x, -x)))
                .filter(x -> min <= x && x <= max).boxed().distinct().mapToDouble(Double::doubleValue).toArray();
        return random -> {
            double kind = random.nextDouble();
            if (kind < EDGE) {
                return edges[random.nextInt(edges.length)];
            }
            if (kind < EDGE + ANY_MAGNITUDE) {
                double x = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                        : random.nextLong(-1_000_000_000, 1_000_000_000) / Math.pow(10, random.nextInt(10));
                if (min <= x && x <= max) {
                    return x;
                }
            }
            return min < max ? random.nextDouble(min, max) : min;
        };
    }

    public static Generator<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        require(min.compareTo(max) <= 0, min, max);
        BigInteger span = max.subtract(min);
        List<BigInteger> edges = Stream.concat(Stream.of(min, min.add(BigInteger.ONE), max.subtract(BigInteger.ONE), max),
                        Stream.of(BigInteger.ZERO, BigInteger.ONE, TWO_TO_63.subtract(BigInteger.ONE), TWO_TO_63,
                                TWO_TO_63.add(BigInteger.ONE), TWO_TO_64.subtract(BigInteger.ONE), TWO_TO_64)
                                .flatMap(x -> Stream.of(x, x.negate())))
                .filter(x -> x.compareTo(min) >= 0 && x.compareTo(max) <= 0).distinct().toList();
        int bits = Math.max(min.bitLength(), max.bitLength());
        return random -> {
            double kind = random.nextDouble();
            if (kind < EDGE) {
                return edges.get(random.nextInt(edges.size()));
            }
            if (kind < EDGE + ANY_MAGNITUDE) {
                BigInteger x = randomBits(random, random.nextInt(bits + 1));
                x = random.nextBoolean() ? x : x.negate();
                if (x.compareTo(min) >= 0 && x.compareTo(max) <= 0) {
                    return x;
                }
            }
            BigInteger offset;
            do {
                offset = randomBits(random, span.bitLength());
            } while (offset.compareTo(span) > 0);
            return min.add(offset);
        };
    }

    /** One of the given values, each as likely. */
    @SafeVarargs
    public static <T> Generator<T> of(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** A value of one of the given generators, each as likely. */
    @SafeVarargs
    public static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        List<Generator<? extends T>> choices = List.of(generators);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    private static BigInteger randomBits(RandomGenerator random, int bits) {
        if (bits == 0) {
            return BigInteger.ZERO;
        }
        byte[] bytes = new byte[(bits + 7) / 8];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes).shiftRight(bytes.length * 8 - bits);
    }

    private static void require(boolean valid, Object min, Object max) {
        if (!valid) {
            throw new IllegalArgumentException("no values between " + min + " and " + max);
        }
    }
}

package io.poolmap.expression;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.poolmap.operation.Numbers;

/**
 * The inputs where Python's arithmetic is easiest to get wrong: zero and ±1, the long bounds and their neighbours,
 * 2^53 (where doubles stop being exact), integers beyond a long and beyond a double, signed zeros, subnormals,
 * doubles near the overflow, halves (banker's rounding) and both bools.
 */
final class EdgeValues {

    private static final long[] LONGS = {0, 1, -1, 2, -2, 3, -3, 5, 7, -7, 10, -10, 100, 255, 1L << 31, 3037000499L,
        3037000500L, -3037000500L, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 1L << 62, Long.MAX_VALUE,
        Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_007L, 12345678901L};

    static final List<Object> ALL = all();

    private EdgeValues() {
    }

    private static List<Object> all() {
        List<Object> values = new ArrayList<>();
        for (long value : LONGS) {
            values.add(value);
        }
        for (String value : new String[] {"9223372036854775808", "-9223372036854775809", "18446744073709551616",
                "1000000000000000000000000000000", "-1000000000000000000000000000000", "1" + "0".repeat(400),
                "-3" + "0".repeat(320)}) {
            values.add(new BigInteger(value));
        }
        BigInteger largestToRoundDown = BigInteger.TWO.pow(1024).subtract(BigInteger.TWO.pow(970));
        values.add(largestToRoundDown.subtract(BigInteger.ONE));
        values.add(largestToRoundDown);
        for (double value : new double[] {0.0, -0.0, 0.1, -0.1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -7.0, 1e16, 1e308,
                -1e308, Double.MIN_VALUE, 1e-310, 123.456, 0x1p53, 9007199254740993.0, 1e-5, 0.30000000000000004,
                2.675, 1e22}) {
            values.add(value);
        }
        values.add(true);
        values.add(false);
        return List.copyOf(values);
    }

    /** {@code count} values drawn from {@link #ALL}, some of them longs in any case, so the long path is exercised. */
    static List<Object> sample(Random random, int count) {
        List<Object> sample = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            sample.add(k < 2 ? ALL.get(random.nextInt(LONGS.length)) : ALL.get(random.nextInt(ALL.size())));
        }
        return sample;
    }

    /** A batch holding {@code values} as Numbers holds them (mixed kinds, so not a batch of longs only). */
    static Numbers numbers(List<Object> values) {
        Numbers numbers = Numbers.forResults(values.size());
        for (int i = 0; i < values.size(); i++) {
            switch (values.get(i)) {
                case Long value -> numbers.setLong(i, value);
                case BigInteger value -> numbers.setInteger(i, value);
                case Double value -> numbers.setDouble(i, value);
                case Boolean value -> numbers.setBoolean(i, value);
                default -> throw new IllegalArgumentException(String.valueOf(values.get(i)));
            }
        }
        return numbers;
    }
}

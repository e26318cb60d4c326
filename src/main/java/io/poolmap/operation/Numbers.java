package io.poolmap.operation;

import java.math.BigInteger;

/**
 * A batch of numbers held in primitive arrays, so a million items cost a {@code long[]} and not a
 * million boxes; used for a job's inputs and for its results.
 *
 * <p>Each item is a {@code long}, a {@code double}, a {@link BigInteger} (only for integers that do
 * not fit a {@code long}) or, as a result, a {@code boolean}. Integers are always normalised: a
 * value that fits a {@code long} is stored as one, so {@link Kind#BIG} means "too large for long".
 * Distinct items may be written by distinct threads at once; readers need a happens-before edge with
 * the writer (the job's progress publishes one).
 */
public final class Numbers {

    /** How one item is held. */
    public enum Kind { LONG, DOUBLE, BIG, BOOLEAN }

    static final byte LONG = 0;
    static final byte DOUBLE = 1;
    static final byte BIG = 2;
    static final byte BOOLEAN = 3;
    private static final Kind[] KINDS = Kind.values();

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final int size;
    private final long[] bits;
    private final byte[] kinds;
    private volatile BigInteger[] bigs;

    private Numbers(int size, long[] bits, byte[] kinds, BigInteger[] bigs) {
        this.size = size;
        this.bits = bits;
        this.kinds = kinds;
        this.bigs = bigs;
    }

    /** A batch of {@code long} values (the array is taken as it is, not copied). */
    public static Numbers ofLongs(long... values) {
        return new Numbers(values.length, values, null, null);
    }

    /** An empty batch of {@code size} items to be written by {@code set*}, from any number of threads. */
    public static Numbers forResults(int size) {
        return new Numbers(size, new long[size], new byte[size], null);
    }

    /** A builder that grows as numbers are read, e.g. from a JSON array. */
    public static NumbersBuilder builder() {
        return new NumbersBuilder();
    }

    /** A batch over arrays that a {@link NumbersBuilder} filled; {@code kinds} and {@code bigs} may be {@code null}. */
    static Numbers of(int size, long[] bits, byte[] kinds, BigInteger[] bigs) {
        return new Numbers(size, bits, kinds, bigs);
    }

    public int size() {
        return size;
    }

    public Kind kind(int i) {
        checkIndex(i);
        return kinds == null ? Kind.LONG : KINDS[kinds[i]];
    }

    /** True when item {@code i} is an integer ({@link Kind#LONG} or {@link Kind#BIG}). */
    public boolean isInteger(int i) {
        Kind kind = kind(i);
        return kind == Kind.LONG || kind == Kind.BIG;
    }

    /** About how many bytes of heap this batch holds: its arrays and its big integers. */
    public long heapBytes() {
        long bytes = 16 + 8L * bits.length + (kinds == null ? 0 : 16 + kinds.length);
        BigInteger[] big = bigs;
        if (big != null) {
            bytes += 16 + 4L * big.length;
            for (BigInteger value : big) {
                bytes += value == null ? 0 : 40 + value.bitLength() / 8;
            }
        }
        return bytes;
    }

    /** True when every item is a {@code long}, known without looking at the items (false may still hold only longs). */
    public boolean onlyLongs() {
        return kinds == null;
    }

    public long longAt(int i) {
        requireKind(i, Kind.LONG);
        return bits[i];
    }

    public double doubleAt(int i) {
        requireKind(i, Kind.DOUBLE);
        return Double.longBitsToDouble(bits[i]);
    }

    public BigInteger bigAt(int i) {
        requireKind(i, Kind.BIG);
        return bigs[i];
    }

    public boolean booleanAt(int i) {
        requireKind(i, Kind.BOOLEAN);
        return bits[i] != 0;
    }

    /** Item {@code i} as an exact integer; it must be {@link #isInteger(int) an integer}. */
    public BigInteger bigIntegerAt(int i) {
        return kind(i) == Kind.BIG ? bigs[i] : BigInteger.valueOf(longAt(i));
    }

    /**
     * The items themselves when every one is a {@code long}, else {@code null}: the batch's own array, not a copy,
     * so that a writer can emit a million results in one call; callers must not change it.
     */
    public long[] longsOrNull() {
        if (kinds != null) {
            for (byte kind : kinds) {
                if (kind != LONG) {
                    return null;
                }
            }
        }
        return bits;
    }

    /** Item {@code i} as a double, rounded as Python's {@code float(x)} would round it. */
    public double toDouble(int i) {
        return switch (kind(i)) {
            case LONG -> (double) bits[i];
            case DOUBLE -> Double.longBitsToDouble(bits[i]);
            case BIG -> bigs[i].doubleValue();
            case BOOLEAN -> bits[i];
        };
    }

    /** Item {@code i} boxed as {@code Long}, {@code Double}, {@code BigInteger} or {@code Boolean}; for views, not hot paths. */
    public Object valueAt(int i) {
        return switch (kind(i)) {
            case LONG -> bits[i];
            case DOUBLE -> Double.longBitsToDouble(bits[i]);
            case BIG -> bigs[i];
            case BOOLEAN -> bits[i] != 0;
        };
    }

    /** Item {@code i} as JSON text: integers in full (never in exponent form), doubles as Java prints them. */
    public String toJson(int i) {
        return String.valueOf(valueAt(i));
    }

    public void setLong(int i, long value) {
        bits[i] = value;
        setKind(i, LONG);
    }

    public void setDouble(int i, double value) {
        bits[i] = Double.doubleToRawLongBits(value);
        setKind(i, DOUBLE);
    }

    /** Stores an integer; one that fits a {@code long} is stored as a {@code long}. */
    public void setInteger(int i, BigInteger value) {
        if (fitsLong(value)) {
            setLong(i, value.longValue());
        } else {
            bigsForWriting()[i] = value;
            setKind(i, BIG);
        }
    }

    public void setBoolean(int i, boolean value) {
        bits[i] = value ? 1 : 0;
        setKind(i, BOOLEAN);
    }

    private void setKind(int i, byte kind) {
        if (kinds == null) {
            if (kind == LONG) {
                return;
            }
            throw new IllegalStateException("this batch holds longs only; use Numbers.forResults for mixed values");
        }
        kinds[i] = kind;
    }

    private BigInteger[] bigsForWriting() {
        BigInteger[] array = bigs;
        if (array == null) {
            synchronized (this) {
                array = bigs;
                if (array == null) {
                    array = new BigInteger[size];
                    bigs = array;
                }
            }
        }
        return array;
    }

    private void requireKind(int i, Kind expected) {
        Kind actual = kind(i);
        if (actual != expected) {
            throw new IllegalStateException("item " + i + " is " + actual + ", not " + expected);
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size - 1));
        }
    }

    static boolean fitsLong(BigInteger value) {
        return value.bitLength() < 64 && value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(size, 10); i++) {
            text.append(i == 0 ? "" : ",").append(toJson(i));
        }
        return text.append(size > 10 ? ",…]" : "]").toString();
    }
}

package io.poolmap.store;

import io.poolmap.operation.NumberSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Objects;

import io.poolmap.operation.Numbers;

/**
 * Packs a range of a {@link Numbers} into one compact {@code byte[]} and back, so that a chunk of inputs or results is
 * stored, replicated and kept off the heap as a single array instead of an object per item.
 *
 * <p>Layout: one format byte, the item count as a little-endian {@code int}, then the items. A chunk of longs only is
 * packed with no per-item tag, as 8-byte little-endian values ({@link #FIXED_LONGS}, read at any index directly) or,
 * when that takes at most half the bytes, as zigzag varints ({@link #VARINT_LONGS}: measured on 1M items, varints pack
 * and unpack 4-15 times slower than fixed values, so they pay only when they save much, as for step counts or small
 * integers, not for the squares of 1..1M, which they shrink by a quarter); doubles only as raw IEEE-754 bits (so {@code -0.0}
 * survives); booleans only as bits; anything else as a tagged stream ({@link #MIXED}: a zigzag varint per long, raw bits
 * per double, a varint length and the two's-complement bytes per {@link BigInteger}, the tag alone per boolean).
 * Reading a range of a fixed-width format touches only that range; the varint and mixed formats skip the items before
 * it without decoding them.
 */
public final class PackedNumbers {

    static final byte FIXED_LONGS = 1;
    static final byte VARINT_LONGS = 2;
    static final byte DOUBLES = 3;
    static final byte BOOLEANS = 4;
    static final byte MIXED = 5;

    static final byte TAG_LONG = 0;
    static final byte TAG_DOUBLE = 1;
    static final byte TAG_BIG = 2;
    static final byte TAG_FALSE = 3;
    static final byte TAG_TRUE = 4;

    static final int HEADER = 5;
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int LONG_BIT = 1 << Numbers.Kind.LONG.ordinal();
    private static final int DOUBLE_BIT = 1 << Numbers.Kind.DOUBLE.ordinal();
    private static final int BOOLEAN_BIT = 1 << Numbers.Kind.BOOLEAN.ordinal();

    private PackedNumbers() {
    }

    /** Items {@code [from, to)} of {@code numbers}, packed in the smallest of the layouts that fit their kinds. */
    public static byte[] pack(Numbers numbers, int from, int to) {
        Objects.checkFromToIndex(from, to, numbers.size());
        int kinds = numbers.onlyLongs() || from == to ? LONG_BIT : kindsIn(numbers, from, to);
        if (kinds == LONG_BIT) {
            return packLongs(numbers, from, to);
        }
        if (kinds == DOUBLE_BIT) {
            byte[] packed = header(DOUBLES, to - from, 8L * (to - from));
            for (int i = from, at = HEADER; i < to; i++, at += 8) {
                LONGS.set(packed, at, Double.doubleToRawLongBits(numbers.doubleAt(i)));
            }
            return packed;
        }
        if (kinds == BOOLEAN_BIT) {
            byte[] packed = header(BOOLEANS, to - from, (to - from + 7L) / 8);
            for (int i = from; i < to; i++) {
                if (numbers.booleanAt(i)) {
                    packed[HEADER + ((i - from) >>> 3)] |= (byte) (1 << ((i - from) & 7));
                }
            }
            return packed;
        }
        return MixedPacking.pack(numbers, from, to);
    }

    /** How many items {@code packed} holds. */
    public static int count(byte[] packed) {
        return PackedReader.checkedCount(packed);
    }

    /** Hands items {@code [from, to)} of the chunk (chunk positions) to {@code sink}, in order. */
    public static void read(byte[] packed, int from, int to, NumberSink sink) {
        PackedReader.read(packed, from, to, sink);
    }

    /**
     * Writes every item of the chunk into {@code target} from index {@code offset} on; {@code target} must be able to
     * hold the chunk's kinds ({@link Numbers#forResults}, or {@link Numbers#ofLongs} for a chunk of longs).
     */
    public static void unpackInto(byte[] packed, Numbers target, int offset) {
        int count = count(packed);
        Objects.checkFromIndexSize(offset, count, target.size());
        read(packed, 0, count, new NumbersSink(target, offset));
    }

    /** The chunk as a {@link Numbers} of its own: a {@code long[]} batch when it holds longs only. */
    public static Numbers unpack(byte[] packed) {
        int count = count(packed);
        Numbers numbers = packed[0] == FIXED_LONGS || packed[0] == VARINT_LONGS
                ? Numbers.ofLongs(new long[count]) : Numbers.forResults(count);
        read(packed, 0, count, new NumbersSink(numbers, 0));
        return numbers;
    }

    private static byte[] packLongs(Numbers numbers, int from, int to) {
        long varintBytes = 0;
        for (int i = from; i < to; i++) {
            varintBytes += varintSize(zigzag(numbers.longAt(i)));
        }
        int count = to - from;
        if (varintBytes <= 4L * count) {
            byte[] packed = header(VARINT_LONGS, count, varintBytes);
            int at = HEADER;
            for (int i = from; i < to; i++) {
                at = writeVarint(packed, at, zigzag(numbers.longAt(i)));
            }
            return packed;
        }
        byte[] packed = header(FIXED_LONGS, count, 8L * count);
        for (int i = from, at = HEADER; i < to; i++, at += 8) {
            LONGS.set(packed, at, numbers.longAt(i));
        }
        return packed;
    }

    private static int kindsIn(Numbers numbers, int from, int to) {
        int kinds = 0;
        for (int i = from; i < to; i++) {
            kinds |= 1 << numbers.kind(i).ordinal();
        }
        return kinds;
    }

    static byte[] header(byte format, int count, long payloadBytes) {
        if (payloadBytes > Integer.MAX_VALUE - HEADER) {
            throw new IllegalArgumentException("a chunk of " + count + " items is too large to pack into one array");
        }
        byte[] packed = new byte[HEADER + (int) payloadBytes];
        packed[0] = format;
        INTS.set(packed, 1, count);
        return packed;
    }

    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    static int varintSize(long unsigned) {
        return unsigned == 0 ? 1 : (70 - Long.numberOfLeadingZeros(unsigned)) / 7;
    }

    static int writeVarint(byte[] out, int at, long unsigned) {
        while ((unsigned & ~0x7FL) != 0) {
            out[at++] = (byte) ((unsigned & 0x7F) | 0x80);
            unsigned >>>= 7;
        }
        out[at++] = (byte) unsigned;
        return at;
    }

    /** Writes decoded items into a {@link Numbers} at an offset. */
    private record NumbersSink(Numbers target, int offset) implements NumberSink {

        @Override
        public void acceptLong(int index, long value) {
            target.setLong(offset + index, value);
        }

        @Override
        public void acceptDouble(int index, double value) {
            target.setDouble(offset + index, value);
        }

        @Override
        public void acceptBig(int index, BigInteger value) {
            target.setInteger(offset + index, value);
        }

        @Override
        public void acceptBoolean(int index, boolean value) {
            target.setBoolean(offset + index, value);
        }
    }
}

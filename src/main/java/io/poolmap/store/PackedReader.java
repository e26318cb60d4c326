package io.poolmap.store;

import io.poolmap.operation.NumberSink;
import static io.poolmap.store.PackedNumbers.BOOLEANS;
import static io.poolmap.store.PackedNumbers.DOUBLES;
import static io.poolmap.store.PackedNumbers.FIXED_LONGS;
import static io.poolmap.store.PackedNumbers.HEADER;
import static io.poolmap.store.PackedNumbers.INTS;
import static io.poolmap.store.PackedNumbers.LONGS;
import static io.poolmap.store.PackedNumbers.MIXED;
import static io.poolmap.store.PackedNumbers.TAG_BIG;
import static io.poolmap.store.PackedNumbers.TAG_DOUBLE;
import static io.poolmap.store.PackedNumbers.TAG_FALSE;
import static io.poolmap.store.PackedNumbers.TAG_LONG;
import static io.poolmap.store.PackedNumbers.TAG_TRUE;
import static io.poolmap.store.PackedNumbers.VARINT_LONGS;
import static io.poolmap.store.PackedNumbers.unzigzag;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Decodes the layouts of {@link PackedNumbers}: one reader per call (a position in the bytes), never an object per
 * item; bytes that are not a well-formed chunk raise {@link IllegalArgumentException} rather than wrong numbers.
 */
final class PackedReader {

    private final byte[] bytes;
    private int at;

    private PackedReader(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    static int checkedCount(byte[] packed) {
        if (packed.length < HEADER || packed[0] < FIXED_LONGS || packed[0] > MIXED) {
            throw corrupt(packed, "no packed-chunk header");
        }
        int count = (int) INTS.get(packed, 1);
        long minimum = switch (packed[0]) {
            case FIXED_LONGS, DOUBLES -> 8L * count;
            case BOOLEANS -> (count + 7L) / 8;
            default -> count;
        };
        if (count < 0 || packed.length - HEADER < minimum || (packed[0] == FIXED_LONGS || packed[0] == DOUBLES)
                && packed.length - HEADER != minimum) {
            throw corrupt(packed, "a count of " + count + " does not fit " + (packed.length - HEADER) + " bytes of items");
        }
        return count;
    }

    static void read(byte[] packed, int from, int to, NumberSink sink) {
        Objects.checkFromToIndex(from, to, checkedCount(packed));
        switch (packed[0]) {
            case FIXED_LONGS -> {
                for (int i = from; i < to; i++) {
                    sink.acceptLong(i, (long) LONGS.get(packed, HEADER + 8 * i));
                }
            }
            case DOUBLES -> {
                for (int i = from; i < to; i++) {
                    sink.acceptDouble(i, Double.longBitsToDouble((long) LONGS.get(packed, HEADER + 8 * i)));
                }
            }
            case BOOLEANS -> {
                for (int i = from; i < to; i++) {
                    sink.acceptBoolean(i, (packed[HEADER + (i >>> 3)] & (1 << (i & 7))) != 0);
                }
            }
            default -> new PackedReader(packed, HEADER).readStream(from, to, sink);
        }
    }

    /** The varint and mixed layouts: skips the items before {@code from}, then decodes up to {@code to}. */
    private void readStream(int from, int to, NumberSink sink) {
        boolean mixed = bytes[0] == MIXED;
        try {
            for (int i = 0; i < from; i++) {
                if (mixed) {
                    skipItem();
                } else {
                    varint();
                }
            }
            for (int i = from; i < to; i++) {
                if (mixed) {
                    readItem(i, sink);
                } else {
                    sink.acceptLong(i, unzigzag(varint()));
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw corrupt(bytes, "it ends inside an item");
        }
    }

    private void readItem(int index, NumberSink sink) {
        byte tag = bytes[at++];
        switch (tag) {
            case TAG_LONG -> sink.acceptLong(index, unzigzag(varint()));
            case TAG_DOUBLE -> {
                sink.acceptDouble(index, Double.longBitsToDouble((long) LONGS.get(bytes, at)));
                at += 8;
            }
            case TAG_BIG -> {
                int length = bigLength();
                sink.acceptBig(index, new BigInteger(bytes, at, length));
                at += length;
            }
            case TAG_FALSE, TAG_TRUE -> sink.acceptBoolean(index, tag == TAG_TRUE);
            default -> throw corrupt(bytes, "item " + index + " has the unknown tag " + tag);
        }
    }

    private void skipItem() {
        byte tag = bytes[at++];
        switch (tag) {
            case TAG_LONG -> varint();
            case TAG_DOUBLE -> at += 8;
            case TAG_BIG -> {
                int length = bigLength(); // first: reading the length moves the position
                at += length;
            }
            case TAG_FALSE, TAG_TRUE -> {
            }
            default -> throw corrupt(bytes, "an item has the unknown tag " + tag);
        }
    }

    private int bigLength() {
        long length = varint();
        if (length <= 0 || length > bytes.length - at) {
            throw corrupt(bytes, "an integer of " + length + " bytes does not fit");
        }
        return (int) length;
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[at++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw corrupt(bytes, "a varint is longer than 10 bytes");
    }

    private static IllegalArgumentException corrupt(byte[] packed, String why) {
        return new IllegalArgumentException("not a well-formed packed chunk (" + packed.length + " bytes): " + why);
    }
}

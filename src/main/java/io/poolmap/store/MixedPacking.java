package io.poolmap.store;

import static io.poolmap.store.PackedNumbers.HEADER;
import static io.poolmap.store.PackedNumbers.LONGS;
import static io.poolmap.store.PackedNumbers.MIXED;
import static io.poolmap.store.PackedNumbers.TAG_BIG;
import static io.poolmap.store.PackedNumbers.TAG_DOUBLE;
import static io.poolmap.store.PackedNumbers.TAG_FALSE;
import static io.poolmap.store.PackedNumbers.TAG_LONG;
import static io.poolmap.store.PackedNumbers.TAG_TRUE;
import static io.poolmap.store.PackedNumbers.varintSize;
import static io.poolmap.store.PackedNumbers.writeVarint;
import static io.poolmap.store.PackedNumbers.zigzag;

import java.math.BigInteger;

import io.poolmap.operation.Numbers;

/**
 * The tagged layout of {@link PackedNumbers} for a chunk whose items are of several kinds: sized exactly in a first
 * pass, so that the chunk is one array allocated once.
 */
final class MixedPacking {

    private MixedPacking() {
    }

    static byte[] pack(Numbers numbers, int from, int to) {
        long payload = 0;
        for (int i = from; i < to; i++) {
            payload += 1 + switch (numbers.kind(i)) {
                case LONG -> varintSize(zigzag(numbers.longAt(i)));
                case DOUBLE -> 8;
                case BIG -> bigSize(numbers.bigAt(i));
                case BOOLEAN -> 0;
            };
        }
        byte[] packed = PackedNumbers.header(MIXED, to - from, payload);
        int at = HEADER;
        for (int i = from; i < to; i++) {
            switch (numbers.kind(i)) {
                case LONG -> {
                    packed[at++] = TAG_LONG;
                    at = writeVarint(packed, at, zigzag(numbers.longAt(i)));
                }
                case DOUBLE -> {
                    packed[at++] = TAG_DOUBLE;
                    LONGS.set(packed, at, Double.doubleToRawLongBits(numbers.doubleAt(i)));
                    at += 8;
                }
                case BIG -> {
                    byte[] bytes = numbers.bigAt(i).toByteArray();
                    packed[at++] = TAG_BIG;
                    at = writeVarint(packed, at, bytes.length);
                    System.arraycopy(bytes, 0, packed, at, bytes.length);
                    at += bytes.length;
                }
                case BOOLEAN -> packed[at++] = numbers.booleanAt(i) ? TAG_TRUE : TAG_FALSE;
            }
        }
        return packed;
    }

    /** The varint length and the two's-complement bytes of {@code value}, as {@link BigInteger#toByteArray} writes them. */
    private static long bigSize(BigInteger value) {
        int length = value.bitLength() / 8 + 1;
        return varintSize(length) + length;
    }
}

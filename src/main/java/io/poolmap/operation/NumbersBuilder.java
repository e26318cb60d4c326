package io.poolmap.operation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects numbers one at a time into primitive arrays; {@code kinds} and {@code bigs} appear only when needed.
 * The {@code long}s fill blocks of {@value #BLOCK} items (256 KB: G1 allocates an array of half a region or more
 * as humongous, and its smallest region, the one it picks for heaps below 4 GB such as a 1 GB container's, is
 * 1 MB), so that reading a million numbers never copies what it has read; {@link #build()} joins them once into
 * one array.
 */
public final class NumbersBuilder {

    private static final int BLOCK = 1 << 15;

    private final List<long[]> fullBlocks = new ArrayList<>();
    private long[] block = new long[16];
    private int inBlock;
    private byte[] kinds;
    private BigInteger[] bigs;
    private int size;

    NumbersBuilder() {
    }

    public int size() {
        return size;
    }

    public NumbersBuilder add(long value) {
        putBits(value);
        if (kinds != null) {
            kinds()[size] = Numbers.LONG;
        }
        size++;
        return this;
    }

    public NumbersBuilder add(double value) {
        putBits(Double.doubleToRawLongBits(value));
        kinds()[size] = Numbers.DOUBLE;
        size++;
        return this;
    }

    /** Adds an integer; one that fits a {@code long} is stored as a {@code long}. */
    public NumbersBuilder add(BigInteger value) {
        if (Numbers.fitsLong(value)) {
            return add(value.longValue());
        }
        putBits(0);
        kinds()[size] = Numbers.BIG;
        if (bigs == null || bigs.length <= size) {
            bigs = Arrays.copyOf(bigs == null ? new BigInteger[0] : bigs, kinds.length);
        }
        bigs[size] = value;
        size++;
        return this;
    }

    public Numbers build() {
        long[] exactBits;
        if (fullBlocks.isEmpty() && block.length == size) {
            exactBits = block;
        } else {
            exactBits = new long[size];
            int at = 0;
            for (long[] full : fullBlocks) {
                System.arraycopy(full, 0, exactBits, at, full.length);
                at += full.length;
            }
            System.arraycopy(block, 0, exactBits, at, inBlock);
        }
        byte[] exactKinds = kinds == null ? null : Arrays.copyOf(kinds, size);
        BigInteger[] exactBigs = bigs == null ? null : Arrays.copyOf(bigs, size);
        fullBlocks.clear();
        block = null;
        return Numbers.of(size, exactBits, exactKinds, exactBigs);
    }

    private void putBits(long value) {
        if (inBlock == block.length) {
            if (block.length < BLOCK) {
                block = Arrays.copyOf(block, block.length * 2);
            } else {
                fullBlocks.add(block);
                block = new long[BLOCK];
                inBlock = 0;
            }
        }
        block[inBlock++] = value;
    }

    /** The kinds so far, with room for item {@code size}; items added before any non-{@code long} are {@code LONG} (0). */
    private byte[] kinds() {
        if (kinds == null || kinds.length <= size) {
            int capacity = Math.max(16, size + (size >> 1) + 1);
            kinds = kinds == null ? new byte[capacity] : Arrays.copyOf(kinds, capacity);
        }
        return kinds;
    }
}

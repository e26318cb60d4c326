package io.poolmap.store;

import java.math.BigInteger;

/**
 * Receives the items of a packed chunk one by one, as primitives, so that a reader (a {@code Numbers}, a JSON writer)
 * takes a range of results straight from the stored bytes without an object per item.
 *
 * <p>{@code index} is the item's position within the chunk (0 is the chunk's first item), not within the job.
 */
public interface ItemSink {

    void acceptLong(int index, long value);

    void acceptDouble(int index, double value);

    /** An integer that does not fit a {@code long} (packed chunks keep {@code Numbers}' normal form). */
    void acceptBig(int index, BigInteger value);

    void acceptBoolean(int index, boolean value);
}

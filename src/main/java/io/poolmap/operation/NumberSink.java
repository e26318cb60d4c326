package io.poolmap.operation;

import java.math.BigInteger;

/**
 * Receives items of a batch one by one, as primitives, so that a reader (a JSON writer, a packer, another batch)
 * takes a range of numbers from wherever they are kept (arrays on the heap, packed bytes in the store) without an
 * object per item. {@code index} is the position the sender says (within its range, or within the job).
 */
public interface NumberSink {

    void acceptLong(int index, long value);

    void acceptDouble(int index, double value);

    /** An integer that does not fit a {@code long} (packed chunks keep {@code Numbers}' normal form). */
    void acceptBig(int index, BigInteger value);

    void acceptBoolean(int index, boolean value);
}

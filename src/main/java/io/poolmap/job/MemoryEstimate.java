package io.poolmap.job;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;

/**
 * What a job will hold on the heap while it runs, estimated before it is admitted: its inputs exactly, its results
 * as a {@code long} and a kind per item plus, for items whose results outgrow a {@code long}, a big integer of the
 * digits the operation says they may have. When the items were not looked at one by one (a batch of {@code long}s the
 * operation accepts whole), a sample of them stands for the rest.
 */
final class MemoryEstimate {

    private static final long RESULT_BYTES_PER_ITEM = 9;
    private static final long BIG_INTEGER_OVERHEAD = 56;
    private static final int SAMPLE = 1024;
    private static final int LONG_DIGITS = 20;

    private MemoryEstimate() {
    }

    /** The bytes of a job of {@code operation} over {@code numbers}. */
    static long of(Operation operation, Numbers numbers) {
        int size = numbers.size();
        int step = Math.max(1, size / SAMPLE);
        long sampled = 0;
        long bigBytes = 0;
        for (int i = 0; i < size; i += step) {
            long digits = operation.resultDigits(numbers, i);
            if (digits > LONG_DIGITS) {
                bigBytes += BIG_INTEGER_OVERHEAD + digits * 5 / 12;
            }
            sampled++;
        }
        long bigResults = sampled == 0 ? 0 : bigBytes * size / sampled;
        return numbers.heapBytes() + RESULT_BYTES_PER_ITEM * size + bigResults;
    }
}

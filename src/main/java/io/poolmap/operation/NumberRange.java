package io.poolmap.operation;

/**
 * A sequence of numbers read by range, wherever it is kept: a {@link Numbers} on the heap, or a job's results packed
 * in the store; so that a writer streams a million results without rebuilding them in one batch first.
 */
public interface NumberRange {

    /** How many items there are. */
    int size();

    /** Hands items {@code [from, to)} to {@code sink}, each with its own index, in order. */
    void read(int from, int to, NumberSink sink);
}

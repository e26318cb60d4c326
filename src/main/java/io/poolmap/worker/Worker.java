package io.poolmap.worker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounting of one named worker: written only by the worker's own thread, read by anyone as an
 * immutable {@link State}, so a scrape never sees busy time go backwards and the hot loop shares no
 * contended counter.
 */
final class Worker {

    /** What a worker has done so far; {@code busySince} means something only while {@code busy}. */
    record State(boolean busy, String currentJob, long busySince, long busyNanos, long chunks, long items) {
    }

    private final String name;
    private final NanoClock clock;
    private volatile State state = new State(false, null, 0, 0, 0, 0);
    private final AtomicLong reported = new AtomicLong();

    Worker(String name, NanoClock clock) {
        this.name = name;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    void begin(String jobId) {
        State now = state;
        state = new State(true, jobId, clock.nanoTime(), now.busyNanos(), now.chunks(), now.items());
    }

    void end(int items) {
        State now = state;
        long busy = now.busyNanos() + (clock.nanoTime() - now.busySince());
        state = new State(false, null, 0, busy, now.chunks() + 1, now.items() + items);
    }

    State state() {
        return state;
    }

    /**
     * Busy time including the running chunk's time so far, so that {@code rate()} of it is utilisation;
     * never less than a value returned before, even when a chunk ends between reading the clock and the state.
     */
    long busyNanos(State state) {
        long now = clock.nanoTime();
        long busy = state.busy() ? state.busyNanos() + Math.max(0, now - state.busySince()) : state.busyNanos();
        return reported.accumulateAndGet(busy, Math::max);
    }

    long busyNanos() {
        return busyNanos(state);
    }

    /** The source of time, so that tests can move it. */
    @FunctionalInterface
    interface NanoClock {
        long nanoTime();
    }
}

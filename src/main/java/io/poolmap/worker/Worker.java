package io.poolmap.worker;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One named worker: the permit that whoever computes as this worker holds (its own thread, or a request's thread
 * that found it idle), and its accounting, written only by the permit's holder and read by anyone as an immutable
 * {@link State}, so a scrape never sees busy time go backwards and the hot loop shares no contended counter.
 */
final class Worker {

    /** What a worker has done so far; {@code busySince} means something only while {@code busy}. */
    record State(boolean busy, String currentJob, long busySince, long busyNanos, long chunks, long items) {
    }

    private final String name;
    private final NanoClock clock;
    private final Semaphore permit = new Semaphore(1);
    private volatile State state = new State(false, null, 0, 0, 0, 0);
    private final AtomicLong reported = new AtomicLong();

    Worker(String name, NanoClock clock) {
        this.name = name;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    /** Takes the permit if nobody computes as this worker now. */
    boolean tryAcquire() {
        return permit.tryAcquire();
    }

    /** Waits for the permit: a request's thread may hold it for the few items of a tiny job. */
    void acquire() {
        permit.acquireUninterruptibly();
    }

    void release() {
        permit.release();
    }

    /** Starts counting busy time for {@code jobId}; the caller holds the permit. */
    void begin(String jobId) {
        State now = state;
        state = new State(true, jobId, clock.nanoTime(), now.busyNanos(), now.chunks(), now.items());
    }

    /** Ends the running stretch of {@code chunks} chunks and {@code items} items; the caller holds the permit. */
    void end(int chunks, int items) {
        State now = state;
        long busy = now.busyNanos() + (clock.nanoTime() - now.busySince());
        state = new State(false, null, 0, busy, now.chunks() + chunks, now.items() + items);
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
}

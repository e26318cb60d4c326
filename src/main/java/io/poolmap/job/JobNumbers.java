package io.poolmap.job;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers that order a member's jobs in lists: each after every number given before, also before a restart, and
 * from the clock's milliseconds on, so that the jobs of several members (each numbering its own) list in about the
 * order they were submitted.
 */
final class JobNumbers {

    private final AtomicLong last = new AtomicLong();
    private final Clock clock;

    JobNumbers(Clock clock) {
        this.clock = clock;
    }

    /** Carries on numbering after {@code seen}, a number given before a restart. */
    void after(long seen) {
        last.accumulateAndGet(seen, Math::max);
    }

    /** The next job's number. */
    long next() {
        long fromClock = clock.millis() * 1_000;
        return last.updateAndGet(before -> Math.max(before + 1, fromClock));
    }
}

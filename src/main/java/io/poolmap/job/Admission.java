package io.poolmap.job;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded admission in items: a job is admitted only when all its items fit the room left, and its items
 * give the room back as they are computed or dropped; never blocks, so a full queue answers 429 at once.
 */
final class Admission {

    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    Admission(long capacity) {
        this.capacity = capacity;
    }

    /** Takes room for {@code items}, or takes nothing and says so. */
    boolean tryReserve(long items) {
        long now;
        do {
            now = reserved.get();
            if (now + items > capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + items));
        return true;
    }

    void release(long items) {
        reserved.addAndGet(-items);
    }

    /** Items admitted and not yet computed (queued or running). */
    long reserved() {
        return reserved.get();
    }

    long capacity() {
        return capacity;
    }
}

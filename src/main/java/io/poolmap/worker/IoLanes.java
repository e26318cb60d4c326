package io.poolmap.worker;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * I/O work on virtual threads, one per lane, named {@code io-1} … {@code io-P} per job: items that wait (a sleep, a
 * call out) hold no CPU worker. Lanes start as chunks are claimed, so a two-item job never starts 256 threads, and
 * a stopped job's lanes are interrupted out of their waits.
 */
final class IoLanes {

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final String namePrefix;

    /** @param namePrefix what the lanes' names start with: empty, or {@code member/} in a cluster */
    IoLanes(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    void dispatch(ChunkedWork work) {
        start(work, 1, new AtomicInteger(1), Math.max(1, work.parallelism()));
    }

    /** Starts lane {@code number}; a lane that claims a chunk while more are left starts the next, up to {@code maxLanes}. */
    private void start(ChunkedWork work, int number, AtomicInteger lanes, int maxLanes) {
        String name = namePrefix + "io-" + number;
        Thread thread = Thread.ofVirtual().name("io-" + number + "@" + work.id()).unstarted(() -> {
            try {
                for (int chunk = work.claimChunk(); chunk >= 0; chunk = work.claimChunk()) {
                    if (work.hasUnclaimedChunks() && lanes.get() < maxLanes) {
                        int next = lanes.incrementAndGet();
                        if (next <= maxLanes) {
                            start(work, next, lanes, maxLanes);
                        }
                    }
                    work.runChunk(chunk, name);
                }
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        work.whenStopped(thread::interrupt);
        thread.start();
    }

    /** Interrupts every lane and waits up to {@code timeout} for them to end. */
    boolean shutdown(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = true;
        for (Thread thread : List.copyOf(threads)) {
            thread.interrupt();
            ended &= thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return ended;
    }
}

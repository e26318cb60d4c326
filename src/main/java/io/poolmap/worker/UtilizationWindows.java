package io.poolmap.worker;

import java.util.concurrent.TimeUnit;

/**
 * Utilisation of each worker over the last 1, 5 and 15 minutes, measured rather than smoothed: busy time
 * is sampled every few seconds into a ring, and a window's utilisation is the busy time gained since the
 * oldest sample inside it divided by the wall-clock time since. Until a window has passed since start-up
 * it covers the time since start-up.
 */
final class UtilizationWindows {

    static final long[] WINDOWS_NANOS = {
        TimeUnit.MINUTES.toNanos(1), TimeUnit.MINUTES.toNanos(5), TimeUnit.MINUTES.toNanos(15)};

    private final Worker[] workers;
    private final NanoClock clock;
    private final long[] times;
    private final long[][] busy;
    private int newest;
    private int count;

    UtilizationWindows(Worker[] workers, NanoClock clock, long sampleEveryNanos) {
        this.workers = workers;
        this.clock = clock;
        int slots = (int) (WINDOWS_NANOS[WINDOWS_NANOS.length - 1] / sampleEveryNanos) + 2;
        this.times = new long[slots];
        this.busy = new long[slots][workers.length];
        sample();
    }

    /** Records every worker's busy time now; called every few seconds. */
    synchronized void sample() {
        newest = (newest + 1) % times.length;
        count = Math.min(count + 1, times.length);
        times[newest] = clock.nanoTime();
        for (int w = 0; w < workers.length; w++) {
            busy[newest][w] = workers[w].busyNanos();
        }
    }

    /** The utilisation, 0…1, of worker {@code w} over each window of {@link #WINDOWS_NANOS}. */
    synchronized double[] utilization(int w) {
        long now = clock.nanoTime();
        long busyNow = workers[w].busyNanos();
        double[] result = new double[WINDOWS_NANOS.length];
        for (int k = 0; k < WINDOWS_NANOS.length; k++) {
            int slot = oldestSlotWithin(now - WINDOWS_NANOS[k]);
            long elapsed = now - times[slot];
            result[k] = elapsed <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (busyNow - busy[slot][w]) / (double) elapsed));
        }
        return result;
    }

    private int oldestSlotWithin(long since) {
        int slot = newest;
        for (int back = 1; back < count; back++) {
            int candidate = Math.floorMod(newest - back, times.length);
            if (times[candidate] < since) {
                break;
            }
            slot = candidate;
        }
        return slot;
    }
}

package io.poolmap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The heap that work may take, in bytes: admitted jobs reserve what their inputs and results will hold, request
 * bodies what reading them holds, and give it back when done; a reservation that does not fit is refused at once,
 * so that work is refused up front rather than failing with an {@link OutOfMemoryError} later. It also tells when
 * the heap is under pressure: the old generation still nearly full after a garbage collection.
 */
public final class MemoryBudget {

    private final long capacity;
    private final int pressurePercent;
    private final IntSupplier usedAfterCollection;
    private final AtomicLong reserved = new AtomicLong();

    /**
     * @param capacity the bytes that may be reserved at once
     * @param pressurePercent how full the heap may stay after a collection before it is under pressure
     * @param usedAfterCollection how full, in percent, the heap is after its last collection
     */
    public MemoryBudget(long capacity, int pressurePercent, IntSupplier usedAfterCollection) {
        this.capacity = capacity;
        this.pressurePercent = pressurePercent;
        this.usedAfterCollection = usedAfterCollection;
    }

    /** A budget of this JVM's heap, whose pressure the collectors' own figures tell. */
    public static MemoryBudget ofHeap(long capacity, int pressurePercent) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .toList();
        return new MemoryBudget(capacity, pressurePercent, () -> fullestAfterCollection(pools));
    }

    /** Takes {@code bytes}, or takes nothing and says so. */
    public boolean tryReserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > capacity && bytes > 0) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    public void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** Bytes reserved now. */
    public long reserved() {
        return reserved.get();
    }

    public long capacity() {
        return capacity;
    }

    /**
     * The fullest heap pool that collections leave behind (the old generation, for G1 and the serial collector), as
     * a percentage of its maximum after its last collection; 0 before any collection.
     */
    public int usedAfterCollectionPercent() {
        return usedAfterCollection.getAsInt();
    }

    private static int fullestAfterCollection(List<MemoryPoolMXBean> pools) {
        int fullest = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            long max = afterGc == null ? -1 : afterGc.getMax() > 0 ? afterGc.getMax() : pool.getUsage().getMax();
            if (afterGc != null && max > 0) {
                fullest = Math.max(fullest, (int) (afterGc.getUsed() * 100 / max));
            }
        }
        return fullest;
    }

    /** Whether the heap is still {@code poolmap.memory.pressure-percent} full after a collection. */
    public boolean underPressure() {
        return usedAfterCollectionPercent() >= pressurePercent;
    }
}

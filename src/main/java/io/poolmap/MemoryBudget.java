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
    private final Runnable collect;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong lastCollectAsked = new AtomicLong(System.nanoTime() - REFRESH_NANOS);

    /** How often, at most, a reading of pressure asks for a collection to refresh itself. */
    static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /**
     * @param capacity the bytes that may be reserved at once
     * @param pressurePercent how full the heap may stay after a collection before it is under pressure
     * @param usedAfterCollection how full, in percent, the heap is after its last collection
     */
    public MemoryBudget(long capacity, int pressurePercent, IntSupplier usedAfterCollection) {
        this(capacity, pressurePercent, usedAfterCollection, () -> { });
    }

    /**
     * @param collect asks for a full collection, so that a reading of pressure is not older than the pressure: with
     *        no allocation (every job refused) no collection would come to say that the heap is free again
     */
    public MemoryBudget(long capacity, int pressurePercent, IntSupplier usedAfterCollection, Runnable collect) {
        this.capacity = capacity;
        this.pressurePercent = pressurePercent;
        this.usedAfterCollection = usedAfterCollection;
        this.collect = collect;
    }

    /** A budget of this JVM's heap, whose pressure the collectors' own figures tell. */
    public static MemoryBudget ofHeap(long capacity, int pressurePercent) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .toList();
        return new MemoryBudget(capacity, pressurePercent, () -> fullestAfterCollection(pools),
                () -> Thread.ofVirtual().name("poolmap-memory-check").start(System::gc));
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

    /** Takes {@code bytes} even beyond the capacity: for work admitted before a restart, which is never refused. */
    public void reserveAnyway(long bytes) {
        reserved.addAndGet(bytes);
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

    /**
     * Whether the heap is still {@code poolmap.memory.pressure-percent} full after a collection. The figure is the last
     * collection's; when it says pressure, a new collection is asked for (at most every 10 s), so that a pressure that
     * has passed stops refusing work even if nothing else would collect.
     */
    public boolean underPressure() {
        if (usedAfterCollectionPercent() < pressurePercent) {
            return false;
        }
        long asked = lastCollectAsked.get();
        long now = System.nanoTime();
        if (now - asked >= REFRESH_NANOS && lastCollectAsked.compareAndSet(asked, now)) {
            collect.run();
        }
        return usedAfterCollectionPercent() >= pressurePercent;
    }
}

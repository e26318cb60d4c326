package io.poolmap.job;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.poolmap.MemoryBudget;
import io.poolmap.PoolmapProperties;
import org.springframework.stereotype.Component;

/**
 * Bounded admission, in items and in heap: a job is admitted only when all its items fit the room left in the queue
 * ({@code poolmap.queue-capacity}), its inputs and results fit the heap left to work ({@link MemoryBudget}), the heap
 * is not under pressure, and poolmap is accepting; its items give the room back as they are computed or dropped, its
 * heap when it ends. It never blocks: a full queue or heap answers at once. A submission holds the admission shared from its check
 * until its job is launched, so that {@link #stopAdmitting()} returns only when no admitted job is still on its way
 * in.
 *
 * <p>In a cluster each member admits against its own capacity and heap the jobs it accepts, wherever their segments
 * are computed; their items give the room back as the cluster's record says they are computed, on any member. The
 * segments a member computes for other members' jobs take none of its room (a few segments per job are on its
 * heap at once). So no member holds more than its own {@code queue-capacity}; a member that dies takes its accounting
 * with it, and its jobs are finished by the others outside anyone's room.
 */
@Component
public class JobAdmission {

    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();
    private final ReadWriteLock admitting = new ReentrantReadWriteLock();
    private final List<JobListener> listeners;
    private final MemoryBudget memory;
    private volatile boolean accepting;

    JobAdmission(PoolmapProperties properties, MemoryBudget memory, List<JobListener> listeners) {
        this.capacity = properties.queueCapacity();
        this.memory = memory;
        this.listeners = listeners;
    }

    /**
     * Reserves room for {@code items} and {@code heapBytes} and runs {@code launch} while holding the admission, or
     * refuses with {@link JobRefusedException}; if {@code launch} throws, the room is given back. The heap is given
     * back by {@link #releaseHeap} when the job ends.
     */
    <T> T admit(int items, long heapBytes, Supplier<T> launch) {
        admitting.readLock().lock();
        try {
            if (!accepting) {
                throw refused("shutting_down", JobRefusedException.shuttingDown());
            }
            if (memory.underPressure()) {
                throw refused("memory", JobRefusedException.memoryPressure());
            }
            if (!tryReserve(items)) {
                throw refused("queue_full", JobRefusedException.queueFull(items, capacity - reserved.get(), capacity));
            }
            if (!memory.tryReserve(heapBytes)) {
                release(items);
                throw refused("memory", JobRefusedException.memoryFull(heapBytes, memory.capacity() - memory.reserved(),
                        memory.capacity()));
            }
            try {
                return launch.get();
            } catch (RuntimeException | OutOfMemoryError notLaunched) {
                release(items);
                memory.release(heapBytes);
                throw notLaunched;
            }
        } finally {
            admitting.readLock().unlock();
        }
    }

    /**
     * Takes the room of a job admitted before a restart, without refusing it: it was admitted then, and an admitted
     * job is never dropped, so the queue may hold more than its capacity until it is computed.
     */
    void admitResumed(long items, long heapBytes) {
        reserved.addAndGet(items);
        memory.reserveAnyway(heapBytes);
    }

    /** An admitted job has ended: the heap its inputs and results took in flight is free again (or retention's). */
    void releaseHeap(long heapBytes) {
        memory.release(heapBytes);
    }

    private JobRefusedException refused(String reason, JobRefusedException refusal) {
        listeners.forEach(listener -> listener.rejected(reason));
        return refusal;
    }

    private boolean tryReserve(long items) {
        long now;
        do {
            now = reserved.get();
            if (now + items > capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + items));
        return true;
    }

    /** {@code items} of an admitted job are computed or dropped. */
    void release(long items) {
        reserved.addAndGet(-items);
    }

    void startAdmitting() {
        setAccepting(true);
    }

    /** Admits nothing more, and returns once every submission already past the check has launched its job. */
    void stopAdmitting() {
        setAccepting(false);
    }

    private void setAccepting(boolean value) {
        admitting.writeLock().lock();
        try {
            accepting = value;
        } finally {
            admitting.writeLock().unlock();
        }
    }

    /** Whether new jobs are admitted (false before start and while shutting down). */
    public boolean isAccepting() {
        return accepting;
    }

    /** Items admitted and not yet computed, queued or running. */
    public long queuedItems() {
        return reserved.get();
    }

    /** The most items that may be admitted at once ({@code poolmap.queue-capacity}). */
    public long capacity() {
        return capacity;
    }
}

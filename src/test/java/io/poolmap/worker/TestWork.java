package io.poolmap.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** A {@link ChunkedWork} for pool tests: each chunk runs a given action and is recorded with its worker. */
final class TestWork implements ChunkedWork {

    private final String id;
    private final int chunks;
    private final int parallelism;
    private final boolean io;
    private final IntConsumer action;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final CountDownLatch done;
    private final List<String> workers = new CopyOnWriteArrayList<>();
    private final List<Runnable> stopActions = new ArrayList<>();
    private volatile boolean stopped;

    TestWork(String id, int chunks, int parallelism, boolean io, IntConsumer action) {
        this.id = id;
        this.chunks = chunks;
        this.parallelism = parallelism;
        this.io = io;
        this.action = action;
        this.done = new CountDownLatch(chunks);
    }

    static TestWork cpu(String id, int chunks, int parallelism, IntConsumer action) {
        return new TestWork(id, chunks, parallelism, false, action);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean io() {
        return io;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public int claimChunk() {
        if (stopped) {
            return -1;
        }
        int chunk = next.getAndIncrement();
        return chunk < chunks ? chunk : -1;
    }

    @Override
    public boolean hasUnclaimedChunks() {
        return !stopped && next.get() < chunks;
    }

    @Override
    public int runChunk(int chunk, String workerName) {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            workers.add(workerName);
            action.accept(chunk);
            return 1;
        } finally {
            running.decrementAndGet();
            done.countDown();
        }
    }

    @Override
    public synchronized void whenStopped(Runnable action) {
        stopActions.add(action);
    }

    synchronized void stop() {
        stopped = true;
        stopActions.forEach(Runnable::run);
    }

    long chunksDone() {
        return chunks - done.getCount();
    }

    int maxRunning() {
        return maxRunning.get();
    }

    List<String> workers() {
        return workers;
    }
}

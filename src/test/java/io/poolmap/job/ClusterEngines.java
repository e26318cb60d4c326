package io.poolmap.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.store.TestCluster;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;

/**
 * Jobs engines on the members of a {@link TestCluster} in one JVM, as Spring wires them with
 * {@code poolmap.cluster.enabled}: two workers each, named {@code member/worker-k}; {@code test_blocking} waits at the
 * member's own {@link Gate}, so that a test holds each member's workers in the middle of their segments; each member
 * counts the segments it computed again after a departure.
 */
final class ClusterEngines implements AutoCloseable {

    static final int WORKERS = 2;

    private final TestCluster cluster;
    private final PoolmapProperties properties = aPoolmapProperties().workers(WORKERS).build();
    private final List<TestJobEngine> engines = new ArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private final List<AtomicInteger> reruns = new ArrayList<>();
    private final java.util.Set<Integer> crashed = new java.util.HashSet<>();

    private ClusterEngines(TestCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code running} of {@code size} members, each with an engine; the others may {@link #join} later. */
    static ClusterEngines start(Path root, int size, int running) {
        return start(root, size, running, 2);
    }

    /** As {@link #start(Path, int, int)}, with {@code copies} of every chunk ({@code poolmap.cluster.copies}). */
    static ClusterEngines start(Path root, int size, int running, int copies) {
        ClusterEngines engines = new ClusterEngines(TestCluster.start(root, size, running, copies));
        for (int i = 0; i < running; i++) {
            engines.startEngine(i);
        }
        return engines;
    }

    private void startEngine(int index) {
        Gate gate = new Gate();
        AtomicInteger rerun = new AtomicInteger();
        JobListener counting = new JobListener() {
            @Override
            public void segmentRerun() {
                rerun.incrementAndGet();
            }
        };
        TestJobEngine engine = TestJobEngine.startOnCluster(cluster.member(index), properties,
                List.of(new TestDouble(), new TestBlocking(gate)), List.of(counting), Clock.systemUTC());
        engines.add(engine);
        gates.add(gate);
        reruns.add(rerun);
    }

    /** Starts the next member and its engine: it joins the running cluster. */
    void join(int index) {
        cluster.join(index);
        startEngine(index);
    }

    JobService jobs(int member) {
        return engines.get(member).jobs();
    }

    TestJobEngine engine(int member) {
        return engines.get(member);
    }

    Gate gate(int member) {
        return gates.get(member);
    }

    /** Segments member {@code member} computed again because the member that had claimed them left. */
    int reruns(int member) {
        return reruns.get(member).get();
    }

    String name(int member) {
        return cluster.name(member);
    }

    io.poolmap.store.Store store(int member) {
        return cluster.member(member);
    }

    /** Cuts the member off and stops it without a goodbye, then halts its engine's threads, as {@code kill -9} would. */
    void crash(int member) throws InterruptedException {
        cluster.crash(member);
        crashed.add(member);
        gates.get(member).open();
        engines.get(member).halt();
    }

    /**
     * Starts crashed members {@code indexes} again on their own store directories, all at once (a member restarted on
     * a cluster's persisted state waits for the others), each with a new engine that restores what the store holds.
     */
    void restart(int... indexes) {
        List<java.util.concurrent.CompletableFuture<io.poolmap.store.Store>> starting = new ArrayList<>();
        for (int index : indexes) {
            starting.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> cluster.restart(index)));
        }
        starting.forEach(java.util.concurrent.CompletableFuture::join);
        for (int index : indexes) {
            crashed.remove(index);
            Gate gate = new Gate();
            AtomicInteger rerun = new AtomicInteger();
            engines.set(index, TestJobEngine.startOnCluster(cluster.member(index), properties,
                    List.of(new TestDouble(), new TestBlocking(gate)), List.of(), Clock.systemUTC()));
            gates.set(index, gate);
            reruns.set(index, rerun);
        }
    }

    /** Opens every member's gate. */
    void openGates() {
        gates.forEach(Gate::open);
    }

    @Override
    public void close() throws InterruptedException {
        openGates();
        for (int member = engines.size() - 1; member >= 0; member--) {
            if (!crashed.contains(member)) {
                engines.get(member).close();
            }
        }
        cluster.close();
    }
}

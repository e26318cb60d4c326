package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import io.poolmap.MemoryBudget;
import io.poolmap.MemoryProperties;
import io.poolmap.PoolmapProperties;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.operation.Operation;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.worker.PlatformWorkerPool;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The jobs engine wired as Spring wires it, without Spring: a real worker pool, the planner, admission, timeouts,
 * retention and shutdown around one {@link JobService}. {@link #close()} shuts it all down, as the context would.
 */
public final class TestJobEngine implements AutoCloseable {

    private final PlatformWorkerPool pool;
    private final ScheduledExecutorService scheduler = JobConfiguration.scheduler();
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final JobArchive archive;
    private final JobRestore restore;
    private final MemoryBudget memory;
    private final JobAdmission admission;
    private final JobShutdown shutdown;
    private final JobRetention retention;
    private final JobService jobs;
    private final JobPlacement placement;

    private TestJobEngine(PoolmapProperties properties, List<Operation> operations, List<JobListener> listeners, Clock clock,
            MemoryBudget memory, java.util.function.Function<ScheduledExecutorService, JobArchive> archiveFor,
            ExpressionLimits expressionLimits, io.poolmap.store.Store clusterStore) {
        this.archive = archiveFor.apply(scheduler);
        String workerPrefix = clusterStore == null ? "" : clusterStore.member() + "/";
        this.pool = PlatformWorkerPool.start(properties.effectiveWorkers(), workerPrefix);
        MemoryProperties memoryProperties = defaultMemory();
        this.memory = memory;
        this.admission = new JobAdmission(properties, memory, listeners);
        this.retention = new JobRetention(store, archive, properties, memoryProperties, clock, scheduler);
        JobHooks hooks = new JobHooks(admission, retention, archive, listeners);
        JobPlanner planner = new JobPlanner(new OperationRegistry(operations), expressionLimits, properties, pool);
        JobTimeouts timeouts = new JobTimeouts(scheduler);
        this.placement = clusterStore == null ? new LocalPlacement(pool, timeouts)
                : new ClusterPlacement(clusterStore, store, pool, timeouts, retention, new OperationRegistry(operations),
                        expressionLimits, listeners, scheduler, clock);
        this.jobs = new JobService(planner, admission, hooks, store, archive, pool, placement, clock);
        this.shutdown = new JobShutdown(admission, store, properties);
        this.restore = new JobRestore(archive, jobs, store, admission, retention, timeouts, hooks, placement,
                new OperationRegistry(operations), expressionLimits, pool, clock);
    }

    /** Starts an engine that admits jobs at once. */
    public static TestJobEngine start(PoolmapProperties properties, List<Operation> operations, List<JobListener> listeners,
            Clock clock) {
        MemoryProperties memory = defaultMemory();
        return start(properties, operations, listeners, clock,
                MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent()));
    }

    /** Starts an engine whose jobs take their heap from {@code memory}. */
    public static TestJobEngine start(PoolmapProperties properties, List<Operation> operations, List<JobListener> listeners,
            Clock clock, MemoryBudget memory) {
        TestJobEngine engine = new TestJobEngine(properties, operations, listeners, clock, memory, timer -> new InMemoryJobArchive(),
                ExpressionLimits.defaults(), null);
        engine.shutdown.start();
        return engine;
    }

    /** Starts an engine that keeps its jobs in {@code store}, and first puts back what the store holds. */
    static TestJobEngine startOn(io.poolmap.store.Store store, PoolmapProperties properties, List<Operation> operations,
            Clock clock) {
        return startOn(store, properties, operations, clock, ExpressionLimits.defaults());
    }

    /** Starts an engine on {@code store} that packs finished jobs for it on {@code writer}. */
    static TestJobEngine startOn(io.poolmap.store.Store store, PoolmapProperties properties, List<Operation> operations,
            java.util.concurrent.Executor writer) {
        MemoryProperties memory = defaultMemory();
        TestJobEngine engine = new TestJobEngine(properties, operations, List.of(), Clock.systemUTC(),
                MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent()),
                timer -> new StoreJobArchive(store, writer, new ForgottenNumbers(store, writer, timer,
                        properties.effectiveMaxRetainedItems(memory), ForgottenNumbers.READERS_GRACE)),
                ExpressionLimits.defaults(), null);
        engine.restore.start();
        engine.shutdown.start();
        return engine;
    }

    /** Starts an engine on {@code store} whose expressions are held to {@code expressionLimits}. */
    static TestJobEngine startOn(io.poolmap.store.Store store, PoolmapProperties properties, List<Operation> operations,
            Clock clock, ExpressionLimits expressionLimits) {
        MemoryProperties memory = defaultMemory();
        TestJobEngine engine = new TestJobEngine(properties, operations, List.of(), clock,
                MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent()),
                timer -> new StoreJobArchive(store, Runnable::run, forgottenNumbers(store, timer, properties)), expressionLimits, null);
        engine.restore.start();
        engine.shutdown.start();
        return engine;
    }

    /**
     * Starts an engine on a cluster member's {@code store}, as Spring wires it with {@code poolmap.cluster.enabled}: its
     * workers named {@code member/worker-k}, its jobs shared with the other members, theirs followed here.
     */
    static TestJobEngine startOnCluster(io.poolmap.store.Store store, PoolmapProperties properties, List<Operation> operations,
            List<JobListener> listeners, Clock clock) {
        MemoryProperties memory = defaultMemory();
        TestJobEngine engine = new TestJobEngine(properties, operations, listeners, clock,
                MemoryBudget.ofHeap(memory.inFlightBytes(Runtime.getRuntime().maxMemory()), memory.pressurePercent()),
                timer -> new StoreJobArchive(store, Runnable::run, forgottenNumbers(store, timer, properties)), ExpressionLimits.defaults(), store);
        engine.restore.start();
        engine.shutdown.start();
        return engine;
    }

    private static ForgottenNumbers forgottenNumbers(io.poolmap.store.Store store, ScheduledExecutorService timer,
            PoolmapProperties properties) {
        return new ForgottenNumbers(store, Runnable::run, timer, properties.effectiveMaxRetainedItems(defaultMemory()),
                ForgottenNumbers.READERS_GRACE);
    }

    /** {@code poolmap.memory.*} as the application binds it with nothing set. */
    public static MemoryProperties defaultMemory() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("poolmap.memory", MemoryProperties.class);
    }

    public MemoryBudget memory() {
        return memory;
    }

    public JobService jobs() {
        return jobs;
    }

    /**
     * From now on every write that a store could refuse (keeping a job, claiming a key) throws {@code failure}, as a
     * full disk would; {@code null} lets them through again. For an engine started without a store.
     */
    public void failStoreWritesWith(RuntimeException failure) {
        ((InMemoryJobArchive) archive).failWritesWith(failure);
    }

    public JobAdmission admission() {
        return admission;
    }

    public PlatformWorkerPool pool() {
        return pool;
    }

    /** The archive of an engine started without a store, for tests that watch or steer its key claims. */
    InMemoryJobArchive inMemoryArchive() {
        return (InMemoryJobArchive) archive;
    }

    InMemoryJobStore store() {
        return store;
    }

    JobRetention retention() {
        return retention;
    }

    /** The graceful stop: admits nothing more, lets jobs finish within the grace, cancels the rest. */
    public void stop() {
        if (shutdown.isRunning()) {
            shutdown.stop();
        }
    }

    /** Admits jobs again after {@link #stop()}, as a restarted lifecycle would. */
    public void restart() {
        shutdown.start();
    }

    /** Stops as a killed process would: no graceful shutdown, the threads interrupted. */
    void halt() throws InterruptedException {
        closePlacement();
        scheduler.shutdownNow();
        pool.shutdown(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        closePlacement();
        scheduler.shutdownNow();
        pool.shutdown(Duration.ofSeconds(10));
    }

    private void closePlacement() {
        if (placement instanceof ClusterPlacement cluster) {
            cluster.close();
        }
    }
}

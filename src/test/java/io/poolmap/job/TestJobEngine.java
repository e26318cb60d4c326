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
    private final MemoryBudget memory;
    private final JobAdmission admission;
    private final JobShutdown shutdown;
    private final JobRetention retention;
    private final JobService jobs;

    private TestJobEngine(PoolmapProperties properties, List<Operation> operations, List<JobListener> listeners, Clock clock,
            MemoryBudget memory) {
        this.pool = PlatformWorkerPool.start(properties.effectiveWorkers());
        MemoryProperties memoryProperties = defaultMemory();
        this.memory = memory;
        this.admission = new JobAdmission(properties, memory, listeners);
        this.retention = new JobRetention(store, properties, memoryProperties, clock, scheduler);
        JobHooks hooks = new JobHooks(admission, retention, listeners);
        JobPlanner planner = new JobPlanner(new OperationRegistry(operations), ExpressionLimits.defaults(), properties, pool);
        this.jobs = new JobService(planner, admission, new JobTimeouts(scheduler), hooks, store, pool, clock);
        this.shutdown = new JobShutdown(admission, store, properties);
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
        TestJobEngine engine = new TestJobEngine(properties, operations, listeners, clock, memory);
        engine.shutdown.start();
        return engine;
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

    public JobAdmission admission() {
        return admission;
    }

    public PlatformWorkerPool pool() {
        return pool;
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

    @Override
    public void close() throws InterruptedException {
        stop();
        scheduler.shutdownNow();
        pool.shutdown(Duration.ofSeconds(10));
    }
}

package io.poolmap.job;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.poolmap.PoolmapThreads;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.job.TestOperations.TestOperation;
import io.poolmap.job.TestOperations.TestSleep;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * No job is ever stuck: clients submit, cancel, time out and wait on jobs at random, all at once, on a real pool,
 * while a watcher samples every job. Every admitted job must reach exactly one terminal state, its progress must
 * never go backwards, a job that has ended never changes, and afterwards no worker is busy and the queue is empty. The seed is in the failure message.
 */
class JobStressTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 250;
    /**
     * How many jobs each client gets admitted before it stops, however slow the machine: how many fit depends on how
     * fast the workers drain the queue (~65 a client on an idle 2-core machine), so a client goes on past its rounds
     * until it has these, for at most ten times its rounds.
     */
    private static final int ADMITTED_PER_CLIENT = 30;
    private static final long QUEUE = 6_000;

    private final RecordingJobListener listener = new RecordingJobListener();
    private final Map<Job, long[]> inputs = new ConcurrentHashMap<>();
    private Set<Thread> threadsBefore;
    private TestJobEngine engine;
    private JobService jobs;

    /** {@code test_spin}: busy for x microseconds (a CPU item that really costs), returns 2x. */
    static final class TestSpin extends TestOperation {

        TestSpin() {
            super("test_spin", OperationKind.CPU, 50_000);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            long until = System.nanoTime() + in.longAt(i) * 1_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            out.setLong(i, 2 * in.longAt(i));
        }
    }

    @BeforeEach
    void start() {
        threadsBefore = PoolmapThreads.alive();
        engine = TestJobEngine.start(aPoolmapProperties().queueCapacity(QUEUE).maxIoParallelism(16).build(),
                List.of(new TestDouble(), new TestSpin(), new TestSleep()), List.of(listener), Clock.systemUTC());
        jobs = engine.jobs();
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(PoolmapThreads.startedSince(threadsBefore)).isEmpty());
    }

    @RepeatedTest(3)
    void everyAdmittedJobEndsExactlyOnceWithProgressThatNeverGoesBack() throws Exception {
        long seed = new Random().nextLong();
        List<Job> admitted = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean clientsDone = new AtomicBoolean();

        Thread watcher = Thread.ofPlatform().name("stress-watcher").start(() -> watch(admitted, clientsDone, violations));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                running.add(clients.submit(() -> {
                    client(random, admitted, refused);
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clientsDone.set(true);
            watcher.join();
        }

        String context = "seed " + seed + ", " + admitted.size() + " admitted, " + refused + " refused";
        for (Job job : admitted) {
            assertThat(job.await(Duration.ofSeconds(20))).as("%s: job %s (%s) ended", context, job.id(), job.status()).isTrue();
            assertThat(job.status().isTerminal()).isTrue();
            if (job.status() == JobStatus.SUCCEEDED) {
                assertThat(job.completed()).as(context).isEqualTo(job.size());
                long[] in = inputs.get(job);
                boolean sleep = job.operationName().equals("test_sleep");
                for (int i = 0; i < job.size(); i++) {
                    assertThat(job.resultsIf(job.status()).longAt(i)).as("%s: job %s item %d", context, job.id(), i)
                            .isEqualTo(sleep ? in[i] : 2 * in[i]);
                }
            }
        }
        assertThat(violations).as(context).isEmpty();
        // a job's status turns terminal before its end is announced: wait for the announcements, then for idle workers
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(listener.events().stream().filter(event -> event.startsWith("finished:")).count())
                    .as("%s: one end per admitted job", context).isEqualTo(admitted.size());
            assertThat(engine.admission().queuedItems()).as(context).isZero();
            assertThat(engine.pool().statistics().busyWorkers()).as(context).isZero();
        });
        assertThat(admitted).as("%s: enough jobs to mean something (fewer: the queue stopped draining)", context)
                .hasSizeGreaterThanOrEqualTo(CLIENTS * ADMITTED_PER_CLIENT);
    }

    private void client(Random random, List<Job> admitted, AtomicInteger refused) throws InterruptedException {
        int mine = 0;
        for (int round = 0; round < 10 * ROUNDS && (round < ROUNDS || mine < ADMITTED_PER_CLIENT); round++) {
            int action = random.nextInt(10);
            if (action < 6 || admitted.isEmpty()) {
                mine += submit(random, admitted, refused) ? 1 : 0;
            } else if (action < 8) {
                admitted.get(random.nextInt(admitted.size())).cancel("the stress test cancels");
            } else {
                admitted.get(random.nextInt(admitted.size())).await(Duration.ofMillis(random.nextInt(20)));
            }
        }
    }

    /** Submits a random job and says whether it was admitted. */
    private boolean submit(Random random, List<Job> admitted, AtomicInteger refused) {
        int size = 1 + random.nextInt(200);
        String operation = List.of("test_double", "test_spin", "test_sleep").get(random.nextInt(3));
        long[] numbers = new long[size];
        for (int i = 0; i < size; i++) {
            numbers[i] = operation.equals("test_sleep") ? 0 : random.nextInt(100);
        }
        if (operation.equals("test_sleep")) {
            numbers[random.nextInt(size)] = random.nextInt(30);
        }
        JobSubmissionBuilder request = aSubmission().operation(operation).numbers(numbers)
                .parallelism(random.nextBoolean() ? null : 1 + random.nextInt(4))
                .chunkSize(random.nextBoolean() ? null : 1 + random.nextInt(50))
                .timeoutMs(random.nextInt(4) == 0 ? (long) (1 + random.nextInt(30)) : null);
        try {
            Job job = jobs.submit(request.build());
            inputs.put(job, numbers);
            admitted.add(job);
            return true;
        } catch (JobRefusedException full) {
            assertThat(full.reason()).isEqualTo(JobRefusedException.Reason.QUEUE_FULL);
            refused.incrementAndGet();
            return false;
        }
    }

    /** Samples every job until the clients are done and every job has ended, noting anything that goes backwards. */
    private void watch(List<Job> admitted, AtomicBoolean clientsDone, List<String> violations) {
        Map<Job, Long> progress = new ConcurrentHashMap<>();
        Map<Job, JobStatus> ended = new ConcurrentHashMap<>();
        Map<Job, Long> completedAtEnd = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean allEnded = true;
            for (Job job : admitted) {
                JobStatus status = job.status();
                long completed = job.completed();
                long before = progress.getOrDefault(job, 0L);
                if (completed < before) {
                    violations.add("job " + job.id() + " went back from " + before + " to " + completed + " items");
                }
                if (completed > job.size()) {
                    violations.add("job " + job.id() + " completed " + completed + " of " + job.size() + " items");
                }
                progress.put(job, completed);
                JobStatus terminal = ended.get(job);
                if (terminal != null && terminal != status) {
                    violations.add("job " + job.id() + " ended " + terminal + " and then became " + status);
                }
                Long frozen = completedAtEnd.get(job);
                if (frozen != null && frozen != completed) {
                    violations.add("job " + job.id() + " ended with " + frozen + " items computed, then showed " + completed);
                }
                if (status.isTerminal()) {
                    ended.putIfAbsent(job, status);
                    completedAtEnd.putIfAbsent(job, job.completed());
                } else {
                    allEnded = false;
                }
            }
            if (clientsDone.get() && allEnded) {
                return;
            }
            LockSupport.parkNanos(50_000); // a sample every ~50 µs, leaving the two cores to the workers
        }
        violations.add("some jobs had not ended 60 s after the start");
    }
}

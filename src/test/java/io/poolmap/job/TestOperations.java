package io.poolmap.job;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * Operations that exist only in tests, named {@code test_*} so that they never clash with the built-in ones:
 * one that computes, one that waits at a {@link Gate} the test controls, one that fails, one with a domain,
 * and one that sleeps as an I/O operation.
 */
public final class TestOperations {

    private TestOperations() {
    }

    /** All of them, with {@code gate} holding {@code test_blocking}'s items. */
    public static List<Operation> all(Gate gate) {
        return List.of(new TestDouble(), new TestBlocking(gate), new TestFailing(), new TestDomain(), new TestSleep());
    }

    /**
     * Holds {@code test_blocking}'s items until the test lets them through: {@link #allow(int)} lets a number of
     * them pass, {@link #open()} all of them. Never holds an item longer than 30 s, so a broken test cannot
     * hang the build.
     */
    public static final class Gate {

        private final Semaphore permits = new Semaphore(0);
        private final AtomicInteger entered = new AtomicInteger();
        private volatile boolean open;

        public void pass() throws InterruptedException {
            entered.incrementAndGet();
            if (!open && !permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new OperationException("the test never opened the gate");
            }
        }

        /** Lets {@code items} more items through. */
        public void allow(int items) {
            permits.release(items);
        }

        /** Lets every item through, now and later, until {@link #reset()}. */
        public void open() {
            open = true;
            permits.release(100_000);
        }

        /** How many items have reached the gate (passed or waiting). */
        public int entered() {
            return entered.get();
        }

        public void reset() {
            open = false;
            permits.drainPermits();
            entered.set(0);
        }
    }

    /** {@code test_double}: 2x, exact for integers of any size. */
    public static final class TestDouble extends TestOperation {

        public TestDouble() {
            super("test_double", OperationKind.CPU, 10);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            switch (in.kind(i)) {
                case DOUBLE -> out.setDouble(i, 2 * in.doubleAt(i));
                default -> out.setInteger(i, in.bigIntegerAt(i).shiftLeft(1));
            }
        }
    }

    /**
     * {@code test_blocking}: waits at the gate, then 10x; declared expensive (1 ms an item), so that a chunk checks for
     * a stop after every item, whatever the items really cost.
     */
    public static final class TestBlocking extends TestOperation {

        private final Gate gate;

        public TestBlocking(Gate gate) {
            this("test_blocking", 1_000_000, gate);
        }

        /** A blocking operation with another name and declared cost, e.g. a cheap one whose first chunk the test can hold. */
        public TestBlocking(String name, long costNanos, Gate gate) {
            super(name, OperationKind.CPU, costNanos);
            this.gate = gate;
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
            gate.pass();
            out.setInteger(i, in.bigIntegerAt(i).multiply(BigInteger.TEN));
        }
    }

    /** {@code test_failing}: the identity, except that 13 cannot be computed. */
    public static final class TestFailing extends TestOperation {

        public static final long UNLUCKY = 13;

        public TestFailing() {
            super("test_failing", OperationKind.CPU, 10);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            if (in.isInteger(i) && in.bigIntegerAt(i).equals(BigInteger.valueOf(UNLUCKY))) {
                throw new OperationException("13 is unlucky");
            }
            out.setInteger(i, in.bigIntegerAt(i));
        }
    }

    /** Throws an {@link AssertionError} (not an exception) on the number 3, as a buggy operation might. */
    public static final class TestErroring extends TestOperation {

        public TestErroring() {
            super("test_erroring", OperationKind.CPU, 10);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            if (in.longAt(i) == 3) {
                throw new AssertionError("a bug in the operation");
            }
            out.setLong(i, in.longAt(i));
        }
    }

    /** {@code test_domain}: the identity over integers ≥ 0; negatives are refused before a job exists. */
    public static final class TestDomain extends TestOperation {

        public TestDomain() {
            super("test_domain", OperationKind.CPU, 10);
        }

        @Override
        public Optional<String> refusal(Numbers numbers, int i) {
            return numbers.toDouble(i) < 0 ? Optional.of("test_domain needs a number ≥ 0") : Optional.empty();
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            out.setInteger(i, in.bigIntegerAt(i));
        }
    }

    /** {@code test_sleep}: an I/O operation that sleeps x milliseconds and returns x; counts items run off virtual threads. */
    public static final class TestSleep extends TestOperation {

        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger onPlatformThreads = new AtomicInteger();

        public TestSleep() {
            super("test_sleep", OperationKind.IO, 1_000_000);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
            started.incrementAndGet();
            if (!Thread.currentThread().isVirtual()) {
                onPlatformThreads.incrementAndGet();
            }
            Thread.sleep(in.longAt(i));
            out.setLong(i, in.longAt(i));
        }

        public int started() {
            return started.get();
        }

        public int onPlatformThreads() {
            return onPlatformThreads.get();
        }
    }

    /**
     * {@code test_counting}: the identity, declared as cheap as a tiny job's items, that records how many items compute
     * at the same moment, so that a test can prove the pool never computes more CPU items at once than it has workers.
     */
    public static final class TestCounting extends TestOperation {

        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        public TestCounting() {
            super("test_counting", OperationKind.CPU, 1);
        }

        @Override
        public void apply(Numbers in, int i, Numbers out) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.onSpinWait();
                out.setLong(i, in.longAt(i));
            } finally {
                running.decrementAndGet();
            }
        }

        /** The most items that were computing at one moment. */
        public int mostAtOnce() {
            return mostAtOnce.get();
        }
    }

    abstract static class TestOperation implements Operation {

        private final OperationInfo info;

        TestOperation(String name, OperationKind kind, long costNanos) {
            this.info = new OperationInfo(name, name + ", for tests", kind, "integers", "none",
                    new OperationInfo.Example(List.of(1L), List.of(1L)), costNanos);
        }

        @Override
        public OperationInfo info() {
            return info;
        }
    }
}

package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.NumbersFixtures;

class SleepOperationTest {

    private final Operation sleep = new SleepOperation(BuiltInOperations.defaultLimits());

    @Test
    void sleepReturnsItsInputUnchanged() throws Exception {
        assertThat(apply(sleep, 0)).isEqualTo(0L);
        assertThat(apply(sleep, 1)).isEqualTo(1L);
        assertThat(apply(sleep, 2.5)).isEqualTo(2.5);
        assertThat(apply(sleep, 0.000_001)).isEqualTo(0.000_001);
    }

    @Test
    void sleepWaitsAtLeastTheRequestedTime() throws Exception {
        long start = System.nanoTime();
        apply(sleep, 20.5);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_500_000L);
    }

    @Test
    void anInterruptEndsTheSleepPromptly() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread sleeper = Thread.ofVirtual().start(() -> {
            started.countDown();
            try {
                apply(sleep, 10_000);
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        try {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            sleeper.interrupt();
            await().atMost(Duration.ofSeconds(8)).until(ended::isDone); // well before the 10 s sleep would end by itself
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        } finally {
            sleeper.interrupt();
            assertThat(sleeper.join(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void sleepRunsOnVirtualThreadsAsAnIoOperation() {
        assertThat(sleep.info().kind()).isEqualTo(OperationKind.IO);
        assertThat(sleep.info().limit()).isEqualTo("x ≤ 10000 ms (poolmap.operations.sleep-max-ms)");
    }

    @Test
    void negativeTimesAndTimesAboveTheLimitAreOutsideTheDomain() {
        String reason = "sleep needs a number of milliseconds 0 ≤ x ≤ 10000";
        assertThat(refusal(sleep, -1)).isEqualTo(reason);
        assertThat(refusal(sleep, -0.5)).isEqualTo(reason);
        assertThat(refusal(sleep, 10_001)).isEqualTo(reason);
        assertThat(refusal(sleep, 10_000.5)).isEqualTo(reason);
        assertThat(refusal(sleep, BigInteger.TEN.pow(30))).isEqualTo(reason);
        assertThat(refusal(sleep, 10_000)).isNull();
        assertThat(refusal(sleep, 0.25)).isNull();
    }

    @Test
    void applyRefusesAnItemOutsideTheDomainInsteadOfSleeping() {
        assertThatThrownBy(() -> apply(sleep, Long.MAX_VALUE)).isInstanceOf(OperationException.class)
                .hasMessage("sleep needs a number of milliseconds 0 ≤ x ≤ 10000");
    }
}

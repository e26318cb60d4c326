package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** What a kept job is still writing: its end waits for it, and so does the removal of a forgotten job's numbers. */
class KeepingTest {

    private final Keeping keeping = new Keeping();

    @Test
    void settledWaitsForEveryWriteEvenOnesItsEndHasAlreadyTaken() {
        CompletableFuture<Void> segment = new CompletableFuture<>();
        keeping.keep();
        keeping.writeUnlessForgotten(() -> segment);

        CompletableFuture<Void> beforeTheEnd = keeping.written();
        CompletableFuture<?> settled = keeping.settled();

        assertThat(beforeTheEnd).isNotDone();
        assertThat(settled).isNotDone();
        segment.complete(null);
        assertThat(beforeTheEnd).isDone();
        assertThat(settled).isDone();
    }

    @Test
    void aForgottenJobStartsNoWriteAndWritesNoEnd() {
        keeping.keep();
        keeping.forgotten();
        boolean[] started = {false};
        boolean[] ended = {false};

        boolean writes = keeping.writeUnlessForgotten(() -> {
            started[0] = true;
            return CompletableFuture.completedFuture(null);
        });
        keeping.end(() -> ended[0] = true);

        assertThat(writes).isFalse();
        assertThat(started[0]).isFalse();
        assertThat(ended[0]).isFalse();
    }

    @Test
    void aFailedWriteStillSettles() {
        keeping.writeUnlessForgotten(() -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));

        assertThat(keeping.settled()).isCompletedExceptionally();
    }
}

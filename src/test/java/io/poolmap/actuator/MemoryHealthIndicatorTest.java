package io.poolmap.actuator;

import java.util.concurrent.atomic.AtomicInteger;

import io.poolmap.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryHealthIndicatorTest {

    @Test
    void aHeapStillFullAfterACollectionIsOutOfServiceUntilItRecovers() {
        AtomicInteger used = new AtomicInteger(40);
        MemoryHealthIndicator indicator = new MemoryHealthIndicator(new MemoryBudget(1000, 90, used::get));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("usedAfterCollectionPercent", 40)
                .containsEntry("inFlightCapacityBytes", 1000L);
        used.set(93);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        used.set(60);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}

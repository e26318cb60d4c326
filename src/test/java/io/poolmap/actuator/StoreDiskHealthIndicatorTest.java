package io.poolmap.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.poolmap.store.StoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

class StoreDiskHealthIndicatorTest {

    @Test
    void aStoreDiskWithLessThanTheMinimumFreeIsOutOfServiceUntilSpaceComesBack() {
        AtomicLong free = new AtomicLong(10L << 30);
        StoreDiskHealthIndicator indicator = new StoreDiskHealthIndicator(Path.of("/var/lib/poolmap/store"),
                DataSize.ofMegabytes(64), path -> free.get());

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("path", "/var/lib/poolmap/store")
                .containsEntry("minimumFreeBytes", 64L << 20);
        free.set((64L << 20) - 1);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        free.set(1L << 30);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theMinimumComesFromTheStoresSettings(@TempDir Path directory) {
        StoreDiskHealthIndicator indicator = new StoreDiskHealthIndicator(new StoreProperties(directory,
                DataSize.ofMegabytes(64), false, DataSize.ofBytes(Long.MAX_VALUE)));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.health().getDetails()).containsEntry("minimumFreeBytes", Long.MAX_VALUE);
    }

    @Test
    void aStoreNotCreatedYetIsMeasuredOnTheDiskThatWillHoldIt(@TempDir Path directory) {
        Path notYet = directory.resolve("not/yet");
        StoreDiskHealthIndicator indicator = new StoreDiskHealthIndicator(StoreProperties.at(notYet));

        // Other processes write to the same disk, so the free bytes themselves are compared with nothing exact.
        assertThat(StoreDiskHealthIndicator.nearestExisting(notYet)).isEqualTo(directory.toAbsolutePath());
        assertThat((Long) indicator.health().getDetails().get("freeBytes")).isPositive();
    }
}

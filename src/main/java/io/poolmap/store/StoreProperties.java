package io.poolmap.store;

import java.nio.file.Path;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The durable store's settings, under {@code poolmap.store.*}; checked at start-up with messages naming the property.
 *
 * @param path the directory of this member's store (Infinispan's global state and one file store per cache); each
 *        member of a cluster needs its own. Defaults to {@code ~/.poolmap/store}: under the user's home rather than the
 *        working directory, so that {@code java -jar} started from another directory still finds its jobs; the image
 *        sets it to its volume
 * @param memory the most memory that each of the {@code inputs} and {@code results} caches keeps, off the Java heap,
 *        before older chunks are read back from disk (a data size, e.g. {@code 64MB})
 * @param syncWrites whether every write is forced to the disk (fsync) before it completes; without it a write survives
 *        a killed process (it is in the OS's page cache) but not a power loss or kernel crash
 * @param minFreeDisk the free space on the store's disk below which {@code /actuator/health} says
 *        {@code OUT_OF_SERVICE} ({@code storeDisk}), so that a load balancer stops sending work before writes fail
 */
@ConfigurationProperties("poolmap.store")
@Validated
public record StoreProperties(
        Path path,
        @DefaultValue("64MB") @NotNull DataSize memory,
        @DefaultValue("false") boolean syncWrites,
        @DefaultValue("64MB") @NotNull DataSize minFreeDisk) {

    public StoreProperties {
        if (path == null) {
            path = Path.of(System.getProperty("user.home"), ".poolmap", "store");
        }
    }

    /** A store in {@code path} with the default settings. */
    public static StoreProperties at(Path path) {
        return new StoreProperties(path, DataSize.ofMegabytes(64), false, DataSize.ofMegabytes(64));
    }

    @AssertTrue(message = "poolmap.store.memory must be at least 1MB")
    public boolean isMemoryAtLeastOneMegabyte() {
        return memory == null || memory.toBytes() >= DataSize.ofMegabytes(1).toBytes();
    }

    @AssertTrue(message = "poolmap.store.min-free-disk must not be negative")
    public boolean isMinFreeDiskNotNegative() {
        return minFreeDisk == null || minFreeDisk.toBytes() >= 0;
    }
}

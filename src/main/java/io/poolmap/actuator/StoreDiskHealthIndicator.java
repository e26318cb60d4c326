package io.poolmap.actuator;

import java.nio.file.Path;
import java.util.function.ToLongFunction;

import io.poolmap.store.StoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The disk of the store in {@code /actuator/health}: OUT_OF_SERVICE when it has less free space than
 * {@code poolmap.store.min-free-disk} (64 MB by default), so that a load balancer stops sending work before jobs that must be on disk are refused
 * ({@code 503 store-unavailable}). Spring's own {@code diskSpace} looks at the working directory, which need not be
 * the store's disk.
 */
@Component("storeDisk")
class StoreDiskHealthIndicator implements HealthIndicator {

    private final Path path;
    private final long minimumFreeBytes;
    private final ToLongFunction<Path> usableBytes;

    @Autowired
    StoreDiskHealthIndicator(StoreProperties store) {
        this(store.path(), store.minFreeDisk(), StoreDiskHealthIndicator::usableBytes);
    }

    StoreDiskHealthIndicator(Path path, DataSize minimumFree, ToLongFunction<Path> usableBytes) {
        this.path = path.toAbsolutePath();
        this.minimumFreeBytes = minimumFree.toBytes();
        this.usableBytes = usableBytes;
    }

    @Override
    public Health health() {
        long free = usableBytes.applyAsLong(path);
        return (free < minimumFreeBytes ? Health.outOfService() : Health.up())
                .withDetail("path", path.toString())
                .withDetail("freeBytes", free)
                .withDetail("minimumFreeBytes", minimumFreeBytes)
                .build();
    }

    /** The free bytes of the disk that holds {@code path}, or of its nearest existing parent before the store exists. */
    private static long usableBytes(Path path) {
        Path existing = nearestExisting(path);
        return existing == null ? 0 : existing.toFile().getUsableSpace();
    }

    /** {@code path} itself, or its nearest parent that exists; null when none does. */
    static Path nearestExisting(Path path) {
        for (Path at = path.toAbsolutePath(); at != null; at = at.getParent()) {
            if (at.toFile().exists()) {
                return at;
            }
        }
        return null;
    }
}

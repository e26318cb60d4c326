package io.poolmap.store;

import java.nio.file.Path;

import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.persistence.spi.PersistenceException;

/**
 * Reads the store's files once at start-up, so that damaged files stop the start with a clear message instead of
 * failing one request later or, worse, going unnoticed: every job and idempotency record is read and decoded, and the
 * keys of every stored chunk (their bytes are read when used, and a damaged chunk then fails that read).
 *
 * <p>Its limit: Infinispan's file store recovers from a crash by dropping a torn entry at the end of a data file, so a
 * data file cut short by other means loses the entries after the cut without an error; there is no checksum to tell.
 */
final class StoreVerification {

    private StoreVerification() {
    }

    static void verify(EmbeddedCacheManager manager, Path directory) {
        for (StoreCache cache : StoreCache.values()) {
            if (!cache.persisted()) {
                continue;
            }
            Cache<Object, Object> local = manager.getCache(cache.cacheName()).getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL);
            try {
                if (cache == StoreCache.INPUTS || cache == StoreCache.RESULTS) {
                    local.keySet().forEach(StoreVerification::touch);
                } else {
                    local.values().forEach(StoreVerification::touch);
                }
            } catch (RuntimeException e) {
                if (!damaged(e)) {
                    throw new StoreException("poolmap.store.path " + directory + ": the '" + cache.cacheName() + "' cache cannot be read: "
                            + e.getMessage(), e);
                }
                throw new StoreException("poolmap.store.path " + directory + ": the files of the '" + cache.cacheName()
                        + "' cache cannot be read (" + e.getMessage() + "); the store is damaged: restore it from a backup, or move it"
                        + " away to start with an empty one", e);
            }
        }
    }

    /** True when reading the files failed, as opposed to the cache refusing to be read (e.g. while it recovers). */
    private static boolean damaged(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || String.valueOf(cause.getMessage()).startsWith("Error reading from")) {
                return true;
            }
        }
        return false;
    }

    private static void touch(Object entry) {
        if (entry == null) {
            throw new IllegalStateException("an entry reads as null");
        }
    }
}

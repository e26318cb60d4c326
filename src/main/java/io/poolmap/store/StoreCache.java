package io.poolmap.store;

import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;
import org.infinispan.eviction.EvictionStrategy;

/**
 * The store's caches and how each is kept, in one table, so that a single node and a cluster differ only in the cache
 * mode: local caches for a cluster of one, replicated or distributed ({@code poolmap.cluster.copies} owners, two by
 * default) caches for many. Persisted caches have a file store (SIFS, Infinispan's soft-index file store) under the
 * member's own store path, written through on every change; the chunk caches keep their bytes off the Java heap,
 * bounded by {@code poolmap.store.memory}.
 */
enum StoreCache {

    /** One small record per job; every member holds all of them, so that any member lists and answers any job. */
    JOBS("jobs", CacheMode.REPL_SYNC, true, false),
    /** A job's numbers, packed per chunk; two copies (by default) in a cluster survive the loss of one member. */
    INPUTS("inputs", CacheMode.DIST_SYNC, true, true),
    /** Each chunk's results, packed, written once. */
    RESULTS("results", CacheMode.DIST_SYNC, true, true),
    /** Which member computes which chunk, while it does; not persisted: after a restart every chunk is claimable. */
    CLAIMS("claims", CacheMode.DIST_SYNC, false, false),
    /** {@code Idempotency-Key} → the job it created, on every member. */
    IDEMPOTENCY("idempotency", CacheMode.REPL_SYNC, true, false),
    /** Each member's last report of its workers, on every member; not persisted: a report is a few seconds' truth. */
    MEMBERS("members", CacheMode.REPL_SYNC, false, false);

    private final String cacheName;
    private final CacheMode clusteredMode;
    private final boolean persisted;
    private final boolean offHeap;

    StoreCache(String cacheName, CacheMode clusteredMode, boolean persisted, boolean offHeap) {
        this.cacheName = cacheName;
        this.clusteredMode = clusteredMode;
        this.persisted = persisted;
        this.offHeap = offHeap;
    }

    String cacheName() {
        return cacheName;
    }

    boolean persisted() {
        return persisted;
    }

    /** This cache's configuration, local ({@code clustered} false) or in a cluster with {@code copies} owners per entry. */
    Configuration configuration(boolean clustered, int copies, StoreProperties store) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.clustering().cacheMode(clustered ? clusteredMode : CacheMode.LOCAL).hash().numOwners(copies);
        if (offHeap) {
            builder.memory().storage(StorageType.OFF_HEAP).maxSize(Long.toString(store.memory().toBytes()))
                    .whenFull(EvictionStrategy.REMOVE);
        }
        if (persisted) {
            builder.persistence().passivation(false).addSoftIndexFileStore().syncWrites(store.syncWrites());
        }
        return builder.build();
    }
}

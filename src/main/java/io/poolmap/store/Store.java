package io.poolmap.store;

import java.nio.file.Path;
import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Address;

/**
 * A member's durable store: the started cache manager and its typed caches, the same API whether this member is alone
 * (local caches) or one of a cluster (replicated and distributed caches); closing it stops the caches and leaves the
 * cluster.
 */
public final class Store implements AutoCloseable {

    private final EmbeddedCacheManager manager;
    private final StoreProperties properties;
    private final String member;

    private Store(EmbeddedCacheManager manager, StoreProperties properties, String member) {
        this.manager = manager;
        this.properties = properties;
        this.member = member;
    }

    /** Opens (or creates) the store at {@code store.path()}, joining the cluster when {@code cluster} is enabled. */
    public static Store open(StoreProperties store, ClusterProperties cluster) {
        return new Store(CacheManagers.start(store, cluster), store, cluster.effectiveMemberName());
    }

    /** Job id → the job's record; replicated in a cluster, persisted. */
    public Cache<String, StoredJob> jobs() {
        return manager.getCache(StoreCache.JOBS.cacheName());
    }

    /** A chunk → its input numbers, packed; two owners in a cluster, persisted. */
    public Cache<ChunkKey, PackedChunk> inputs() {
        return manager.getCache(StoreCache.INPUTS.cacheName());
    }

    /** A chunk → its results, packed; two owners in a cluster, persisted. */
    public Cache<ChunkKey, PackedChunk> results() {
        return manager.getCache(StoreCache.RESULTS.cacheName());
    }

    /** A chunk → the member computing it; two owners in a cluster, in memory only. Claim with {@code putIfAbsent}. */
    public Cache<ChunkKey, Claim> claims() {
        return manager.getCache(StoreCache.CLAIMS.cacheName());
    }

    /** An {@code Idempotency-Key} → the job it created; replicated, persisted. */
    public Cache<String, IdempotentSubmission> idempotency() {
        return manager.getCache(StoreCache.IDEMPOTENCY.cacheName());
    }

    /** A member's name → its last report of its workers; replicated in a cluster, in memory only. */
    public Cache<String, MemberWorkers> memberWorkers() {
        return manager.getCache(StoreCache.MEMBERS.cacheName());
    }

    /**
     * {@code cache} for writes and removals whose previous value nobody reads. Infinispan otherwise reads that value
     * back from the file store first, to return it: forgetting a big job read all of its numbers into the heap just to
     * delete them, and under a steady load those reads filled the heap of a 512 MB process. Both flags are needed:
     * with {@code IGNORE_RETURN_VALUES} alone, removing an entry that is not in memory does not reach the file store.
     */
    public static <K, V> AdvancedCache<K, V> blind(Cache<K, V> cache) {
        return cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES, Flag.SKIP_CACHE_LOAD);
    }

    /** This member's name, as it appears in {@link #members()} and in claims. */
    public String member() {
        return member;
    }

    /** The names of the members in the current view, the oldest (the coordinator) first; this member alone when local. */
    public List<String> members() {
        List<Address> view = manager.getMembers();
        return view == null ? List.of(member) : view.stream().map(Address::toString).toList();
    }

    /** True when this member runs with a cluster transport (even while it is the only member of the view). */
    public boolean clustered() {
        return manager.getCacheManagerConfiguration().isClustered();
    }

    /** The directory this member's store lives in. */
    public Path path() {
        return properties.path().toAbsolutePath().normalize();
    }

    /** The cache manager itself, for listeners ({@code @ViewChanged}) and what this class does not wrap. */
    public EmbeddedCacheManager cacheManager() {
        return manager;
    }

    @Override
    public void close() {
        manager.stop();
    }
}

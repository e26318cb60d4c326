package io.poolmap.store;

import java.nio.file.Path;
import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import org.infinispan.Cache;
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

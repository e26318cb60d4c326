package io.poolmap.store;

import java.nio.file.Path;
import java.util.Arrays;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.JGroupsChannels;
import io.poolmap.cluster.ViewLog;
import org.infinispan.commons.configuration.Combine;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.ShutdownHookBehavior;
import org.infinispan.configuration.global.UncleanShutdownAction;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.JChannel;

/**
 * Builds and starts the Infinispan cache manager of one member, standalone or clustered, through the same steps: the
 * global state (and every file store) under the store path, the ProtoStream schema of {@link StoreSchema}, the caches
 * of {@link StoreCache}; a cluster only adds the JGroups transport.
 */
final class CacheManagers {

    static final String CLUSTER_NAME = "poolmap";

    private CacheManagers() {
    }

    /** A started cache manager with every cache of {@link StoreCache} started; failures name the property to fix. */
    static EmbeddedCacheManager start(StoreProperties store, ClusterProperties cluster) {
        Path directory = StoreDirectory.prepare(store.path());
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder();
        // Infinispan locks the directory (each file store's lock file, and the global state's in a cluster), so that a
        // second process on it fails instead of sharing and corrupting it; FAIL keeps that for a live holder, and a
        // restart after kill -9 still works, since the operating system releases a dead process's file locks.
        global.globalState().enable().persistentLocation(directory.toString()).uncleanShutdownAction(UncleanShutdownAction.FAIL);
        global.serialization().addContextInitializer(new StoreSchemaImpl());
        // Spring stops the store after the jobs that use it; a JVM hook of Infinispan's own would race that order.
        global.shutdown().hookBehavior(ShutdownHookBehavior.DONT_REGISTER);
        // Infinispan would otherwise fill a Prometheus registry of its own that nothing scrapes.
        global.metrics().gauges(false).histograms(false);
        global.jmx().enabled(false);
        if (cluster.enabled()) {
            global.transport().clusterName(CLUSTER_NAME).nodeName(cluster.effectiveMemberName()).transport(new JGroupsTransport(channel(cluster)));
        }
        // A holder, not new DefaultCacheManager(global.build()): that constructor copies the global configuration and
        // the copy loses the transport instance, so Infinispan silently fell back to its default UDP multicast stack.
        ConfigurationBuilderHolder holder = new ConfigurationBuilderHolder(CacheManagers.class.getClassLoader(), global);
        for (StoreCache cache : StoreCache.values()) {
            holder.newConfigurationBuilder(cache.cacheName())
                    .read(cache.configuration(cluster.enabled(), cluster.copies(), store), Combine.DEFAULT);
        }
        DefaultCacheManager manager = new DefaultCacheManager(holder, false);
        try {
            if (cluster.enabled()) {
                ViewLog.register(manager);
            }
            manager.start();
            manager.startCaches(Arrays.stream(StoreCache.values()).map(StoreCache::cacheName).toArray(String[]::new));
            StoreVerification.verify(manager, directory);
            return manager;
        } catch (StoreException e) {
            stopQuietly(manager);
            throw e;
        } catch (RuntimeException e) {
            stopQuietly(manager);
            throw new StoreException(StartupFailures.describe(e, directory, cluster), e);
        }
    }

    /** A manager whose start failed has often stopped itself already; stopping it again only logs a stack trace. */
    private static void stopQuietly(DefaultCacheManager manager) {
        if (!manager.getStatus().isTerminated()) {
            manager.stop();
        }
    }

    private static JChannel channel(ClusterProperties cluster) {
        try {
            return JGroupsChannels.create(cluster);
        } catch (Exception e) {
            throw new StoreException("poolmap.cluster.bind " + cluster.bind() + ": cannot set up the cluster channel: " + e.getMessage(), e);
        }
    }
}

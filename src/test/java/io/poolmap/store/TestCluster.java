package io.poolmap.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.remoting.transport.Transport;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.JChannel;
import org.jgroups.View;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.TP;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.ProtocolStack;
import org.slf4j.LoggerFactory;

/**
 * Several cluster members in one JVM on loopback, each with its own store directory and ports, found through a
 * static member list; a member can be crashed (cut off and stopped without saying goodbye) or restarted on its store.
 */
public final class TestCluster implements AutoCloseable {

    public static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(2);

    static {
        // As application.yaml has it: Infinispan and JGroups log each rebalance phase of each cache at INFO.
        for (String noisy : new String[] {"org.infinispan", "org.jgroups"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    private final Path root;
    private final List<HostPort> addresses;
    private final int copies;
    private final List<Store> members = new ArrayList<>();

    private TestCluster(Path root, List<HostPort> addresses, int copies) {
        this.root = root;
        this.addresses = addresses;
        this.copies = copies;
    }

    /** Starts {@code size} members: the first alone (it becomes the coordinator), then the others at once. */
    public static TestCluster start(Path root, int size) {
        return start(root, size, size);
    }

    /**
     * Starts the first {@code running} of {@code size} members, each with the whole member list, so that the others can
     * {@link #join} later.
     */
    public static TestCluster start(Path root, int size, int running) {
        return start(root, size, running, 2);
    }

    /** As {@link #start(Path, int, int)}, with {@code copies} of every chunk ({@code poolmap.cluster.copies}). */
    public static TestCluster start(Path root, int size, int running, int copies) {
        List<HostPort> addresses = IntStream.range(0, size).mapToObj(i -> new HostPort("127.0.0.1", FreePorts.forMember())).toList();
        TestCluster cluster = new TestCluster(root, addresses, copies);
        cluster.members.add(cluster.open(0));
        List<CompletableFuture<Store>> others = IntStream.range(1, running).mapToObj(i -> CompletableFuture.supplyAsync(() -> cluster.open(i))).toList();
        others.forEach(other -> cluster.members.add(other.join()));
        return cluster;
    }

    public Store member(int index) {
        return members.get(index);
    }

    public String name(int index) {
        return addresses.get(index).toString();
    }

    /** Starts member {@code index}, one of those {@link #start(Path, int, int)} left out, which joins the others. */
    public Store join(int index) {
        if (index != members.size()) {
            throw new IllegalArgumentException("members join in order: the next is " + members.size());
        }
        Store store = open(index);
        members.add(store);
        return store;
    }

    /** Starts member {@code index} again on its own store directory (after {@link #crash} or {@link #stop}). */
    public Store restart(int index) {
        Store store = open(index);
        members.set(index, store);
        return store;
    }

    /**
     * Cuts member {@code index} off as a crash would, as Infinispan's own tests do: every message to or from it is
     * dropped and it believes itself alone, then it stops, so the others hear no goodbye and must detect its loss.
     */
    public void crash(int index) {
        Store store = members.get(index);
        JChannel channel = channel(store);
        DISCARD discard = new DISCARD();
        discard.discardAll(true);
        try {
            channel.getProtocolStack().insertProtocol(discard, ProtocolStack.Position.ABOVE, TP.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot cut member " + index + " off", e);
        }
        channel.getProtocolStack().<GMS>findProtocol(GMS.class).installView(View.create(channel.getAddress(), 1_000, channel.getAddress()));
        store.close();
    }

    /** The JGroups channel that member's cache manager really uses. */
    public static JChannel channel(Store store) {
        return ((JGroupsTransport) GlobalComponentRegistry.componentOf(store.cacheManager(), Transport.class)).getChannel();
    }

    public void stop(int index) {
        members.get(index).close();
    }

    private Store open(int index) {
        ClusterProperties cluster = ClusterProperties.staticMembers(addresses.get(index), addresses, FAILURE_TIMEOUT, copies);
        return Store.open(StoreProperties.at(root.resolve("member-" + index)), cluster);
    }

    /**
     * Stops every running member, the last started first and the coordinator last; one at a time, since members that
     * stop all at once wait for each other's topology updates (a test run hung so).
     */
    @Override
    public void close() {
        for (Store store : members.reversed()) {
            if (store.cacheManager().getStatus().allowInvocations()) {
                store.close();
            }
        }
    }
}

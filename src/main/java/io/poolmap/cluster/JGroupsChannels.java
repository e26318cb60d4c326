package io.poolmap.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jgroups.util.Util;

/**
 * Builds the JGroups channel of a member from {@link ClusterProperties}, in code rather than from an XML file with
 * {@code ${jgroups.*}} system properties, so that several members can run in one JVM (the tests do) and every value
 * comes from a validated property.
 *
 * <p>The stack is Infinispan's TCP stack with the discovery swapped: TCP on the bind address and exactly the bind port
 * (no silent move to the next free port), without Nagle's delay; TCPPING over the static members or DNS_PING over the DNS name; MERGE3 to heal
 * partitions; FD_SOCK2 (a killed process is suspected as soon as its socket closes) and FD_ALL3 (a silent one after
 * {@code failure-timeout}), confirmed by VERIFY_SUSPECT2; then reliable delivery, membership, flow control and
 * fragmentation as Infinispan configures them. TCP and not UDP multicast, since containers and clouds rarely route
 * multicast.
 */
public final class JGroupsChannels {

    /** Failure detection (FD_SOCK2) listens on the bind port plus this offset (JGroups' own default). */
    public static final int FAILURE_DETECTION_OFFSET = 100;

    private JGroupsChannels() {
    }

    /** A new, unconnected channel for the member that {@code cluster} describes; it must be enabled. */
    public static JChannel create(ClusterProperties cluster) throws Exception {
        if (!cluster.enabled()) {
            throw new IllegalArgumentException("poolmap.cluster.enabled is false: a standalone member has no channel");
        }
        return new JChannel(protocols(cluster)).name(cluster.effectiveMemberName());
    }

    /** The protocols from the bottom of the stack (the transport) up. */
    static List<Protocol> protocols(ClusterProperties cluster) throws Exception {
        InetAddress bindAddress = Util.getAddress(cluster.bind().host(), Util.getIpStackType());
        if (bindAddress == null) {
            throw new IllegalArgumentException("poolmap.cluster.bind: no address of this machine matches '" + cluster.bind().host() + "'");
        }
        long failureTimeout = cluster.failureTimeout().toMillis();
        List<Protocol> protocols = new ArrayList<>();
        // Nagle off, as Infinispan's own TCP stack has it: JGroups' default (on) met delayed ACKs and made each
        // synchronous write to a second owner wait ~40 ms (1M results as 64 chunks: 2.7 s instead of a tenth of that).
        TCP tcp = new TCP().setBindAddress(bindAddress).setBindPort(cluster.bind().port()).setPortRange(0);
        tcp.tcpNodelay(true).setSockConnTimeout(300);
        protocols.add(tcp);
        protocols.add(discovery(cluster));
        protocols.add(new MERGE3().setMinInterval(Duration.ofSeconds(10).toMillis()).setMaxInterval(Duration.ofSeconds(30).toMillis()));
        protocols.add(new FD_SOCK2().setBindAddress(bindAddress).setOffset(FAILURE_DETECTION_OFFSET));
        protocols.add(new FD_ALL3().setTimeout(failureTimeout).setInterval(Math.max(250, failureTimeout / 4)));
        protocols.add(new VERIFY_SUSPECT2().setTimeout(1000));
        protocols.add(new NAKACK2().useMcastXmit(false));
        protocols.add(new UNICAST3());
        protocols.add(new STABLE());
        protocols.add(new GMS().setJoinTimeout(2000).printLocalAddress(false));
        protocols.add(new UFC());
        protocols.add(new MFC());
        protocols.add(new FRAG4());
        return protocols;
    }

    private static Protocol discovery(ClusterProperties cluster) {
        if (cluster.dnsQuery() != null) {
            return new DNS_PING().setDNSQuery(cluster.dnsQuery()).dnsRecordType("A");
        }
        // Given as text, not as resolved addresses: TCPPING resolves a name again at each discovery, so members whose
        // names do not resolve yet (compose services that start later) are found once they do.
        String hosts = cluster.members().stream().map(member -> member.host() + "[" + member.port() + "]")
                .collect(Collectors.joining(","));
        return new TCPPING().setPortRange(0).setValue("initial_hosts_str", hosts);
    }
}

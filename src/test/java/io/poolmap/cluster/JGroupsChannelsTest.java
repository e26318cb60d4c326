package io.poolmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.stack.Protocol;
import org.junit.jupiter.api.Test;

/** The JGroups stack a member gets from its cluster properties, built without connecting anything. */
class JGroupsChannelsTest {

    private static final HostPort BIND = new HostPort("127.0.0.1", 7800);

    @Test
    void aStaticMemberListBecomesTcpOnExactlyTheBindPortWithTcpping() throws Exception {
        List<Protocol> protocols = JGroupsChannels.protocols(ClusterProperties.staticMembers(BIND,
                List.of(BIND, new HostPort("localhost", 7801)), Duration.ofSeconds(8)));

        assertThat(protocols).extracting(protocol -> protocol.getClass().getSimpleName()).containsExactly("TCP", "TCPPING", "MERGE3",
                "FD_SOCK2", "FD_ALL3", "VERIFY_SUSPECT2", "NAKACK2", "UNICAST3", "STABLE", "GMS", "UFC", "MFC", "FRAG4");
        TCP tcp = (TCP) protocols.get(0);
        assertThat(tcp.getBindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(tcp.getBindPort()).isEqualTo(7800);
        assertThat(tcp.getPortRange()).as("no silent move to another port").isZero();
        assertThat(tcp.tcpNodelay()).as("no Nagle delay on synchronous replication").isTrue();
        TCPPING ping = (TCPPING) protocols.get(1);
        assertThat(ping.getPortRange()).isZero();
        assertThat((String) ping.getValue("initial_hosts_str")).isEqualTo("127.0.0.1[7800],localhost[7801]");
        assertThat(((FD_SOCK2) protocols.get(3)).getOffset()).isEqualTo(JGroupsChannels.FAILURE_DETECTION_OFFSET);
        FD_ALL3 heartbeats = (FD_ALL3) protocols.get(4);
        assertThat(heartbeats.getTimeout()).isEqualTo(8000);
        assertThat(heartbeats.getInterval()).isEqualTo(2000);
    }

    @Test
    void aDnsQueryBecomesDnsPingOnARecords() throws Exception {
        ClusterProperties cluster = new ClusterProperties(true, BIND, List.of(), "poolmap-cluster.default.svc.cluster.local", "pod-1",
                Duration.ofSeconds(15), 2);

        DNS_PING ping = (DNS_PING) JGroupsChannels.protocols(cluster).get(1);

        assertThat(ping.dnsQuery()).isEqualTo("poolmap-cluster.default.svc.cluster.local");
        assertThat(ping.dnsRecordType()).isEqualTo("A");
    }

    @Test
    void aChannelIsNamedAfterTheMember() throws Exception {
        ClusterProperties cluster = new ClusterProperties(true, BIND, List.of(BIND), null, "pod-1", Duration.ofSeconds(15), 2);

        try (var channel = JGroupsChannels.create(cluster)) {
            assertThat(channel.getName()).isEqualTo("pod-1");
            assertThat(channel.isConnected()).isFalse();
        }
    }

    @Test
    void aStandaloneMemberHasNoChannelAndAnUnknownAddressNamesTheProperty() {
        assertThatThrownBy(() -> JGroupsChannels.create(ClusterProperties.standalone())).hasMessageContaining("poolmap.cluster.enabled");
        ClusterProperties nowhere = ClusterProperties.staticMembers(new HostPort("match-interface:no-such-interface.*", 7800), List.of(BIND),
                Duration.ofSeconds(15));
        assertThatThrownBy(() -> JGroupsChannels.protocols(nowhere)).hasMessageContaining("poolmap.cluster.bind");
    }
}

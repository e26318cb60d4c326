package io.poolmap.cluster;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster settings, under {@code poolmap.cluster.*}: off by default (a single node is a cluster of one); checked at
 * start-up, so that a member with half a configuration stops with a message naming the property instead of running
 * alone.
 *
 * @param enabled whether this process joins a cluster over JGroups TCP; when false, every cache is local
 * @param bind this member's {@code host:port} for cluster traffic, e.g. {@code 127.0.0.1:7800} or
 *        {@code SITE_LOCAL:7800}; failure detection also listens on the port + {@value JGroupsChannels#FAILURE_DETECTION_OFFSET}
 * @param members the members to look for at start-up, {@code host:port} separated by commas (JGroups TCPPING); this
 *        member may be among them; for loopback, compose and fixed hosts
 * @param dnsQuery a DNS name whose A records are the members' addresses, all on the bind port (JGroups DNS_PING), e.g.
 *        a Kubernetes headless service {@code poolmap-cluster.default.svc.cluster.local}; instead of {@code members}
 * @param memberName this member's name in views, claims and worker names ({@code member/worker-k}); defaults to the
 *        bind {@code host:port}, or {@code local} without a cluster
 * @param failureTimeout how long a member may stay silent before the others suspect it (JGroups FD_ALL3); a killed
 *        process is noticed sooner, when its sockets close (FD_SOCK2)
 * @param copies how many members hold each chunk of a job's numbers and results: {@code copies - 1} members may die at
 *        once without losing any; as many as the members, each holds everything, which is what lets a whole cluster
 *        killed at once start again with all its jobs (fewer lose some: a restart after a crash assigns owners afresh)
 */
@ConfigurationProperties("poolmap.cluster")
@Validated
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        HostPort bind,
        @DefaultValue List<HostPort> members,
        String dnsQuery,
        String memberName,
        @DefaultValue("15s") @NotNull Duration failureTimeout,
        @DefaultValue("2") int copies) {

    /** A single node: no cluster, every cache local. */
    public static ClusterProperties standalone() {
        return new ClusterProperties(false, null, List.of(), null, null, Duration.ofSeconds(15), 2);
    }

    /** The members of a cluster found through a static list, e.g. on loopback. */
    public static ClusterProperties staticMembers(HostPort bind, List<HostPort> members, Duration failureTimeout) {
        return staticMembers(bind, members, failureTimeout, 2);
    }

    /** As {@link #staticMembers(HostPort, List, Duration)}, with {@code copies} of every chunk. */
    public static ClusterProperties staticMembers(HostPort bind, List<HostPort> members, Duration failureTimeout, int copies) {
        return new ClusterProperties(true, bind, members, null, null, failureTimeout, copies);
    }

    public ClusterProperties {
        members = members == null ? List.of() : List.copyOf(members);
        dnsQuery = dnsQuery == null || dnsQuery.isBlank() ? null : dnsQuery.strip();
        memberName = memberName == null || memberName.isBlank() ? null : memberName.strip();
    }

    /** This member's name: {@link #memberName()} when set, else the bind address, else {@code local}. */
    public String effectiveMemberName() {
        return memberName != null ? memberName : bind != null ? bind.toString() : "local";
    }

    @AssertTrue(message = "poolmap.cluster.bind is required when poolmap.cluster.enabled is true: this member's host:port, e.g. 127.0.0.1:7800")
    public boolean isBindSetWhenEnabled() {
        return !enabled || bind != null;
    }

    @AssertTrue(message = "poolmap.cluster.enabled needs exactly one of poolmap.cluster.members (host:port,host:port) and poolmap.cluster.dns-query")
    public boolean isOneDiscoverySetWhenEnabled() {
        return !enabled || members.isEmpty() != (dnsQuery == null);
    }

    @AssertTrue(message = "poolmap.cluster.bind's port must be at most 65435: failure detection listens on that port + 100")
    public boolean isFailureDetectionPortInRange() {
        return bind == null || bind.port() + JGroupsChannels.FAILURE_DETECTION_OFFSET <= 65_535;
    }

    @AssertTrue(message = "poolmap.cluster.copies must be at least 1")
    public boolean isAtLeastOneCopy() {
        return copies >= 1;
    }

    @AssertTrue(message = "poolmap.cluster.failure-timeout must be at least 1s")
    public boolean isFailureTimeoutAtLeastOneSecond() {
        return failureTimeout == null || failureTimeout.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    @AssertTrue(message = "poolmap.cluster.member-name must not contain '/', which separates it from a worker's name")
    public boolean isMemberNameWithoutSlash() {
        return memberName == null || !memberName.contains("/");
    }
}

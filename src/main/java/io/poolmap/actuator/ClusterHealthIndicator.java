package io.poolmap.actuator;

import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.store.Store;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The cluster in {@code /actuator/health}, on a member of one: UP while this member is in the cluster's view,
 * OUT_OF_SERVICE otherwise (its store has stopped, or it was never let in); details name this member, the members in
 * the view (the coordinator first) and how many the static member list names. A view smaller than that list is not
 * DOWN: the members present compute every job; it is for an operator to see.
 */
@Component("cluster")
@ConditionalOnBooleanProperty("poolmap.cluster.enabled")
class ClusterHealthIndicator implements HealthIndicator {

    private final Store store;
    private final ClusterProperties cluster;

    ClusterHealthIndicator(Store store, ClusterProperties cluster) {
        this.store = store;
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        boolean running = store.cacheManager().getStatus().allowInvocations();
        List<String> members = running ? store.members() : List.of();
        boolean inView = members.contains(store.member());
        Health.Builder health = inView ? Health.up() : Health.outOfService();
        health.withDetail("member", store.member())
                .withDetail("inView", inView)
                .withDetail("members", members)
                .withDetail("size", members.size());
        if (!cluster.members().isEmpty()) {
            health.withDetail("configuredMembers", cluster.members().size());
        }
        return health.build();
    }
}

package io.poolmap.actuator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.poolmap.job.JobListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A cluster member's own meters: {@code poolmap.segments.rerun}, the segments this member computed again because the
 * member that had claimed them left the cluster (crashed, or was cut off), registered at 0 so that a rate over it means
 * something before the first failure. Per member (Prometheus adds the instance); no tags.
 */
@Component
@ConditionalOnBooleanProperty("poolmap.cluster.enabled")
class ClusterMeters implements MeterBinder, JobListener {

    private volatile Counter rerun;

    @Override
    public void bindTo(MeterRegistry registry) {
        rerun = Counter.builder("poolmap.segments.rerun")
                .description("Segments this member computed again because the member that had claimed them left the cluster")
                .register(registry);
    }

    @Override
    public void segmentRerun() {
        Counter counter = rerun;
        if (counter != null) {
            counter.increment();
        }
    }
}

package io.poolmap.actuator;

import io.poolmap.MemoryBudget;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The heap in {@code /actuator/health}: OUT_OF_SERVICE while it is under pressure (still nearly full after a garbage
 * collection, {@code poolmap.memory.pressure-percent}), so that a load balancer or Docker's health check stops
 * sending work before the JVM runs out; details say how full it is and how much work has reserved.
 */
@Component("memory")
class MemoryHealthIndicator implements HealthIndicator {

    private final MemoryBudget memory;

    MemoryHealthIndicator(MemoryBudget memory) {
        this.memory = memory;
    }

    @Override
    public Health health() {
        Health.Builder health = memory.underPressure() ? Health.outOfService() : Health.up();
        return health.withDetail("usedAfterCollectionPercent", memory.usedAfterCollectionPercent())
                .withDetail("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .withDetail("inFlightReservedBytes", memory.reserved())
                .withDetail("inFlightCapacityBytes", memory.capacity())
                .build();
    }
}

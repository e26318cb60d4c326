package io.poolmap.actuator;

import java.time.Clock;
import java.util.List;

import io.poolmap.job.JobListener;
import io.poolmap.job.TestJobEngine;
import io.poolmap.job.TestOperations;
import io.poolmap.job.TestOperations.Gate;
import org.junit.jupiter.api.AfterEach;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;

/** A real two-worker engine with the test operations, for the actuator's tests without Spring. */
abstract class ActuatorTestSupport {

    final Gate gate = new Gate();
    TestJobEngine engine;

    TestJobEngine start(long queueCapacity, JobListener... listeners) {
        engine = TestJobEngine.start(aPoolmapProperties().workers(2).queueCapacity(queueCapacity).build(),
                TestOperations.all(gate), List.of(listeners), Clock.systemUTC());
        return engine;
    }

    @AfterEach
    void stopTheEngine() throws InterruptedException {
        gate.open();
        if (engine != null) {
            engine.close();
        }
    }
}

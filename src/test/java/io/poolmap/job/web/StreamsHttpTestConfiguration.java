package io.poolmap.job.web;

import java.util.List;

import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Operations whose items the streaming tests hold at a {@link Gate}, added to the whole service's: {@code test_blocking}
 * holds every item, {@code test_held} only numbers ≥ 1000, so that one item can stay behind while the others complete.
 */
@TestConfiguration(proxyBeanMethods = false)
class StreamsHttpTestConfiguration {

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    TestBlocking testBlocking(Gate gate) {
        return new TestBlocking(gate);
    }

    @Bean
    Operation testHeld(Gate gate) {
        OperationInfo info = new OperationInfo("test_held", "the identity; numbers ≥ 1000 wait at the test's gate first",
                OperationKind.CPU, "integers", "none", new OperationInfo.Example(List.of(1L), List.of(1L)), 1_000_000);
        return new Operation() {

            @Override
            public OperationInfo info() {
                return info;
            }

            @Override
            public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
                if (in.longAt(i) >= 1000) {
                    gate.pass();
                }
                out.setLong(i, in.longAt(i));
            }
        };
    }
}

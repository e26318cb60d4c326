package io.poolmap.worker;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages import the package-private worker pool configuration. */
@TestConfiguration(proxyBeanMethods = false)
@Import(WorkerConfiguration.class)
public class WorkerPoolTestConfiguration {
}

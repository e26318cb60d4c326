package io.poolmap.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages import the package-private strict JSON reading and the {@code Numbers} module. */
@TestConfiguration(proxyBeanMethods = false)
@Import(JsonConfiguration.class)
public class StrictJsonTestConfiguration {
}

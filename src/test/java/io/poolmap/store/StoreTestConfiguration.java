package io.poolmap.store;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages import the package-private store configuration (a store under target/). */
@TestConfiguration(proxyBeanMethods = false)
@Import(StoreConfiguration.class)
public class StoreTestConfiguration {
}

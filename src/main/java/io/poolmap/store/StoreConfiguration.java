package io.poolmap.store;

import io.poolmap.cluster.ClusterProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Declares this member's {@link Store}, started only when a bean first asks for it (starting Infinispan costs about a
 * second in a fresh JVM, and a context that needs no store, such as a web-layer test, should not pay it) and stopped with
 * the context, after the beans that depend on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StoreProperties.class, ClusterProperties.class})
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    Store store(StoreProperties store, ClusterProperties cluster) {
        return Store.open(store, cluster);
    }
}

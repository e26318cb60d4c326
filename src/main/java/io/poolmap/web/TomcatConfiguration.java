package io.poolmap.web;

import io.poolmap.PoolmapProperties;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Replaces Tomcat's HTML error report with {@link ProblemErrorReportValve}, so that even container errors are problem
 * details, and applies {@code poolmap.request.*}'s timeouts to the connector, so that a slow client cannot hold a
 * connection open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class TomcatConfiguration {

    /** Runs after Spring Boot's own customizer, so that poolmap's timeouts win over {@code server.tomcat.*}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestTimeouts(RequestLimits limits, PoolmapProperties properties) {
        return new RequestTimeouts(limits, properties.maxRequestSize().toBytes());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    /**
     * The connector's timeouts, and how much of a body refused before it was read (503 when there is no heap left to
     * read it into) Tomcat reads and drops to keep the connection: up to {@code poolmap.max-request-size}, so that a
     * client still sending its body hears the refusal instead of a broken pipe.
     */
    private record RequestTimeouts(RequestLimits limits, long maxRequestBytes)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setConnectionTimeout((int) limits.readTimeout().toMillis());
                    http.setKeepAliveTimeout((int) limits.keepAliveTimeout().toMillis());
                    http.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Runs after Spring Boot's own customizer, which installs an HTML error report valve on the host. */
    private static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                for (Valve valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        context.getParent().getPipeline().removeValve(valve);
                    }
                }
                context.getParent().getPipeline().addValve(new ProblemErrorReportValve());
                if (context.getParent() instanceof StandardHost host) {
                    // the host adds a valve of this class name unless it finds one: name ours, or it adds Tomcat's HTML one
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

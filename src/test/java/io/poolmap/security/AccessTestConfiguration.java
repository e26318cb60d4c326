package io.poolmap.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages run behind poolmap's own security instead of Spring Boot's default login. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class AccessTestConfiguration {
}

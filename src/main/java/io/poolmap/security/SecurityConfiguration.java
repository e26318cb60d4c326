package io.poolmap.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.slf4j.Logger;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security for a stateless API: optional bearer API keys on {@code /api/**} and the non-public actuator
 * endpoints, Spring Security's default security headers on every response, no sessions, no login pages, and
 * CORS only for the origins configured. Health, info, Swagger UI, the OpenAPI document and the {@link LivePage live
 * page}'s files stay open; the page's document gets a Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Reachable without a key even when keys are set: liveness, build info, and the API's documentation. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    /**
     * No observation around each security filter, authentication and authorization: under load they allocate more than
     * a tiny job does, and {@code http.server.requests} already times every request, refused ones included.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Also an {@code AuthenticationManager} bean, so that Spring Boot creates no user with a generated password. */
    @Bean
    ApiKeys apiKeys(AccessProperties access) {
        if (!access.secured()) {
            log.warn("poolmap.security.api-keys is not set: the API and /actuator/prometheus and /actuator/workers are open "
                    + "to anyone who can reach this port; set POOLMAP_SECURITY_API_KEYS to require a key");
        }
        return new ApiKeys(access.apiKeys());
    }

    /**
     * Health details (the disk path among them) only where everything else is visible too: without keys for everyone,
     * with keys for a request with a valid one ({@code management.endpoint.health.show-details: when-authorized}).
     */
    @Bean
    HealthEndpointGroupsPostProcessor healthDetails(AccessProperties access) {
        return access.secured() ? groups -> groups : new OpenHealthDetails();
    }

    /** The API keys in the OpenAPI document: required or optional, as configured. */
    @Bean
    OpenApiCustomizer apiKeyDocumentation(AccessProperties access) {
        return new ApiKeyDocumentation(access.secured());
    }

    @Bean
    SecurityFilterChain poolmapSecurity(HttpSecurity http, AccessProperties access, ApiKeys keys,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(resolver);
        http.csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: a bearer key cannot be sent by another site
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .headers(headers -> headers.addHeaderWriter(LivePage.policyHeader()));
        if (access.corsOrigins().isEmpty()) {
            http.cors(AbstractHttpConfigurer::disable);
        } else {
            http.cors(cors -> cors.configurationSource(cors(access.corsOrigins())));
        }
        if (!access.secured()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        AuthenticationFilter bearer = new AuthenticationFilter(keys, new BearerKeyConverter());
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        bearer.setSuccessHandler((request, response, authentication) -> { });
        return http.addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(LivePage.PATHS).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Prefer", "Last-Event-ID"));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_LOCATION,
                "Preference-Applied"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}

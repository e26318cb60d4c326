package io.poolmap.web;

import io.poolmap.PoolmapProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes JSON reading strict, so that a typo ({@code parallelsm}), a duplicate key, trailing data or a
 * quoted number is refused with 400 instead of being silently ignored or guessed at; and JSON writing exact, with
 * integers as strings beyond ±(2^53 − 1) for the clients that ask ({@link ExactIntegers}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading(PoolmapProperties properties) {
        return builder -> builder
                .addModule(NumbersJson.module(properties.maxBatchSize(), properties.maxDigits()))
                .addModule(ExactIntegers.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * Spring MVC's JSON converter, which writes integers beyond ±(2^53 − 1) as strings when the answer's media type
     * carries {@code IEEE754Compatible=true} ({@link ExactIntegers}). It takes the JSON converter's own place (after
     * Spring Boot's configurer, which puts its plain one there), so that byte arrays and strings keep theirs.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebMvcConfigurer exactIntegersJsonConverter(JsonMapper mapper) {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new ExactIntegersJsonConverter(mapper));
            }
        };
    }

    /**
     * Jackson's stream-read constraints from poolmap's limits: numbers as long as {@code poolmap.max-digits} allows
     * (plus a sign; Jackson's default stops at 1,000), and strings, names and nesting as {@code poolmap.request.*}
     * allows, so that the parser refuses a hostile body before it is buffered into a value.
     */
    @Bean
    JsonFactoryBuilderCustomizer streamReadConstraints(PoolmapProperties properties, RequestLimits limits) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(properties.maxDigits() + 1)
                // Jackson buffers a number's digits as it buffers a string, and checks them against this limit too
                .maxStringLength(Math.max(limits.maxStringLength(), properties.maxDigits() + 2))
                .maxNameLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .build());
    }

    private static final class ExactIntegersJsonConverter extends JacksonJsonHttpMessageConverter {

        ExactIntegersJsonConverter(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
            return ExactIntegers.writer(super.customizeWriter(writer, javaType, contentType), ExactIntegers.requested(contentType));
        }
    }
}

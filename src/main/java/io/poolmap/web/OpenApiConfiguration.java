package io.poolmap.web;

import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description that Swagger UI shows above poolmap's endpoints. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a batch is a JSON array of numbers, whatever Numbers looks like inside
        SpringDocUtils.getConfig().replaceWithSchema(Numbers.class,
                new ArraySchema().items(new NumberSchema()).description("A JSON array of numbers"));
    }

    @Bean
    OpenAPI poolmapOpenApi() {
        return new OpenAPI().info(new Info()
                .title("poolmap")
                .version("v1")
                .description("""
                        Python's `multiprocessing.Pool.map` as a REST service. POST a batch of numbers and an operation; \
                        poolmap cuts the batch into chunks, runs them on a pool of named workers (`worker-1` … `worker-N`, \
                        one per core by default) and returns the results in input order.

                        * Integers are exact at any size (as Python's `int`); decimals are IEEE-754 doubles (as `float`).
                        * Synchronous by default; `"async": true` or `Prefer: respond-async` gives 202 and a Location to join with `?wait=10s`.
                        * Every error is an RFC 9457 problem detail (`application/problem+json`) whose `type` is `urn:poolmap:problem:<name>`, \
                        with a `pointer` to the offending field or item.
                        * Per-worker utilisation: `/actuator/workers` and `/actuator/prometheus`."""));
    }
}

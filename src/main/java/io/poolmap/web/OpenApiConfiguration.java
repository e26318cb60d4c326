package io.poolmap.web;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description that Swagger UI shows above poolmap's endpoints, and how to send an API key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a batch is a JSON array of numbers, whatever Numbers looks like inside
        SpringDocUtils.getConfig().replaceWithSchema(Numbers.class,
                new ArraySchema().items(new NumberSchema()).description("A JSON array of numbers"));
        SpringDocUtils.getConfig().replaceWithSchema(NumberRange.class,
                new ArraySchema().items(new NumberSchema()).description("A JSON array of numbers"));
    }

    /** The name of the bearer API key scheme in the OpenAPI document (Swagger UI's "Authorize" button). */
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI poolmapOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("One of poolmap.security.api-keys, sent as Authorization: Bearer <key>. "
                                + "Needed only when the service is configured with keys; without them it is open.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .info(new Info()
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
                        * Per-worker utilisation: `/actuator/workers` and `/actuator/prometheus`.
                        * When poolmap.security.api-keys is set, every call needs `Authorization: Bearer <key>` (401 without)."""));
    }

    /** Every API operation may answer 401 when poolmap.security.api-keys is set; documented once here, not on each. */
    @Bean
    OpenApiCustomizer unauthorizedResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> operation.getResponses()
                .addApiResponse("401", new ApiResponse()
                        .description("No API key, or a wrong one, while poolmap.security.api-keys is set (WWW-Authenticate: Bearer).")
                        .content(new Content().addMediaType("application/problem+json", new MediaType())))));
    }
}

package io.poolmap.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.poolmap.operation.NumberRange;
import io.poolmap.operation.Numbers;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title, description, licence and contact, the shared schemas of {@link ApiSchemas},
 * and the rules that hold for every operation, so that no controller repeats them: every error answer is
 * {@code application/problem+json} with the {@code Problem} schema, and every operation may answer 406 when the
 * client accepts none of its media types. (API keys are documented by the security package, which knows whether
 * they are set.)
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a batch is a JSON array of numbers, whatever Numbers looks like inside
        SpringDocUtils.getConfig().replaceWithSchema(Numbers.class,
                new ArraySchema().items(new NumberSchema()).description("A JSON array of numbers"));
        SpringDocUtils.getConfig().replaceWithSchema(NumberRange.class,
                new ArraySchema().items(new NumberSchema()).description("A JSON array of numbers"));
    }

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final String NOT_ACCEPTABLE = """
            {"type":"urn:poolmap:problem:not-acceptable","title":"Not Acceptable","status":406,
             "detail":"Acceptable representations: [application/json].","instance":"/api/v1/jobs/0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21"}""";

    @Bean
    OpenAPI poolmapOpenApi() {
        Components components = new Components();
        ApiSchemas.all().forEach(components::addSchemas);
        return new OpenAPI()
                .components(components)
                .info(new Info()
                .title("poolmap")
                .version("v1")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                .contact(new Contact().name("poolmap").email("dev@poolmap.io"))
                .description("""
                        Python's `multiprocessing.Pool.map` as a REST service. POST a batch of numbers and an operation; \
                        poolmap cuts the batch into chunks, runs them on a pool of named workers (`worker-1` … `worker-N`, \
                        one per core by default; `member/worker-N` when several instances form a cluster, whose every member \
                        computes a job's chunks and answers for every job) and returns the results in input order.

                        * Integers are exact at any size (as Python's `int`) and can exceed 2^53; decimals are IEEE-754 doubles (as `float`).
                        * **JavaScript and TypeScript clients**: `JSON.parse` rounds integers beyond ±(2^53 − 1). Send \
                        `Accept: application/json; IEEE754Compatible=true` and every such integer in the answer is a string of its \
                        digits (`"9223372037000250000"`, for `BigInt`); the answer's `Content-Type` carries the parameter back.
                        * Synchronous by default; `"async": true` or `Prefer: respond-async` gives 202 and a Location to join with `?wait=10s`.
                        * `results` are present exactly when a job's status is `SUCCEEDED`, `error` exactly when it is `FAILED`, \
                        `TIMED_OUT` or `CANCELLED`, whatever the status code.
                        * Every error is an RFC 9457 problem detail (`application/problem+json`, the `Problem` schema) whose `type` is \
                        `urn:poolmap:problem:<name>`, with a `pointer` to the offending field or item; a 400 lists every fault \
                        in `errors`. The status line carries no reason phrase (Tomcat sends none): read `title`.
                        * Per-worker utilisation: `/actuator/workers` and `/actuator/prometheus`."""));
    }

    /** Every error answer has the Problem schema; every operation documents 406. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            ApiResponses responses = operation.getResponses();
            responses.computeIfAbsent("406", status -> new ApiResponse()
                    .description("The client accepts none of this operation's media types (Accept).")
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .examples(Map.of("not acceptable", example(NOT_ACCEPTABLE))))));
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    problemContent(response);
                }
            });
        }));
    }

    /**
     * A property or item that names a shared schema ({@code @Schema(ref = ...)}) is that schema and nothing else:
     * springdoc leaves beside the {@code $ref} the type it reads off the Java field ({@code number} for a batch,
     * {@code object} for a map), which JSON Schema 2020-12 would apply as well; a nullable one becomes
     * {@code anyOf: [$ref, null]}, since a {@code $ref} with {@code type: null} beside it would allow nothing.
     */
    @Bean
    OpenApiCustomizer standAloneReferences() {
        return api -> api.getComponents().getSchemas().values().forEach(OpenApiConfiguration::standAlone);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void standAlone(Schema schema) {
        if (schema.getProperties() != null) {
            schema.getProperties().replaceAll((name, property) -> reference((Schema) property));
            schema.getProperties().values().forEach(property -> standAlone((Schema) property));
        }
        if (schema.getItems() != null) {
            schema.setItems(reference(schema.getItems()));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema reference(Schema schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        boolean nullable = Boolean.TRUE.equals(schema.getNullable()) || "null".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("null"));
        Schema ref = new Schema<>().$ref(schema.get$ref());
        if (!nullable) {
            ref.description(schema.getDescription());
            if (schema.getExample() != null) {
                ref.example(schema.getExample());
            }
            return ref;
        }
        Schema none = new Schema<>();
        none.setTypes(new LinkedHashSet<>(List.of("null")));
        return new Schema<>().anyOf(List.of(ref, none)).description(schema.getDescription());
    }

    /** An example from its JSON text, as springdoc reads an {@code @ExampleObject}'s value. */
    static Example example(String json) {
        try {
            return new Example().value(Json31.mapper().readTree(json));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("an example is not JSON: " + json, unreadable);
        }
    }

    /** {@code application/problem+json} with the Problem schema, keeping the examples the controller gave. */
    static void problemContent(ApiResponse response) {
        Content content = response.getContent() == null ? new Content() : response.getContent();
        MediaType problem = content.getOrDefault(PROBLEM_JSON, new MediaType());
        problem.schema(new Schema<>().$ref("#/components/schemas/" + ApiSchemas.PROBLEM));
        Content only = new Content();
        only.addMediaType(PROBLEM_JSON, problem);
        response.content(only);
    }
}

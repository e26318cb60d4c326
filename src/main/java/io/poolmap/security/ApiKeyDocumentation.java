package io.poolmap.security;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The API keys in the OpenAPI document, as this instance is configured: the bearer scheme always (Swagger UI's
 * "Authorize" button, and generated clients that take a key whether or not the instance they were generated from
 * needed one); with {@code poolmap.security.api-keys} set, the key required on every operation and 401 documented on
 * each; without keys, the key optional ({@code security: [{}, {apiKey: []}]}) and no 401, since none can happen.
 */
final class ApiKeyDocumentation implements OpenApiCustomizer {

    /** The name of the bearer API key scheme in the OpenAPI document. */
    static final String SCHEME = "apiKey";

    private static final String UNAUTHORIZED = """
            {"type":"urn:poolmap:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"this endpoint needs an API key: send the header Authorization: Bearer <key> (poolmap.security.api-keys)",
             "instance":"/api/v1/jobs"}""";

    private final boolean secured;

    ApiKeyDocumentation(boolean secured) {
        this.secured = secured;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("One of poolmap.security.api-keys, sent as Authorization: Bearer <key>. Required when the "
                        + "instance is configured with keys (then every operation lists 401); without keys it is open and a key is ignored."));
        SecurityRequirement key = new SecurityRequirement().addList(SCHEME);
        api.setSecurity(secured ? List.of(key) : List.of(new SecurityRequirement(), key));
        if (secured) {
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> operation.getResponses()
                    .addApiResponse("401", unauthorized())));
        }
    }

    private static ApiResponse unauthorized() {
        return new ApiResponse()
                .description("No API key, or a wrong one (poolmap.security.api-keys is set); WWW-Authenticate: Bearer.")
                .addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
                        .schema(new Schema<String>().type("string")).example("Bearer realm=\"poolmap\""))
                .content(new Content().addMediaType("application/problem+json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .examples(Map.of("no key", example(UNAUTHORIZED)))));
    }

    private static Example example(String json) {
        try {
            return new Example().value(Json31.mapper().readTree(json));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("an example is not JSON: " + json, unreadable);
        }
    }
}

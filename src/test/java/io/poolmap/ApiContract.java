package io.poolmap;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * poolmap's OpenAPI document as a contract that real answers are checked against: each answer's status must be
 * documented for its operation, its media type must be one documented for that status, and a JSON body (each line
 * of an NDJSON one) must validate against the documented schema, with OpenAPI 3.1's JSON Schema dialect. Checked
 * strictly: an object schema that does not say otherwise allows no member it does not document, so that a field
 * added to an answer but not to the document fails. It records what each answer covered, so that a test can require
 * every documented operation and status to have been seen; operations are read from the document, so a new endpoint
 * is covered as soon as it is documented.
 */
final class ApiContract {

    private static final String SPEC = "https://poolmap.invalid/v3/api-docs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode spec;
    private final SchemaRegistry schemas;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Set<String> observed = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicInteger compiledSchemas = new AtomicInteger();

    private ApiContract(JsonNode spec) {
        this.spec = spec;
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(SPEC, JSON.writeValueAsString(spec))));
        spec.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                endpoints.add(new Endpoint(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+")), operation.getValue()))));
    }

    /** The contract of this document, its object schemas made strict. */
    static ApiContract of(String document) {
        JsonNode spec = JSON.readTree(document);
        spec.at("/components/schemas").values().forEach(ApiContract::strict);
        return new ApiContract(spec);
    }

    private static void strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(ApiContract::strict);
        } else if (schema != null && schema.isArray()) {
            schema.values().forEach(ApiContract::strict);
        }
    }

    /** Checks one real answer to {@code method uri}; what is wrong goes to {@link #violations()}. */
    void check(String method, URI uri, HttpResponse<String> response) {
        String call = method + " " + uri.getRawPath() + " → " + response.statusCode();
        Optional<Endpoint> found = endpoints.stream()
                .filter(endpoint -> endpoint.method().equals(method) && endpoint.path().matcher(uri.getRawPath()).matches())
                .findFirst();
        if (found.isEmpty()) {
            violations.add(call + ": no such operation in the document");
            return;
        }
        Endpoint endpoint = found.get();
        String status = String.valueOf(response.statusCode());
        JsonNode documented = endpoint.operation().at("/responses/" + status);
        if (documented.isMissingNode()) {
            violations.add(call + ": status " + status + " is not documented for " + endpoint.name());
            return;
        }
        observed.add(endpoint.name() + " " + status);
        String body = response.body();
        if (body == null || body.isEmpty()) {
            if (documented.has("content")) {
                violations.add(call + ": no body, but the document promises " + documented.get("content").propertyNames());
            }
            return;
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (contentType.isEmpty()) {
            violations.add(call + ": a body without a Content-Type");
            return;
        }
        MediaType type = MediaType.parseMediaType(contentType.get());
        Optional<String> key = documented.path("content").propertyNames().stream()
                .filter(name -> MediaType.parseMediaType(name).equalsTypeAndSubtype(type)).findFirst();
        if (key.isEmpty()) {
            violations.add(call + ": Content-Type " + contentType.get() + " is not one of " + documented.path("content").propertyNames());
            return;
        }
        JsonNode schema = documented.at("/content/" + key.get().replace("~", "~0").replace("/", "~1") + "/schema");
        if (schema.isMissingNode()) {
            return;
        }
        if ("x-ndjson".equals(type.getSubtype())) {
            body.lines().filter(line -> !line.isBlank()).forEach(line -> validate(call + " (a line)", schema, line));
        } else if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
            validate(call, schema, body);
        }
    }

    private void validate(String call, JsonNode schema, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            violations.add(call + ": the body is not JSON: " + notJson.getMessage());
            return;
        }
        for (Error error : errors(schema, value)) {
            violations.add(call + ": " + error + "\n    in " + abbreviate(body));
        }
    }

    private List<Error> errors(JsonNode schema, JsonNode value) {
        // the schema on its own, its references made absolute into the document, at a location of its own (no cache mixes them up)
        JsonNode absolute = absolute(schema.deepCopy());
        Schema compiled = schemas.getSchema(SchemaLocation.of("https://poolmap.invalid/schema-" + compiledSchemas.incrementAndGet()), absolute);
        return compiled.validate(value);
    }

    private static JsonNode absolute(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.path("$ref").asString("").startsWith("#")) {
                object.put("$ref", SPEC + object.get("$ref").asString());
            }
            object.values().forEach(ApiContract::absolute);
        } else if (schema.isArray()) {
            schema.values().forEach(ApiContract::absolute);
        }
        return schema;
    }

    /** Every example of the document (request bodies and answers) checked against its schema. */
    List<String> exampleViolations() {
        List<String> wrong = new ArrayList<>();
        spec.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            List<Map.Entry<String, JsonNode>> contents = new ArrayList<>();
            List<String> mediaTypes = new ArrayList<>();
            operation.getValue().at("/requestBody/content").properties().forEach(content -> {
                contents.add(Map.entry("request", content.getValue()));
                mediaTypes.add(content.getKey());
            });
            operation.getValue().at("/responses").properties().forEach(response -> response.getValue().path("content").properties()
                    .forEach(content -> {
                        contents.add(Map.entry(response.getKey(), content.getValue()));
                        mediaTypes.add(content.getKey());
                    }));
            for (int i = 0; i < contents.size(); i++) {
                Map.Entry<String, JsonNode> content = contents.get(i);
                List<JsonNode> examples = new ArrayList<>();
                if (content.getValue().has("example")) {
                    examples.add(content.getValue().get("example"));
                }
                content.getValue().path("examples").values().forEach(example -> examples.add(example.path("value")));
                boolean ndjson = mediaTypes.get(i).endsWith("x-ndjson");
                for (JsonNode example : ndjson ? lines(examples) : examples) {
                    errors(content.getValue().path("schema"), example).forEach(error -> wrong.add(operation.getKey().toUpperCase(Locale.ROOT)
                            + " " + path.getKey() + " " + content.getKey() + " example: " + error + "\n    in " + abbreviate(example.toString())));
                }
            }
        }));
        return wrong;
    }

    /** An NDJSON example is a string of lines: each line is checked on its own, as the lines of a real answer are. */
    private static List<JsonNode> lines(List<JsonNode> examples) {
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode example : examples) {
            if (!example.isString()) {
                lines.add(example);
                continue;
            }
            example.asString().lines().filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    lines.add(JSON.readTree(line));
                } catch (RuntimeException notJson) {
                    lines.add(example); // fails its schema, showing the whole example
                }
            });
        }
        return lines;
    }

    /** {@code METHOD /path/{template} status} for every answer the document promises. */
    Set<String> documented() {
        Set<String> all = new TreeSet<>();
        endpoints.forEach(endpoint -> endpoint.operation().path("responses").propertyNames().forEach(status -> all.add(endpoint.name() + " " + status)));
        return all;
    }

    /** What the checked answers covered, as {@link #documented()} names it. */
    Set<String> observed() {
        return observed;
    }

    List<String> violations() {
        return violations;
    }

    /** The operations of the document: method, path template and the operation's node. */
    List<Endpoint> endpoints() {
        return endpoints;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** One operation of the document. */
    record Endpoint(String method, String template, Pattern path, JsonNode operation) {

        String name() {
            return method + " " + template;
        }

        /** The media types of its successful answers. */
        List<String> successTypes() {
            List<String> types = new ArrayList<>();
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    types.addAll(response.getValue().path("content").propertyNames());
                }
            });
            return types;
        }
    }
}

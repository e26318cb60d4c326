package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swagger UI's "Try it out" sends a request example of the OpenAPI document as it is: each example of
 * {@code POST /api/v1/jobs} must be a job that poolmap runs, the expression's among them. (The same context as
 * {@link PoolmapIntegrationTest}, so that Spring starts it once.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "poolmap.workers=2")
@AutoConfigureMetrics
class RequestExamplesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    /** Not poolmap's own reader: the document's descriptions are longer than a request's strings may be. */
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyRequestExampleOfTheOpenApiDocumentIsAJobThatPoolmapRuns() throws Exception {
        JsonNode spec = json.readTree(send(HttpRequest.newBuilder(uri("/v3/api-docs")).build()).body());
        JsonNode examples = spec.at("/paths/~1api~1v1~1jobs/post/requestBody/content/application~1json/examples");
        assertThat(examples.propertyNames()).contains("an expression", "double with 4 workers");

        for (Map.Entry<String, JsonNode> example : examples.properties()) {
            JsonNode value = example.getValue().get("value");
            String body = value.isString() ? value.asString() : value.toString();
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/jobs"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

            assertThat(response.statusCode()).as("%s: %s → %s", example.getKey(), body, response.body()).isIn(200, 202);
        }
    }

    @Test
    void theExpressionExampleGivesPythonsResults() throws Exception {
        JsonNode spec = json.readTree(send(HttpRequest.newBuilder(uri("/v3/api-docs")).build()).body());
        JsonNode value = spec.at("/paths/~1api~1v1~1jobs/post/requestBody/content/application~1json/examples/an expression/value");
        String body = value.isString() ? value.asString() : value.toString();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"expression\":\"x**2 + 3*x + 1\"")
                .contains("\"results\":[5,11,19,-1,7.75,10000000000000000000300000000000000000001]");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.poolmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** poolmap with API keys and a CORS origin configured, over real HTTP: who gets in where, and what every answer carries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.workers=2",
        "poolmap.security.api-keys=" + ApiKeyAccessTest.KEY + "," + ApiKeyAccessTest.NEXT_KEY,
        "poolmap.security.cors-origins=https://dashboard.example.com"})
@AutoConfigureMetrics
class ApiKeyAccessTest {

    static final String KEY = "test-key-4f1c2a9e7d";
    static final String NEXT_KEY = "next-key-8b3e6d0c5a";
    private static final String JOB = "{\"operation\":\"double\",\"numbers\":[1,2,3]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Test
    void withoutAKeyTheApiAnswers401AsAProblemDetailThatSaysHowToSendOne() throws Exception {
        HttpResponse<String> response = send(post(JOB));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"poolmap\"");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:poolmap:problem:unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-key-0123456789", "Bearer ", "Bearer " + KEY + "x", "bearer test-key-4f1c2a9e7", "Bearer  "})
    void aWrongKeyIs401InvalidToken(String authorization) throws Exception {
        HttpResponse<String> response = send(post(JOB).header("Authorization", authorization));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"poolmap\", error=\"invalid_token\"");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("not valid");
    }

    @Test
    void anotherSchemeThanBearerIsNoKey() throws Exception {
        HttpResponse<String> response = send(post(JOB).header("Authorization", "Basic dXNlcjpwYXNz"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"poolmap\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY, NEXT_KEY})
    void eitherKeyRunsAJobSoThatKeysCanBeRotated(String key) throws Exception {
        HttpResponse<String> response = send(post(JOB).header("Authorization", "Bearer " + key));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("results").toString()).isEqualTo("[2,4,6]");
    }

    @Test
    void theSchemeNameIsCaseInsensitive() throws Exception {
        assertThat(send(post(JOB).header("Authorization", "bearer " + KEY)).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsAreTimedOnceAndNotAgainForEverySecurityFilter() throws Exception {
        send(get("/api/v1/operations").header("Authorization", "Bearer " + KEY));
        send(get("/api/v1/operations"));

        String metrics = send(get("/actuator/prometheus").header("Authorization", "Bearer " + KEY)).body();

        assertThat(metrics).contains("http_server_requests_seconds_count{").contains("status=\"401\"")
                .doesNotContain("spring_security");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/jobs", "/api/v1/operations", "/api/v1/jobs/123", "/actuator/prometheus", "/actuator/workers",
        "/actuator", "/actuator/env", "/somewhere-else"})
    void theApiAndTheNonPublicActuatorEndpointsNeedAKey(String path) throws Exception {
        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.body()).as(path).contains("urn:poolmap:problem:unauthorized");
    }

    @Test
    void withAKeyPrometheusAndTheWorkersEndpointAnswer() throws Exception {
        assertThat(send(get("/actuator/prometheus").header("Authorization", "Bearer " + KEY)).body()).contains("poolmap_worker_busy_seconds_total");
        assertThat(send(get("/actuator/workers").header("Authorization", "Bearer " + KEY)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/pool", "/actuator/info", "/v3/api-docs", "/swagger-ui/index.html"})
    void healthInfoAndTheDocumentationStayOpen(String path) throws Exception {
        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app/main.js", "/app/api.js", "/app/views/job.js", "/app/style.css", "/favicon.svg"})
    void theLivePageAndItsFilesLoadWithoutAKeySoThatThePageCanAskForOne(String path) throws Exception {
        assertThat(send(get(path)).statusCode()).as(path).isEqualTo(200);
    }

    @Test
    void theLivePageCarriesItsContentSecurityPolicyAndSwaggerUiKeepsTheDefaultHeaders() throws Exception {
        assertThat(send(get("/")).headers().firstValue("Content-Security-Policy")).hasValue(LivePage.POLICY);
        assertThat(send(get("/index.html")).headers().firstValue("Content-Security-Policy")).hasValue(LivePage.POLICY);
        assertThat(send(get("/swagger-ui/index.html")).headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/../api/v1/jobs", "/app/..%2Fapi/v1/jobs", "/app/%2e%2e/actuator/workers", "/app;/../api/v1/jobs",
        "/index.html/../api/v1/operations"})
    void aPathThatLeavesThePageThroughDotsGetsNeitherThePageNorTheApi(String path) throws Exception {
        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
        assertThat(response.body()).as(path).doesNotContain("\"jobs\"", "poolSize", "collatz_steps");
    }

    @Test
    void theOpenApiDocumentRequiresTheBearerKeyAndDocuments401OnEveryOperation() throws Exception {
        // the document is not a request body: read it without the request limits of the application's mapper
        JsonNode spec = JsonMapper.builder().build().readTree(send(get("/v3/api-docs")).body());

        assertThat(spec.at("/components/securitySchemes/apiKey/type").asString()).isEqualTo("http");
        assertThat(spec.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        assertThat(spec.at("/security").toString()).isEqualTo("[{\"apiKey\":[]}]");
        spec.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().at("/responses/401/content/application~1problem+json/schema/$ref").asString())
                        .as("%s %s", operation.getKey(), path.getKey()).isEqualTo("#/components/schemas/Problem")));
    }

    @Test
    void healthShowsItsDetailsOnlyToARequestWithAValidKey() throws Exception {
        JsonNode anonymous = json.readTree(send(get("/actuator/health")).body());
        JsonNode withKey = json.readTree(send(get("/actuator/health").header("Authorization", "Bearer " + KEY)).body());

        assertThat(anonymous.at("/status").asString()).isEqualTo("UP");
        assertThat(anonymous.at("/components/pool/status").asString()).isEqualTo("UP");
        assertThat(anonymous.at("/components/diskSpace").has("details")).as("no disk path for anonymous callers").isFalse();
        assertThat(anonymous.at("/components/pool").has("details")).isFalse();
        assertThat(withKey.at("/components/diskSpace/details").has("path")).isTrue();
        assertThat(withKey.at("/components/pool/details/workers").asInt()).isEqualTo(2);
    }

    @Test
    void apiAnswersCarrySecurityHeadersAndNoServerVersion() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {send(post(JOB).header("Authorization", "Bearer " + KEY)), send(post(JOB))}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aConfiguredOriginMayCallTheApiFromABrowser() throws Exception {
        HttpResponse<String> preflight = send(preflight("https://dashboard.example.com"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dashboard.example.com");
        assertThat(preflight.headers().allValues("Access-Control-Allow-Headers").toString()).containsIgnoringCase("authorization");

        HttpResponse<String> call = send(post(JOB).header("Authorization", "Bearer " + KEY).header("Origin", "https://dashboard.example.com"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dashboard.example.com");
    }

    @Test
    void theStreamsNeedAKeyAndAConfiguredOriginMayResumeAnEventStream() throws Exception {
        String id = json.readTree(send(post(JOB).header("Authorization", "Bearer " + KEY)).body()).get("id").asString();
        for (String stream : new String[] {"/results", "/events"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + stream));
            assertThat(send(request).statusCode()).as(stream).isEqualTo(401);
            assertThat(send(request.header("Authorization", "Bearer " + KEY)).statusCode()).as(stream).isEqualTo(200);
        }

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "/events"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://dashboard.example.com")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization,last-event-id"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().allValues("Access-Control-Allow-Headers").toString()).containsIgnoringCase("last-event-id");
    }

    @Test
    void anotherOriginGetsNoCorsPermission() throws Exception {
        HttpResponse<String> preflight = send(preflight("https://evil.example.org"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(uri("/api/v1/jobs")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

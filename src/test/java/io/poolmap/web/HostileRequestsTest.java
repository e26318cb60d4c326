package io.poolmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.poolmap.web.RawHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that no well-behaved client sends, over real HTTP to the whole service: each is answered quickly with
 * a 4xx {@code application/problem+json} that carries no stack trace and no server version, and after each the
 * service is healthy and still runs a normal job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.workers=2",
        "poolmap.max-batch-size=1000",
        "poolmap.queue-capacity=1000",
        "poolmap.max-request-size=64KB",
        "poolmap.request.read-timeout=1s",
        "poolmap.request.keep-alive-timeout=1s"})
class HostileRequestsTest {

    /** Far more than any of these requests needs: the read timeout is 1 s. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final int ANY_4XX = 0;
    private static final String JSON = "application/json";
    private static final String JOB = "{\"operation\":\"double\",\"numbers\":[1,2,3]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    /** Not the service's mapper: that one refuses long strings, as it should for requests. */
    private final JsonMapper json = JsonMapper.builder().build();

    /** One hostile request: the bytes on the wire and the status it must get (or any 4xx). */
    record Case(String head, byte[] body, boolean stall, int status) {
    }

    static List<Named<Case>> hostileRequests() {
        List<Named<Case>> cases = new ArrayList<>();
        // malformed and truncated JSON
        String[][] malformed = {
            {"an open brace", "{"},
            {"truncated inside numbers", "{\"operation\":\"double\",\"numbers\":[1,2"},
            {"truncated inside a string", "{\"operation\":\"dou"},
            {"a trailing comma", "{\"operation\":\"double\",\"numbers\":[1,2,]}"},
            {"single quotes", "{\"operation\":'double',\"numbers\":[1]}"},
            {"an unquoted name", "{operation:\"double\",\"numbers\":[1]}"},
            {"a second document", JOB + " {}"},
            {"trailing garbage", JOB + "garbage"},
            {"a comment", "{\"operation\":\"double\",\"numbers\":[1] /* hi */}"},
            {"an empty body", ""},
            {"null", "null"},
            {"an array", "[]"},
            {"a string", "\"double\""},
            {"a number", "42"},
            {"a leading zero", "{\"operation\":\"double\",\"numbers\":[01]}"},
            {"a bare exponent", "{\"operation\":\"double\",\"numbers\":[1e]}"},
            {"a leading dot", "{\"operation\":\"double\",\"numbers\":[.5]}"},
            {"a plus sign", "{\"operation\":\"double\",\"numbers\":[+1]}"},
            {"a hex number", "{\"operation\":\"double\",\"numbers\":[0x10]}"},
            {"a control character in a string", "{\"operation\":\"dou\u0001ble\",\"numbers\":[1]}"},
            {"numbers as a string", "{\"operation\":\"double\",\"numbers\":\"1,2,3\"}"},
            {"a quoted number", "{\"operation\":\"double\",\"numbers\":[\"1\"]}"},
            {"a boolean among numbers", "{\"operation\":\"double\",\"numbers\":[1,true]}"},
            {"null among numbers", "{\"operation\":\"double\",\"numbers\":[1,null]}"},
            {"an array among numbers", "{\"operation\":\"double\",\"numbers\":[[1]]}"},
            {"an object among numbers", "{\"operation\":\"double\",\"numbers\":[{\"a\":1}]}"},
            {"no numbers", "{\"operation\":\"double\",\"numbers\":[]}"},
            {"numbers missing", "{\"operation\":\"double\"}"},
            {"operation missing", "{\"numbers\":[1]}"},
            {"a blank operation", "{\"operation\":\" \",\"numbers\":[1]}"},
            {"an unknown operation", "{\"operation\":\"rm -rf /\",\"numbers\":[1]}"},
            {"an operation that is a number", "{\"operation\":123,\"numbers\":[1]}"},
            {"parallelism 0", "{\"operation\":\"double\",\"numbers\":[1],\"parallelism\":0}"},
            {"parallelism beyond a long", "{\"operation\":\"double\",\"numbers\":[1],\"parallelism\":99999999999999999999999}"},
            {"a fractional parallelism", "{\"operation\":\"double\",\"numbers\":[1],\"parallelism\":1.5}"},
            {"a quoted chunkSize", "{\"operation\":\"double\",\"numbers\":[1],\"chunkSize\":\"4\"}"},
            {"a negative timeout", "{\"operation\":\"double\",\"numbers\":[1],\"timeoutMs\":-5}"},
            {"async as a string", "{\"operation\":\"double\",\"numbers\":[1],\"async\":\"yes\"}"},
            {"async as a number", "{\"operation\":\"double\",\"numbers\":[1],\"async\":1}"},
            // expressions that try to do more than compute
            {"an expression that imports", "{\"expression\":\"__import__('os').system('id')\",\"numbers\":[1]}"},
            {"an expression that reaches for attributes", "{\"expression\":\"x.__class__.__bases__\",\"numbers\":[1]}"},
            {"a lambda", "{\"expression\":\"(lambda: 1)()\",\"numbers\":[1]}"},
            {"an expression and an operation", "{\"operation\":\"double\",\"expression\":\"x\",\"numbers\":[1]}"},
            {"450 nested parentheses", "{\"expression\":\"" + "(".repeat(450) + "x" + ")".repeat(450) + "\",\"numbers\":[1]}"},
            {"an expression of 50,000 characters", "{\"expression\":\"" + "x+".repeat(25_000) + "x\",\"numbers\":[1]}"},
            // huge numbers, NaN and Infinity
            {"an integer of 5,000 digits", "{\"operation\":\"double\",\"numbers\":[" + "9".repeat(5000) + "]}"},
            {"a negative integer of 5,000 digits", "{\"operation\":\"double\",\"numbers\":[-" + "9".repeat(5000) + "]}"},
            {"a decimal of 5,000 digits", "{\"operation\":\"double\",\"numbers\":[1." + "3".repeat(5000) + "]}"},
            {"a double beyond the largest", "{\"operation\":\"double\",\"numbers\":[1e400]}"},
            {"a negative double beyond the largest", "{\"operation\":\"double\",\"numbers\":[-1e400]}"},
            {"NaN", "{\"operation\":\"double\",\"numbers\":[NaN]}"},
            {"Infinity", "{\"operation\":\"double\",\"numbers\":[Infinity]}"},
            {"-Infinity", "{\"operation\":\"double\",\"numbers\":[-Infinity]}"},
            // deep nesting
            {"10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)},
            {"10,000 nested objects in an unknown field", "{\"operation\":\"double\",\"numbers\":[1],\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)},
            {"10,000 nested arrays as numbers", "{\"operation\":\"double\",\"numbers\":" + "[".repeat(10_000) + "1" + "]".repeat(10_000) + "}"},
            {"1,000 nested objects", "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000)},
            // huge strings
            {"an operation name of 50,000 characters", "{\"operation\":\"" + "x".repeat(50_000) + "\",\"numbers\":[1]}"},
            {"a field name of 50,000 characters", "{\"" + "k".repeat(50_000) + "\":1,\"operation\":\"double\",\"numbers\":[1]}"},
            {"a string of 50,000 characters among numbers", "{\"operation\":\"double\",\"numbers\":[\"" + "1".repeat(50_000) + "\"]}"},
            // duplicate keys, unknown fields
            {"a duplicate operation", "{\"operation\":\"double\",\"operation\":\"square\",\"numbers\":[1]}"},
            {"duplicate numbers", "{\"operation\":\"double\",\"numbers\":[1],\"numbers\":[2]}"},
            {"a misspelt field", "{\"operation\":\"double\",\"numbers\":[1],\"parallelsm\":2}"},
            {"a __proto__ field", "{\"operation\":\"double\",\"numbers\":[1],\"__proto__\":{\"admin\":true}}"},
        };
        for (String[] c : malformed) {
            cases.add(Named.of(c[0], post(JSON, c[1].getBytes(StandardCharsets.UTF_8), 400)));
        }
        cases.add(Named.of("a batch above poolmap.max-batch-size", post(JSON, batch(1001), 413)));
        cases.add(Named.of("a factorial beyond its limit", post(JSON, "{\"operation\":\"factorial\",\"numbers\":[1000000]}".getBytes(StandardCharsets.UTF_8), 422)));
        cases.add(Named.of("an operation name in invalid UTF-8", post(JSON,
                concat("{\"operation\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe},
                        "\",\"numbers\":[1]}".getBytes(StandardCharsets.UTF_8)), 400)));
        // wrong content types
        byte[] job = JOB.getBytes(StandardCharsets.UTF_8);
        cases.add(Named.of("text/plain", post("text/plain", job, 415)));
        cases.add(Named.of("no content type", post(null, job, 415)));
        cases.add(Named.of("a form", post("application/x-www-form-urlencoded", "operation=double&numbers=1".getBytes(StandardCharsets.UTF_8), 415)));
        cases.add(Named.of("multipart", post("multipart/form-data; boundary=b", "--b\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.UTF_8), 415)));
        cases.add(Named.of("XML", post("application/xml", "<job operation=\"double\"/>".getBytes(StandardCharsets.UTF_8), 415)));
        cases.add(Named.of("a content type that is not one", post("nonsense", job, ANY_4XX)));
        // bodies far past the limit (64 KB)
        cases.add(Named.of("8 MB with a Content-Length", post(JSON, batchOfSize(8 << 20), 413)));
        cases.add(Named.of("8 MB chunked", new Case(requestHead("POST", "/api/v1/jobs", JSON, "Transfer-Encoding: chunked\r\n"),
                chunked(batchOfSize(8 << 20)), false, 413)));
        cases.add(Named.of("a Content-Length of 100 GB", new Case(requestHead("POST", "/api/v1/jobs", JSON, "Content-Length: 107374182400\r\n"),
                job, true, 413)));
        // slow bodies: the client stalls; Tomcat's read timeout (1 s here) ends the wait
        cases.add(Named.of("a body that stalls after 10 of 100 bytes", new Case(
                requestHead("POST", "/api/v1/jobs", JSON, "Content-Length: 100\r\n"), "{\"operatio".getBytes(StandardCharsets.UTF_8), true, ANY_4XX)));
        cases.add(Named.of("a chunked body that stalls", new Case(requestHead("POST", "/api/v1/jobs", JSON, "Transfer-Encoding: chunked\r\n"),
                "a\r\n{\"operatio\r\n".getBytes(StandardCharsets.UTF_8), true, ANY_4XX)));
        // bad ids, parameters and methods
        cases.add(Named.of("an unknown id", get("/api/v1/jobs/no-such-job", 404)));
        cases.add(Named.of("an actuator endpoint that is not exposed: env", get("/actuator/env", 404)));
        cases.add(Named.of("an actuator endpoint that is not exposed: heapdump", get("/actuator/heapdump", 404)));
        cases.add(Named.of("an actuator endpoint that is not exposed: shutdown", new Case(requestHead("POST", "/actuator/shutdown", null,
                "Content-Length: 0\r\n"), new byte[0], false, 404)));
        cases.add(Named.of("an id of 2,000 characters", get("/api/v1/jobs/" + "a".repeat(2000), 404)));
        cases.add(Named.of("a NUL in the id", get("/api/v1/jobs/%00", 400)));
        cases.add(Named.of("an encoded slash in the id", get("/api/v1/jobs/..%2F..%2Fetc%2Fpasswd", 400)));
        cases.add(Named.of("a path traversal", get("/api/v1/jobs/../../../etc/passwd", ANY_4XX)));
        cases.add(Named.of("a wait that is not a duration", get("/api/v1/jobs/x?wait=forever", ANY_4XX)));
        cases.add(Named.of("an unknown status", get("/api/v1/jobs?status=EXPLODED", 400)));
        cases.add(Named.of("a negative page", get("/api/v1/jobs?page=-1", 400)));
        cases.add(Named.of("a page beyond an int", get("/api/v1/jobs?page=99999999999999", 400)));
        cases.add(Named.of("a page size of 100,000", get("/api/v1/jobs?size=100000", 400)));
        cases.add(Named.of("cancel an unknown id", new Case(requestHead("DELETE", "/api/v1/jobs/no-such-job", null, ""), new byte[0], false, 404)));
        cases.add(Named.of("PUT on the jobs", new Case(requestHead("PUT", "/api/v1/jobs", JSON, "Content-Length: " + job.length + "\r\n"), job, false, 405)));
        cases.add(Named.of("PATCH on a job", new Case(requestHead("PATCH", "/api/v1/jobs/x", JSON, "Content-Length: " + job.length + "\r\n"), job, false, 405)));
        cases.add(Named.of("DELETE on the jobs", new Case(requestHead("DELETE", "/api/v1/jobs", null, ""), new byte[0], false, 405)));
        cases.add(Named.of("POST on a job", new Case(requestHead("POST", "/api/v1/jobs/x", JSON, "Content-Length: " + job.length + "\r\n"), job, false, 405)));
        cases.add(Named.of("TRACE", new Case(requestHead("TRACE", "/api/v1/jobs", null, ""), new byte[0], false, 405)));
        // Spring Security's firewall refuses methods outside the standard ones before Spring MVC sees them
        cases.add(Named.of("a made-up method", new Case(requestHead("BREW", "/api/v1/jobs", null, ""), new byte[0], false, 400)));
        cases.add(Named.of("a header of 64 KB", new Case(requestHead("GET", "/api/v1/operations", null, "X-Big: " + "b".repeat(65_536) + "\r\n"),
                new byte[0], false, 400)));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isAnsweredQuicklyWithA4xxProblemDetail(Case hostile) throws Exception {
        Answer answer = hostile.stall()
                ? RawHttp.stall(port, hostile.head(), hostile.body(), QUICKLY)
                : RawHttp.exchange(port, hostile.head(), hostile.body(), QUICKLY);

        assertThat(answer.status()).as("status; body: %s", answer.body()).isBetween(400, 499);
        if (hostile.status() != ANY_4XX) {
            assertThat(answer.status()).as("status; body: %s", answer.body()).isEqualTo(hostile.status());
        }
        assertThat(answer.header("Content-Type")).as("content type").startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("type").asString()).startsWith("urn:poolmap:problem:");
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.get("detail").asString()).isNotBlank().hasSizeLessThan(2_000);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "Tomcat", "<html", "java.", "tools.jackson", "StreamReadConstraints");
        assertThat(answer.header("Server")).isNull();
    }

    @AfterEach
    void theServiceIsHealthyAndStillRunsANormalJob() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> normal = http.send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(JOB)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(json.readTree(normal.body()).get("results").toString()).isEqualTo("[2,4,6]");
    }

    @Test
    void theReadTimeoutClosesAConnectionThatSendsNothing() throws Exception {
        Answer answer = RawHttp.stall(port, "", new byte[0], QUICKLY);

        assertThat(answer.status()).as("no request, no answer: the connection is just closed").isZero();
        assertThat(answer.took()).isLessThan(QUICKLY);
    }

    @Test
    void theKeepAliveTimeoutClosesAnIdleConnectionAfterItsRequest() throws Exception {
        String keepAlive = requestHead("GET", "/actuator/health", null, "").replace("Connection: close\r\n", "");

        Duration idle = RawHttp.idleUntilClosed(port, keepAlive, QUICKLY);

        assertThat(idle).as("closed by poolmap.request.keep-alive-timeout (1 s here), not by the client").isLessThan(QUICKLY);
    }

    @Test
    void withoutConfiguredOriginsABrowserGetsNoCorsPermission() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/api/v1/jobs"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example.org")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static Case post(String contentType, byte[] body, int status) {
        return new Case(requestHead("POST", "/api/v1/jobs", contentType, "Content-Length: " + body.length + "\r\n"), body, false, status);
    }

    private static Case get(String path, int status) {
        return new Case(requestHead("GET", path, null, ""), new byte[0], false, status);
    }

    private static String requestHead(String method, String path, String contentType, String extra) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + extra + "\r\n";
    }

    private static byte[] batch(int size) {
        StringBuilder body = new StringBuilder("{\"operation\":\"double\",\"numbers\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(i);
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] batchOfSize(int bytes) {
        StringBuilder body = new StringBuilder(bytes + 64).append("{\"operation\":\"double\",\"numbers\":[1");
        while (body.length() < bytes) {
            body.append(",1");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package io.poolmap.job.web;

import static io.poolmap.job.web.StrictJson.assertSameRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * {@link JobRequestConverter} answers what Spring MVC's Jackson converter answers for the same request, whichever way
 * it reads it: the same request for a body it reads itself, and the same exception for one it leaves to Jackson,
 * with or without a declared length, after an I/O error, in another charset; it reads job requests only, and writes nothing.
 */
class JobRequestConverterTest {

    private static final StrictJson JSON = StrictJson.with("poolmap.max-batch-size=100000", "poolmap.queue-capacity=100000");
    private static final ResolvableType JOB_REQUEST = ResolvableType.forClass(JobRequest.class);

    private final JobRequestConverter converter = new JobRequestConverter(JSON.mapper(), JSON.properties());
    private final JacksonJsonHttpMessageConverter jackson = new JacksonJsonHttpMessageConverter(JSON.mapper());

    @Test
    void itReadsJobRequestsOnlyAndWritesNothing() {
        assertThat(converter.canRead(JOB_REQUEST, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.canRead(JOB_REQUEST, MediaType.parseMediaType("application/problem+json"))).isTrue();
        assertThat(converter.canRead(JOB_REQUEST, MediaType.TEXT_PLAIN)).isFalse();
        assertThat(converter.canRead(ResolvableType.forClass(JobView.class), MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(JOB_REQUEST, JobRequest.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(JobRequest.class, MediaType.APPLICATION_JSON)).isFalse();
    }

    @Test
    void aBodyReadEitherWayIsTheRequestJacksonReads() throws IOException {
        String big = "9".repeat(40);
        for (String body : List.of("{\"operation\":\"square\",\"numbers\":[1,2,3]}", "{\"numbers\":[-0, 1e2, " + big + ", 0.1],\"async\":true}",
                "{\"operation\":\"caf\u00e9\",\"numbers\":[1]}", "{\"numbers\":[\"1\"]}", "{}", "{\"numbers\":[" + "12345,".repeat(60_000) + "1]}")) {
            for (boolean declared : new boolean[] {true, false}) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                Object expected = readOrThrown(jackson, message(bytes, declared, "application/json"));
                Object actual = readOrThrown(converter, message(bytes, declared, "application/json"));
                assertSame(actual, expected, body.substring(0, Math.min(80, body.length())) + ", declared length " + declared);
            }
        }
    }

    @Test
    void aBodyJacksonRefusesIsRefusedWithJacksonsOwnException() {
        for (String body : List.of("{\"operation\":\"square\",\"numbers\":[01]}", "{\"parallelsm\":2,\"numbers\":[1]}", "{\"numbers\":[1]} x",
                "{\"numbers\":[1],\"numbers\":[2]}", "{\"numbers\":[]}", "{\"numbers\":[1e400]}", "{\"numbers\":[1,", "[1,2,3]",
                "{\"numbers\":[" + "1,".repeat(100_000) + "1]}")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Object expected = readOrThrown(jackson, message(bytes, true, "application/json"));
            Object actual = readOrThrown(converter, message(bytes, true, "application/json"));
            assertThat(expected).as(body).isInstanceOf(Throwable.class);
            assertSame(actual, expected, body.substring(0, Math.min(80, body.length())));
        }
    }

    @Test
    void anIoErrorWhileTheBodyIsReadReachesJacksonAsItWouldHave() {
        byte[] start = "{\"operation\":\"square\",\"numbers\":[1,2,".getBytes(StandardCharsets.US_ASCII);
        for (boolean declared : new boolean[] {true, false}) {
            Object expected = readOrThrown(jackson, failingMessage(start, declared));
            Object actual = readOrThrown(converter, failingMessage(start, declared));
            assertThat(expected).isInstanceOf(Throwable.class);
            assertSame(actual, expected, "declared length " + declared);
        }
    }

    @Test
    void aBodyInAnotherCharsetIsLeftToJackson() {
        byte[] latin1 = "{\"operation\":\"caf\u00e9\",\"numbers\":[1]}".getBytes(StandardCharsets.ISO_8859_1);
        for (String type : List.of("application/json;charset=ISO-8859-1", "application/json;charset=UTF-16")) {
            assertSame(readOrThrown(converter, message(latin1, true, type)), readOrThrown(jackson, message(latin1, true, type)), type);
        }
    }

    @Test
    void aBodyBeyondHalfTheHeapCapIsReadByJacksonWithOrWithoutADeclaredLength() {
        StrictJson small = StrictJson.with("poolmap.max-batch-size=1000", "poolmap.queue-capacity=1000"); // the cap: 1,017,000 + 1 MB
        JobRequestConverter converter = new JobRequestConverter(small.mapper(), small.properties());
        byte[] body = ("{\"numbers\":[" + " ".repeat(1_500_000) + "1]}").getBytes(StandardCharsets.US_ASCII);

        for (boolean declared : new boolean[] {true, false}) {
            Object read = readOrThrown(converter, message(body, declared, "application/json"));

            assertSame(read, readOrThrown(new JacksonJsonHttpMessageConverter(small.mapper()), message(body, declared, "application/json")),
                    "1.5 MB of spaces, declared length " + declared);
            assertThat(read).isInstanceOf(JobRequest.class);
        }
    }

    private static Object readOrThrown(JacksonJsonHttpMessageConverter converter, HttpInputMessage message) {
        try {
            return converter.read(JOB_REQUEST, message, null);
        } catch (IOException | RuntimeException thrown) {
            return thrown;
        }
    }

    private static void assertSame(Object actual, Object expected, String description) {
        if (expected instanceof Throwable refusal) {
            assertThat(actual).as(description).isInstanceOf(refusal.getClass());
            Throwable thrown = (Throwable) actual;
            assertThat(thrown.getMessage()).as(description).isEqualTo(refusal.getMessage());
            assertThat(thrown.getCause() == null ? null : thrown.getCause().getClass()).as(description)
                    .isEqualTo(refusal.getCause() == null ? null : refusal.getCause().getClass());
        } else {
            assertThat(actual).as(description).isInstanceOf(JobRequest.class);
            assertSameRequest((JobRequest) actual, (JobRequest) expected, description);
        }
    }

    private static HttpInputMessage message(byte[] body, boolean declared, String contentType) {
        return message(new ByteArrayInputStream(body), declared ? body.length : -1, contentType);
    }

    /** A body that breaks off with an I/O error after {@code start}, declaring a length beyond it or none. */
    private static HttpInputMessage failingMessage(byte[] start, boolean declared) {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset by peer");
            }
        };
        return message(new SequenceInputStream(new ByteArrayInputStream(start), broken), declared ? start.length + 100 : -1, "application/json");
    }

    private static HttpInputMessage message(InputStream body, long length, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        if (length >= 0) {
            headers.setContentLength(length);
        }
        return BodyBytes.message(headers, body);
    }
}

package io.poolmap.job.web;

import static io.poolmap.job.web.StrictJson.assertSameRequest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.poolmap.web.ProblemException;
import tools.jackson.core.JacksonException;

/**
 * {@link JobRequestReader} against poolmap's strict Jackson mapper for any bytes a client may POST: the reader leaves
 * the body to Jackson, or reads the request Jackson reads from it, field by field and number by number. A body the
 * reader takes and Jackson refuses, or reads otherwise, is a finding.
 *
 * <p>{@code ./mvnw verify} replays the committed bodies under {@code JobRequestReaderFuzzTestInputs/} (those of
 * {@link JobRequestFuzzTest} and a few of every number's shape); {@code JAZZER_FUZZ=1} fuzzes for new ones (see docs/fuzzing.md).
 */
class JobRequestReaderFuzzTest {

    private static final StrictJson JSON = StrictJson.with("poolmap.max-batch-size=1000", "poolmap.queue-capacity=1000",
            "poolmap.max-digits=400", "poolmap.request.max-string-length=100");
    private static final JobRequestReader READER = JobRequestReader.forMapper(JSON.mapper(), JSON.properties());

    @FuzzTest(maxDuration = "60s")
    void aBodyIsLeftToJacksonOrReadAsJacksonReadsIt(byte[] body) {
        JobRequestFields read = READER.read(body, Long.MAX_VALUE);
        if (read == null) {
            return;
        }
        JobRequest expected;
        try {
            expected = JSON.mapper().readValue(body, JobRequest.class);
        } catch (JacksonException | ProblemException refused) {
            throw new AssertionError("the fast reader took a body that Jackson refuses: " + refused.getMessage(), refused);
        }
        assertSameRequest(read.request(), expected, "the body read by both");
    }
}

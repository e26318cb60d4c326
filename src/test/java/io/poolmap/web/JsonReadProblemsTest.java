package io.poolmap.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per Jackson error that {@link JsonReadProblems} recognises, each raised by the real Jackson with poolmap's
 * settings, so that a Jackson upgrade that renames an exception or rewords a message fails here, not at a client.
 */
class JsonReadProblemsTest {

    /** A small request type, read as strictly as poolmap reads a job. */
    record Request(String operation, Integer parallelism) {
    }

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxNameLength(20)
                            .maxStringLength(30).maxNumberLength(25).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static ProblemException translate(String body) {
        return translate(body, () -> JSON.readValue(body, Request.class));
    }

    /** The constraints are met where a body is read as a tree: a typed read stops at the first token of the wrong type. */
    private static ProblemException translateTree(String body) {
        return translate(body, () -> JSON.readTree(body));
    }

    private static ProblemException translate(String body, org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
        JacksonException jackson = catchThrowableOfType(JacksonException.class, read);
        assertThat(jackson).as("Jackson refuses %s", body).isNotNull();
        return JsonReadProblems.translate(new HttpMessageNotReadableException("unreadable", jackson,
                new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, Object> members(ProblemException problem) {
        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:invalid-request");
        return problem.getBody().getProperties() == null ? Map.of() : problem.getBody().getProperties();
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        ProblemException problem = translate("{\"operation\":\"square\",\"parallelsm\":2}");

        assertThat(problem.detail()).isEqualTo("unknown field 'parallelsm'; the fields are [operation, parallelism]");
        assertThat(members(problem)).containsEntry("pointer", "/parallelsm");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatItMustBe() {
        ProblemException problem = translate("{\"parallelism\":\"two\"}");

        assertThat(problem.detail()).isEqualTo("'parallelism' must be an integer");
        assertThat(members(problem)).containsEntry("pointer", "/parallelism");
    }

    @Test
    void trailingDataIsNotOneObject() {
        assertThat(translate("{\"operation\":\"square\"} {}").detail()).isEqualTo("the body must be one JSON object with nothing after it");
    }

    @Test
    void anIntegerOptionOutOfRangeIsNamed() {
        ProblemException problem = translate("{\"parallelism\":99999999999}");

        assertThat(problem.detail()).isEqualTo("'parallelism' is out of range for an integer option");
        assertThat(members(problem)).containsEntry("pointer", "/parallelism");
    }

    @Test
    void aBodyThatEndsEarlySaysSo() {
        assertThat(translate("{\"operation\":").detail()).isEqualTo("the JSON body ends too early");
    }

    @Test
    void aDuplicateKeyIsRecognisedByJacksonsMessage() {
        ProblemException problem = translate("{\"operation\":\"square\",\"operation\":\"double\"}");

        assertThat(problem.detail()).isEqualTo("duplicate field 'operation'");
        assertThat(members(problem)).containsEntry("pointer", "/operation");
    }

    @Test
    void nanIsRecognisedByJacksonsMessageAsANonStandardToken() {
        assertThat(translate("{\"parallelism\":NaN}").detail()).contains("NaN and Infinity are not JSON numbers");
    }

    @Test
    void otherMalformedJsonSaysWhere() {
        assertThat(translate("{\"operation\" \"square\"}").detail()).startsWith("malformed JSON at line 1, column");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"operation\":[[[[[[1]]]]]]}                                   | poolmap.request.max-nesting-depth",
        "{\"a_field_name_longer_than_twenty\":1}                         | a field name longer than poolmap.request.max-string-length",
        "{\"parallelism\":12345678901234567890123456789012345}           | poolmap.max-digits",
        "{\"operation\":\"a string that is longer than thirty chars\"}   | a string longer than poolmap.request.max-string-length"})
    void eachStreamReadConstraintIsRecognisedByJacksonsMessageAndNamesItsProperty(String body, String named) {
        assertThat(translateTree(body.strip()).detail()).contains(named);
    }
}

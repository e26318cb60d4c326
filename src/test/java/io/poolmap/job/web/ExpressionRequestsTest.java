package io.poolmap.job.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.poolmap.expression.ExpressionLimits;
import io.poolmap.job.JobService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "expression"} over HTTP: a job of an expression answers as a job of an operation does and shows its
 * expression instead of an operation; a source that does not compile is a 400 that points at it and shows where, an
 * item without a value a 422 that names Python's exception; and the language is documented beside the operations.
 */
@WebMvcTest({JobSubmissionController.class, JobController.class, ExpressionLanguageController.class})
@Import(JobControllerTest.JobsTestConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"poolmap.workers=2", "poolmap.max-batch-size=20", "poolmap.queue-capacity=20",
        "poolmap.sync-wait=5s", "poolmap.shutdown-grace=200ms", "poolmap.expressions.max-length=40",
        "poolmap.expressions.max-digits=45"})
class ExpressionRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JobService jobs;

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcTestResult result) {
        return JSON.readValue(body(result), Map.class);
    }

    private static Map<String, Object> problem(MvcTestResult result, int status, String slug) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        Map<String, Object> problem = json(result);
        assertThat(problem).containsEntry("type", "urn:poolmap:problem:" + slug).containsEntry("status", status);
        return problem;
    }

    @Test
    void anExpressionJobAnswers200WithExactResultsAndShowsItsExpressionInsteadOfAnOperation() {
        MvcTestResult result = post("{\"expression\":\"x**2 + 3*x + 1\",\"numbers\":[-2, 0, 1.5, 100000000000000000000]}");

        assertThat(result).hasStatus(200);
        assertThat(body(result)).contains("\"results\":[-1,1,7.75,10000000000000000000300000000000000000001]");
        Map<String, Object> job = json(result);
        assertThat(job).containsEntry("expression", "x**2 + 3*x + 1").containsEntry("status", "SUCCEEDED")
                .doesNotContainKey("operation");
        MvcTestResult again = mvc.get().uri("/api/v1/jobs/" + job.get("id")).exchange();
        assertThat(json(again)).containsEntry("expression", "x**2 + 3*x + 1").doesNotContainKey("operation");
    }

    @Test
    void aJobOfAnOperationShowsNoExpression() {
        assertThat(json(post("{\"operation\":\"test_double\",\"numbers\":[1]}"))).containsEntry("operation", "test_double")
                .doesNotContainKey("expression");
    }

    @Test
    void booleanResultsAreJsonBooleans() {
        assertThat(body(post("{\"expression\":\"0 < x < 10\",\"numbers\":[5, 50]}"))).contains("\"results\":[true,false]");
    }

    @Test
    void aSyntaxErrorIs400PointingAtTheExpressionWithTheColumnAndACaretUnderIt() {
        Map<String, Object> problem = problem(post("{\"expression\":\"x ** * 2\",\"numbers\":[1]}"), 400, "invalid-expression");

        assertThat(problem).containsEntry("title", "Invalid expression").containsEntry("pointer", "/expression")
                .containsEntry("line", 1).containsEntry("column", 5)
                .containsEntry("detail", "unexpected '*' (column 5)\n    x ** * 2\n         ^");
        assertThat(jobs.count(null)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "y + 1                     | name 'y' is not defined",
            "x.real                    | attribute access",
            "__import__('os')          | ",
            "''                        | ",
            "x + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 | 40"})
    void anythingOutsideTheLanguageOrItsLimitsIs400PointingAtTheExpression(String source, String saying) {
        Map<String, Object> problem = problem(post("{\"expression\":" + JSON.writeValueAsString(source) + ",\"numbers\":[1]}"),
                400, "invalid-expression");

        assertThat(problem).containsEntry("pointer", "/expression").containsKey("column");
        if (saying != null) {
            assertThat((String) problem.get("detail")).contains(saying);
        }
        assertThat((String) problem.get("detail")).contains("^");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"operation\":\"test_double\",\"expression\":\"x\",\"numbers\":[1]} | /expression | a job names an 'operation' or gives an 'expression', not both",
            "{\"numbers\":[1]}                                                    | /operation  | a job needs an 'operation'",
            "{\"expression\":null,\"numbers\":[1]}                                | /operation  | a job needs an 'operation'",
            "{\"expression\":5,\"numbers\":[1]}                                   | /expression | ",
            "{\"operation\":\" \",\"expression\":\"x\",\"numbers\":[1]}           | /operation  | 'operation' must not be blank"})
    void notExactlyOneOfOperationAndExpressionIs400PointingAtTheField(String body, String pointer, String saying) {
        Map<String, Object> problem = problem(post(body), 400, "invalid-request");

        assertThat(problem).containsEntry("pointer", pointer);
        if (saying != null) {
            assertThat((String) problem.get("detail")).startsWith(saying);
        }
    }

    @Test
    void anItemWithoutAValueFailsTheJobWith422NamingTheItemAndPythonsException() {
        Map<String, Object> problem = problem(post("{\"expression\":\"1 / x\",\"numbers\":[4, 0],\"parallelism\":1}"), 422,
                "item-failed");

        assertThat(problem).containsEntry("pointer", "/numbers/1").containsEntry("index", 1).containsEntry("value", 0)
                .containsEntry("exception", "ZeroDivisionError").containsKey("jobId")
                .containsEntry("detail", "numbers[1] = 0: ZeroDivisionError: division by zero");
        @SuppressWarnings("unchecked")
        Map<String, Object> job = json(mvc.get().uri("/api/v1/jobs/" + problem.get("jobId")).exchange());
        assertThat(job).containsEntry("status", "FAILED").containsEntry("expression", "1 / x");
        assertThat((Map<String, Object>) job.get("error")).containsEntry("exception", "ZeroDivisionError");
    }

    @Test
    void limitsTooTightForTheExampleLeaveItOutRatherThanStopTheStart() {
        ExpressionLanguageController tight = new ExpressionLanguageController(new ExpressionLimits(10, 100, 20, 1000));

        assertThat(tight.expression().example()).isNull();
        assertThat(tight.expression().limits().maxLength()).isEqualTo(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLanguageIsDocumentedWithThisInstancesLimitsAndAComputedExample() {
        MvcTestResult result = mvc.get().uri("/api/v1/operations/expression").exchange();

        assertThat(result).hasStatus(200).hasContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> language = json(result);
        assertThat(language).containsKeys("description", "syntax", "semantics", "errors")
                .containsEntry("constants", List.of("True", "False", "pi", "e", "math.pi", "math.e"))
                .containsEntry("limits", Map.of("maxLength", 40, "maxDepth", 100, "maxDigits", 45, "maxWork", 10_000_000));
        assertThat((List<Object>) language.get("functions")).contains("abs", "round", "sqrt (or math.sqrt)", "isqrt (or math.isqrt)");
        assertThat(body(result)).contains("\"example\":{\"expression\":\"x**2 + 3*x + 1\",\"numbers\":[-2,0,1.5,3037000500],"
                + "\"results\":[-1,1,7.75,9223372046111251501]}");
    }
}

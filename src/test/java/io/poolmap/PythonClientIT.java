package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python client ({@code clients/python}) as its users meet it: its unit tests with plain {@code python3 -m unittest},
 * then its integration suites against the repackaged jar (two workers and {@code poolmap.max-batch-size=1000}, so that
 * a map of 2,500 numbers is several jobs), the examples compared with real {@code multiprocessing}, and API keys against
 * a second jar that has one. Needs a Python 3.9+ with pip ({@code POOLMAP_PYTHON}, else {@code python3}; {@code .ci/run}
 * provides both) and nothing from PyPI.
 */
class PythonClientIT {

    private static final Path CLIENT = Paths.get("clients/python").toAbsolutePath();
    private static final Path OUTPUT = Paths.get("target/python-client").toAbsolutePath();
    private static final String PYTHON = System.getenv().getOrDefault("POOLMAP_PYTHON", "python3");
    private static final String KEY = "k3y-for-the-python-client-it";

    private static RunningJar jar;

    @BeforeAll
    static void aPythonAndTheJar() throws Exception {
        Files.createDirectories(OUTPUT);
        Result version = run("python-version", Map.of(), PYTHON, "-c",
                "import sys; print(sys.version.split()[0]); sys.exit(sys.version_info < (3, 9))");
        assertThat(version.exitCode()).as("a Python 3.9 or later (%s, or POOLMAP_PYTHON): %s", PYTHON, version.output()).isZero();
        jar = RunningJar.start("--poolmap.workers=2", "--poolmap.max-batch-size=1000");
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void theUnitTestsPassWithPlainUnittest() throws Exception {
        Result tests = run("unit", Map.of(), PYTHON, "-m", "unittest", "-v");

        assertThat(tests.exitCode()).as("python3 -m unittest in clients/python:%n%s", tests.output()).isZero();
        assertPassed(tests, "test_every_generated_function_and_its_expression_agree_on_every_edge_value",
                "test_imap_resumes_a_cut_stream_from_the_next_index", "test_a_full_queue_is_tried_again_after_retry_after",
                "test_pip_installs_it_without_an_index");
        assertThat(tests.output()).as("no unit test skipped (a Python without pip skips the install test: .ci/run "
                + "installs python3-pip)").doesNotContain("skipped");
    }

    @Test
    void theIntegrationSuitePassesAgainstTheJar() throws Exception {
        Result suite = run("integration", Map.of("POOLMAP_URL", jar.baseUrl()), PYTHON, "-m", "unittest", "-v", "integration.it_service");

        assertThat(suite.exitCode()).as("integration.it_service:%n%s%n--- the jar's log ---%n%s", suite.output(), jar.log()).isZero();
        assertPassed(suite, "test_a_stream_cut_by_the_network_is_resumed_where_it_stopped", "test_terminate_cancels_a_running_job_on_poolmap",
                "test_generated_functions_compute_on_poolmap_exactly_what_python_computes");
        assertThat(suite.output()).doesNotContain("skipped");
    }

    @Test
    void theExamplesPrintOnPoolmapWhatTheyPrintUnderMultiprocessing() throws Exception {
        Result examples = run("examples", Map.of("POOLMAP_URL", jar.baseUrl()), PYTHON, "-m", "unittest", "-v", "integration.it_examples");

        assertThat(examples.exitCode()).as("integration.it_examples:%n%s", examples.output()).isZero();
        assertPassed(examples, "test_each_example_prints_on_poolmap_what_it_prints_under_multiprocessing");
    }

    @Test
    void aJarWithApiKeysRefusesAMissingOrWrongKeyAndComputesWithTheRightOne() throws Exception {
        try (RunningJar keyed = RunningJar.start("--poolmap.workers=2", "--poolmap.security.api-keys=" + KEY)) {
            Result access = run("access", Map.of("POOLMAP_URL", keyed.baseUrl(), "POOLMAP_API_KEY", KEY),
                    PYTHON, "-m", "unittest", "-v", "integration.it_access");

            assertThat(access.exitCode()).as("integration.it_access:%n%s", access.output()).isZero();
            assertPassed(access, "test_without_a_key_the_pool_says_which_key_to_give", "test_a_wrong_key_is_refused_saying_so");
            assertThat(access.output()).doesNotContain("skipped");
        }
    }

    /** Each test ran and passed: unittest -v writes {@code name (its class) ... ok}. */
    private static void assertPassed(Result result, String... tests) {
        for (String test : tests) {
            assertThat(result.output()).as("%s passed", test).containsPattern("(?m)^" + test + " \\(.*\\) \\.\\.\\. ok$");
        }
    }

    private static Result run(String name, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path log = OUTPUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(CLIENT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(List.of("POOLMAP_URL", "POOLMAP_API_KEY"));
        builder.environment().put("PYTHONPATH", CLIENT.toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException notThere) {
            return new Result(-1, command[0] + " cannot be started: " + notThere.getMessage());
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after 180 s\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.print(output);
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}

package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live page at {@code /} in a real browser: headless Chromium, driven by playwright-core from
 * {@code src/test/browser/live-page.mjs}, against the repackaged jar; the page's own modules under Node's test
 * runner. Screenshots go to {@code target/live-page/}. Needs Node.js 20+, the test's npm packages and Debian's
 * {@code chromium}: without any of them it fails, saying what to install ({@code .ci/run} installs all three).
 */
class LivePageIT {

    private static final Path BROWSER_TEST = Paths.get("src/test/browser").toAbsolutePath();
    private static final Path OUTPUT = Paths.get("target/live-page").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("POOLMAP_CHROMIUM", "/usr/bin/chromium");
    private static final String KEY = "live-page-key-4f1c2a9e7d";

    @BeforeAll
    static void nodeThePlaywrightPackageAndChromiumAreInstalled() throws IOException {
        List<String> missing = new ArrayList<>();
        String node = nodeVersion();
        if (node == null || !node.matches("v(2\\d|[3-9]\\d)\\..*")) {
            missing.add("Node.js 20 or newer and npm (Debian: apt-get install nodejs npm; found: " + node + ")");
        }
        if (!Files.isRegularFile(BROWSER_TEST.resolve("node_modules/playwright-core/package.json"))) {
            missing.add("the browser test's npm packages: cd src/test/browser && npm ci");
        }
        if (!Files.isExecutable(Paths.get(CHROMIUM))) {
            missing.add("Chromium at " + CHROMIUM + " (Debian: apt-get install chromium; elsewhere set POOLMAP_CHROMIUM to a Chromium)");
        }
        if (!missing.isEmpty()) {
            fail("LivePageIT runs the live page in headless Chromium; install " + String.join(", and ", missing)
                    + ". .ci/run installs all of them.");
        }
        Files.createDirectories(OUTPUT);
    }

    @Test
    void thePageShowsEveryWorkerRunsAJobFromTheFormToTheEndAndDrawsWhichWorkerComputedWhichItems() throws Exception {
        try (RunningJar jar = RunningJar.start("--poolmap.workers=3")) {
            run(jar, "open", Map.of());
        }
    }

    @Test
    void withApiKeysThePageAsksForAKeyKeepsItInTheTabAndPutsItInNoUrl() throws Exception {
        try (RunningJar jar = RunningJar.start("--poolmap.workers=2", "--poolmap.security.api-keys=" + KEY)) {
            run(jar, "keys", Map.of("POOLMAP_API_KEY", KEY));
        }
    }

    @Test
    void thePageModulesPassTheirOwnTests() throws Exception {
        Result result = node(List.of("node", "--test", "unit/"), Map.of(), OUTPUT.resolve("unit.log"));
        assertThat(result.exitCode()).as("node --test src/test/browser/unit/ (numbers, picture, pool, format, api):%n%s", result.output()).isZero();
    }

    private static void run(RunningJar jar, String scenario, Map<String, String> environment) throws Exception {
        Map<String, String> variables = new HashMap<>(environment);
        variables.putAll(Map.of("POOLMAP_URL", jar.baseUrl(), "SCENARIO", scenario, "SCREENSHOTS", OUTPUT.toString(),
                "POOLMAP_CHROMIUM", CHROMIUM));
        Result result = node(List.of("node", "live-page.mjs"), variables, OUTPUT.resolve(scenario + ".log"));
        assertThat(result.exitCode()).as("live-page.mjs, scenario %s:%n%s%n--- the jar's log ---%n%s", scenario, result.output(), jar.log())
                .isZero();
    }

    private static Result node(List<String> command, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TEST.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        // Chromium's profile goes to the temporary directory: under target/, where a killed run cannot leave it in /tmp
        builder.environment().put("TMPDIR", Files.createDirectories(OUTPUT.resolve("tmp")).toString());
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after 150 s\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.print(output);
        return new Result(process.exitValue(), output);
    }

    private static String nodeVersion() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? version : null;
        } catch (IOException notThere) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Result(int exitCode, String output) {
    }
}

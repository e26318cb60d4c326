package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.poolmap.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * poolmap's OpenAPI document as a new user meets it, from the repackaged jar: Redocly and Spectral lint it clean, and
 * openapi-generator (its CLI from Maven Central) makes a Python and a TypeScript (typescript-fetch) client from it,
 * each of which then runs a program against the jar ({@code src/test/clients/}): the README's seed examples, exact
 * integers, an {@code is_prime} job and three errors read as problem details through the client. Needs Node.js 20+,
 * the npm packages of {@code src/test/clients} ({@code npm ci}) and a Python 3 with urllib3, pydantic 2 and
 * python-dateutil ({@code POOLMAP_PYTHON}, else {@code python3}); without them it fails saying what to install
 * ({@code .ci/run} installs all of them).
 */
class ApiClientsIT {

    private static final Path CLIENTS = Paths.get("src/test/clients").toAbsolutePath();
    private static final Path OUTPUT = Paths.get("target/clients").toAbsolutePath();
    private static final Path GENERATOR = Paths.get(System.getProperty("poolmap.openapi-generator", "target/tools/openapi-generator-cli.jar"));
    private static final String PYTHON = System.getenv().getOrDefault("POOLMAP_PYTHON", "python3");
    /** What openapi-generator 7.25 logs at WARN for every OpenAPI 3.1 document it reads; nothing else may be logged at WARN. */
    private static final List<String> KNOWN_GENERATOR_WARNINGS = List.of(
            "OpenAPI 3.1 support is still in beta",
            // ModelUtils, while it resolves the parameters of several operations; the generated code is complete
            "Failed to get the schema name: null",
            // the results stream's query parameter `from` is a Python keyword: the client names it var_from
            "From (reserved word) cannot be used as model name");

    private static RunningJar jar;
    private static Path document;

    @BeforeAll
    static void theToolsAreInstalledAndTheJarServesItsDocument() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(GENERATOR)) {
            missing.add("openapi-generator's CLI at " + GENERATOR + " (./mvnw verify copies it there from Maven Central)");
        }
        for (String tool : List.of("redocly", "spectral", "tsc")) {
            if (!Files.isExecutable(CLIENTS.resolve("node_modules/.bin/" + tool))) {
                missing.add("the npm packages of src/test/clients (cd src/test/clients && npm ci; needs Node.js 20+)");
                break;
            }
        }
        Result python = run(List.of(PYTHON, "-c", "import urllib3, dateutil, pydantic; assert int(pydantic.VERSION.split('.')[0]) >= 2; "
                + "print('urllib3', urllib3.__version__, 'pydantic', pydantic.VERSION, 'python-dateutil', dateutil.__version__)"),
                Map.of(), CLIENTS, Files.createDirectories(OUTPUT).resolve("python-version.log"));
        if (python.exitCode() != 0) {
            missing.add("a Python 3 (" + PYTHON + ", or POOLMAP_PYTHON) with urllib3, pydantic 2 and python-dateutil (Debian 13: "
                    + "apt-get install python3-urllib3 python3-pydantic python3-dateutil): " + python.output().strip());
        }
        if (!missing.isEmpty()) {
            fail("ApiClientsIT generates and runs clients of the OpenAPI document; install " + String.join(", and ", missing)
                    + ". .ci/run installs all of them.");
        }
        System.out.println("ApiClientsIT runs " + python.output().strip());
        jar = RunningJar.start("--poolmap.workers=2");
        HttpResponse<String> spec = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jar.uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spec.statusCode()).isEqualTo(200);
        document = Files.writeString(OUTPUT.resolve("openapi.json"), spec.body());
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void spectralFindsNothingInTheDocument() throws Exception {
        Result spectral = run(List.of(CLIENTS.resolve("node_modules/.bin/spectral").toString(), "lint", document.toString(),
                "--ruleset", ".spectral.yaml", "--fail-severity", "hint"), Map.of(), CLIENTS, OUTPUT.resolve("spectral.log"));

        assertThat(spectral.exitCode()).as("spectral lint (every severity):%n%s", spectral.output()).isZero();
    }

    @Test
    void redoclyFindsNeitherErrorsNorWarningsInTheDocument() throws Exception {
        Result redocly = run(List.of(CLIENTS.resolve("node_modules/.bin/redocly").toString(), "lint", document.toString(),
                "--config", "redocly.yaml", "--format", "json"), Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
                CLIENTS, OUTPUT.resolve("redocly.log"));

        String output = redocly.output();
        JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1));
        assertThat(report.at("/totals/errors").asInt(-1)).as("redocly errors:%n%s", output).isZero();
        assertThat(report.at("/totals/warnings").asInt(-1)).as("redocly warnings:%n%s", output).isZero();
        assertThat(redocly.exitCode()).as(output).isZero();
    }

    @Test
    void aGeneratedPythonClientRunsTheSeedExamplesExactIntegersAndProblems() throws Exception {
        Path client = generate("python", OUTPUT.resolve("python"), "--package-name", "poolmap_client");

        Result program = run(List.of(PYTHON, CLIENTS.resolve("python/program.py").toString(), jar.baseUrl()),
                Map.of("PYTHONPATH", client.toString()), client, OUTPUT.resolve("python-program.log"));

        assertThat(program.exitCode()).as("the Python program:%n%s%n--- the jar's log ---%n%s", program.output(), jar.log()).isZero();
        assertThat(program.output()).contains("python client: every check passed");
    }

    @Test
    void aGeneratedTypeScriptClientRunsTheSeedExamplesExactIntegersAndProblems() throws Exception {
        Path project = OUTPUT.resolve("typescript");
        generate("typescript-fetch", project.resolve("generated"), "--additional-properties=supportsES6=true");
        Files.copy(CLIENTS.resolve("typescript/program.ts"), project.resolve("program.ts"), StandardCopyOption.REPLACE_EXISTING);

        Result compiled = run(List.of(CLIENTS.resolve("node_modules/.bin/tsc").toString(), "--target", "es2022", "--module", "commonjs",
                "--lib", "es2022,dom", "--strict", "--skipLibCheck", "--outDir", "out", "program.ts"), Map.of(), project,
                OUTPUT.resolve("typescript-tsc.log"));
        assertThat(compiled.exitCode()).as("tsc --strict on the generated client and the program:%n%s", compiled.output()).isZero();
        Result program = run(List.of("node", "out/program.js", jar.baseUrl()), Map.of(), project, OUTPUT.resolve("typescript-program.log"));

        assertThat(program.exitCode()).as("the TypeScript program:%n%s%n--- the jar's log ---%n%s", program.output(), jar.log()).isZero();
        assertThat(program.output()).contains("typescript client: every check passed");
    }

    /** Generates a client of the jar's document; its log may hold no warning but the ones every 3.1 document gets. */
    private static Path generate(String generator, Path into, String... options) throws Exception {
        TestFiles.deleteRecursively(into);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", GENERATOR.toString(),
                "generate", "-g", generator, "-i", document.toString(), "-o", into.toString()));
        command.addAll(List.of(options));
        Result generated = run(command, Map.of(), OUTPUT, OUTPUT.resolve(generator + "-generator.log"));
        assertThat(generated.exitCode()).as("openapi-generator %s:%n%s", generator, generated.output()).isZero();
        List<String> warnings = generated.output().lines().filter(line -> line.contains(" WARN "))
                .filter(line -> KNOWN_GENERATOR_WARNINGS.stream().noneMatch(line::contains)).toList();
        assertThat(warnings).as("openapi-generator %s warns", generator).isEmpty();
        return into;
    }

    private static Result run(List<String> command, Map<String, String> environment, Path directory, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException notThere) {
            return new Result(-1, command.getFirst() + " cannot be started: " + notThere.getMessage());
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

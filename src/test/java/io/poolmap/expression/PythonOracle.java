package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@code python_oracle.py} once on the machine's own {@code python3} for a whole batch of cases. A machine
 * without {@code python3} fails the test that needs it rather than skipping it: CI has one.
 */
final class PythonOracle {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private PythonOracle() {
    }

    /** One answer per case, in the order of {@code cases}. */
    static List<JsonNode> evaluate(List<ObjectNode> cases, Path workDirectory) throws IOException, InterruptedException {
        Path input = workDirectory.resolve("cases.jsonl");
        Path errors = workDirectory.resolve("python-stderr.txt");
        Files.write(input, cases.stream().map(JSON::writeValueAsString).toList(), StandardCharsets.UTF_8);
        Path output = workDirectory.resolve("answers.jsonl");
        Process python = new ProcessBuilder("python3", script().toString())
                .redirectInput(input.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new AssertionError("python3 did not answer within 60 s");
        }
        assertThat(python.exitValue()).as("python3 exit status; its stderr: %s", Files.readString(errors)).isZero();
        List<JsonNode> answers = Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(JSON::readTree).toList();
        assertThat(answers).as("one answer per case").hasSize(cases.size());
        return answers;
    }

    private static Path script() {
        try {
            return new File(PythonOracle.class.getResource("python_oracle.py").toURI()).toPath();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An input as the oracle reads it: ints in decimal, floats by their bits, so that nothing is rounded on the way. */
    static ObjectNode input(Object value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value) {
            case Double real -> node.put("float", Long.toString(Double.doubleToRawLongBits(real)));
            case Boolean bool -> node.put("bool", bool);
            default -> node.put("int", value.toString());
        }
        return node;
    }
}

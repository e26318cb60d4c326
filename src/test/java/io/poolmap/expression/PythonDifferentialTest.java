package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * poolmap against the machine's own {@code python3}: thousands of generated expressions, each over edge inputs,
 * and a list of pinned ones over every edge input, evaluated by poolmap and by Python (one subprocess for the whole
 * run), results compared exactly (floats by their bits) and errors by their type; for {@code long} inputs, the
 * specialised path and the interpreter must agree too. Inputs for which poolmap stops at a cost limit are not sent to Python, which
 * would compute them at any cost.
 *
 * <p>{@code exp}, {@code log} and non-integer powers come from the platform's maths library on both sides (glibc for
 * CPython, HotSpot's intrinsics for Java): neither is correctly rounded, so a float result of an expression that
 * uses them may differ in its last bit, and only there. Everything else must match to the bit.
 *
 * <p>The seed is fixed so that a build is reproducible; {@code -Dpoolmap.expressions.seed=N} and
 * {@code -Dpoolmap.expressions.cases=N} explore further.
 */
class PythonDifferentialTest {

    private static final long SEED = Long.getLong("poolmap.expressions.seed", 20_260_701L);
    private static final int EXPRESSIONS = Integer.getInteger("poolmap.expressions.cases", 10_000);
    private static final int INPUTS = 8;

    /** Expressions that pin a rule each, run over every edge value. */
    private static final List<String> PINNED = List.of("x**2 + 3*x + 1", "x*x", "-x**2", "x / 3", "x // -2", "x % -3",
            "x ** -1", "2 ** x", "x / 10**400", "10**400 / x", "x == x + 0.0", "x < x + 0.5", "round(x)", "round(x, 2)",
            "round(x, -2)", "floor(x)", "ceil(x)", "sqrt(x)", "log(x)", "log(x, 2)", "exp(x)", "abs(x)", "isqrt(x)",
            "gcd(x, 360)", "min(x, 0)", "max(x, 0.0)", "x and 5", "x or 5", "not x", "x if x else -1", "0 < x < 10",
            "x != x", "-x", "+x", "x ** 0.5", "x ** 2.0", "(-x) ** (1/3)", "x * 1e308", "1 / x", "x % 1", "x // 1",
            "x % 2.5", "x // 2.5", "x - x", "x * 0.0", "-x * 0.0", "x ** 3 // 7", "x / 7 * 7 == x", "x > 1e400",
            "x == 9007199254740993", "x + 1 > x", "x % 1e-308", "round(x / 3, 5)", "math.log(x * x + 1, 10)");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());
    private final Map<String, Integer> tally = new TreeMap<>();

    @Test
    void poolmapComputesWhatPython3ComputesForThousandsOfGeneratedExpressions(@TempDir Path work) throws Exception {
        ExpressionGenerator generator = new ExpressionGenerator(SEED);
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        List<ObjectNode> requests = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (int id = 0; id < EXPRESSIONS + PINNED.size(); id++) {
            Case expressionCase = id < PINNED.size() ? evaluate(PINNED.get(id), EdgeValues.ALL, mismatches)
                    : evaluate(generator.next(), EdgeValues.sample(random, INPUTS), mismatches);
            cases.add(expressionCase);
            requests.add(expressionCase.request(id));
        }
        List<JsonNode> answers = PythonOracle.evaluate(requests, work);
        for (int id = 0; id < cases.size(); id++) {
            compare(cases.get(id), answers.get(id), mismatches);
        }
        System.out.printf("differential test, seed %d: %d generated and %d pinned expressions, %s%n", SEED,
                EXPRESSIONS, PINNED.size(), tally);
        assertThat(mismatches).as("seed %d (-Dpoolmap.expressions.seed=%d): poolmap ≠ Python", SEED, SEED).isEmpty();
    }

    private Case evaluate(String source, List<Object> inputs, List<String> mismatches) {
        CompiledExpression compiled;
        try {
            compiled = compiler.compile(source);
        } catch (ExpressionSyntaxException syntaxError) {
            count("syntax errors");
            return new Case(source, List.of(), List.of(Outcome.syntaxError()));
        }
        List<Object> compared = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Object input : inputs) {
            Outcome outcome = apply(compiled, input);
            if (outcome.equals(Outcome.error(PyError.LIMIT))) {
                count("skipped at a cost limit");
                continue;
            }
            if (input instanceof Long && !outcome.equals(interpret(compiled, input))) {
                mismatches.add(source + " for x = " + input + ": the long path gave " + outcome
                        + ", the interpreter " + interpret(compiled, input));
            }
            compared.add(input);
            outcomes.add(outcome);
        }
        return new Case(source, compared, outcomes);
    }

    private void compare(Case expressionCase, JsonNode answer, List<String> mismatches) {
        if (answer.has("syntax") || expressionCase.outcomes().equals(List.of(Outcome.syntaxError()))) {
            if (!answer.has("syntax") || expressionCase.inputs().size() != 0) {
                mismatches.add(expressionCase.source() + ": poolmap " + expressionCase.outcomes()
                        + ", Python " + answer);
            }
            return;
        }
        List<JsonNode> results = answer.get("results").valueStream().toList();
        for (int k = 0; k < results.size(); k++) {
            Outcome ours = expressionCase.outcomes().get(k);
            Outcome python = Outcome.ofPython(results.get(k));
            count(ours.kind().equals("error") ? ours.value() : ours.kind() + " results");
            if (ours.equals(python)) {
                continue;
            }
            if (ours.withinOneUlpOf(python) && usesLibm(expressionCase.source())) {
                count("floats one ulp from Python's (exp, log, **)");
                continue;
            }
            mismatches.add(expressionCase.source() + " for x = " + describe(expressionCase.inputs().get(k))
                    + ": poolmap " + ours + ", Python " + python + " " + results.get(k));
        }
    }

    private static Outcome apply(CompiledExpression compiled, Object input) {
        Numbers out = Numbers.forResults(1);
        try {
            compiled.apply(EdgeValues.numbers(List.of(input)), 0, out);
            return Outcome.of(out, 0);
        } catch (ExpressionItemException failure) {
            return Outcome.error(failure.errorType());
        }
    }

    private static Outcome interpret(CompiledExpression compiled, Object input) {
        try {
            return Outcome.ofValue(compiled.interpret(input));
        } catch (PyError error) {
            return Outcome.error(error.type());
        }
    }

    private static boolean usesLibm(String source) {
        return source.contains("exp") || source.contains("log") || source.contains("**");
    }

    private static String describe(Object input) {
        return input instanceof Double real ? PyFloat.repr(real) : String.valueOf(input);
    }

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    /** An expression with the inputs sent to Python and poolmap's outcome for each (or its syntax error). */
    private record Case(String source, List<Object> inputs, List<Outcome> outcomes) {

        ObjectNode request(int id) {
            ObjectNode request = PythonOracle.JSON.createObjectNode();
            request.put("id", id);
            request.put("source", source);
            inputs.forEach(input -> request.withArray("inputs").add(PythonOracle.input(input)));
            if (inputs.isEmpty()) {
                request.putArray("inputs");
            }
            return request;
        }
    }
}

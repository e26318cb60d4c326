package io.poolmap.job.web;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionItemException;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.expression.ExpressionSyntaxException;
import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents the other way to say what to map, beside the operations that {@code GET /api/v1/operations} lists: the
 * expression language, with the limits this instance holds expressions to and an example computed at start-up by the
 * very compiler that runs jobs, so that the page cannot drift from what poolmap does.
 */
@RestController
@Tag(name = "operations")
class ExpressionLanguageController {

    private static final String EXAMPLE = "x**2 + 3*x + 1";

    private final ExpressionLanguage language;

    ExpressionLanguageController(ExpressionLimits limits) {
        this.language = new ExpressionLanguage(
                "A Python 3 expression in one variable, x, computed for each number with Python's own semantics. "
                        + "Send it as \"expression\" instead of \"operation\": {\"expression\": \"" + EXAMPLE + "\", \"numbers\": [...]}.",
                List.of("x", "numbers: 42, 1_000, 0x1F, 0o17, 0b1010, 1.5, .5, 1e-3", "( )",
                        "** (right to left; -x**2 is -(x**2))", "unary - +", "* / // %", "+ -",
                        "< <= > >= == != (chained: 0 < x < 10)", "not", "and", "or", "a if condition else b"),
                ExpressionCompiler.functions(),
                List.of("True", "False", "pi", "e", "math.pi", "math.e"),
                List.of("ints are exact at any size, as Python's int; floats are IEEE-754 doubles, as Python's float",
                        "/ is true division (a float); // and % are floored for ints and floats: -7 // 2 == -4, -7 % 2 == 1",
                        "** with a negative int exponent gives a float; 0 ** -1 raises ZeroDivisionError",
                        "comparisons between ints and floats are exact; and/or give the operand that decided and short-circuit",
                        "bools are ints (True + 1 == 2) and may be results (true/false in JSON)",
                        "round rounds half to even: round(2.5) == 2, round(2.675, 2) == 2.67",
                        "no names but x, the functions and the constants; no attributes, subscripts, lambdas, comprehensions, "
                                + "strings, assignments or loops: an expression can only compute, and always ends"),
                new Limits(limits.maxLength(), limits.maxDepth(), limits.maxDigits(), limits.maxWork()),
                List.of("a syntax error, an unknown name or a limit of the source: 400 invalid-expression, with the line, "
                                + "the column and a caret under it in the detail, before a job exists",
                        "an item that Python would raise for (ZeroDivisionError, ValueError, OverflowError, TypeError), or "
                                + "that passes a limit (LimitError), gives a complex number (ComplexResult) or inf/nan "
                                + "(NonFiniteResult): the job fails with 422 item-failed naming the item and the exception"),
                example(limits));
    }

    /** The example as this instance computes it, or {@code null} when its limits are too tight for it. */
    private static ExpressionExample example(ExpressionLimits limits) {
        // a result beyond a long, yet within the fewest digits poolmap.expressions.max-digits allows (20)
        Numbers in = Numbers.builder().add(-2).add(0).add(1.5).add(3_037_000_500L).build();
        Numbers out = Numbers.forResults(in.size());
        try {
            new ExpressionCompiler(limits).compile(EXAMPLE).applyRange(in, 0, in.size(), out);
        } catch (ExpressionSyntaxException | ExpressionItemException tooTight) {
            return null;
        }
        return new ExpressionExample(EXAMPLE, IntStream.range(0, in.size()).mapToObj(in::valueAt).toList(),
                IntStream.range(0, in.size()).mapToObj(out::valueAt).toList());
    }

    @GetMapping(path = "/api/v1/operations/expression", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The expression language",
            description = "What a job's `expression` may say, how it computes, the limits this instance holds it to, and an example.")
    ExpressionLanguage expression() {
        return language;
    }

    /**
     * The expression language as {@code GET /api/v1/operations/expression} shows it.
     *
     * @param description what an expression is and how to send one
     * @param syntax what an expression is made of, from the tightest binding to the loosest
     * @param functions the functions it may call
     * @param constants the names it may use besides {@code x}
     * @param semantics how it computes, where it matters
     * @param limits the limits of {@code poolmap.expressions.*} on this instance
     * @param errors what happens when an expression or an item is wrong
     * @param example {@code x**2 + 3*x + 1} over a few numbers, as poolmap computed it; absent when this instance's
     *        limits are too tight for it
     */
    @Schema(description = "The expression language: a job's alternative to naming an operation.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExpressionLanguage(String description, List<String> syntax, List<String> functions, List<String> constants,
            List<String> semantics, Limits limits, List<String> errors, ExpressionExample example) {
    }

    /**
     * An expression over a few numbers and what poolmap computed for them.
     *
     * @param expression the expression
     * @param numbers its inputs
     * @param results its results, in order
     */
    @Schema(description = "An expression over a few numbers and what this instance computed for them.")
    record ExpressionExample(@Schema(example = EXAMPLE) String expression,
            @ArraySchema(schema = @Schema(ref = "#/components/schemas/ExactNumber")) List<Object> numbers,
            @ArraySchema(schema = @Schema(ref = "#/components/schemas/Result")) List<Object> results) {
    }

    /**
     * The cost limits of expressions ({@code poolmap.expressions.*}).
     *
     * @param maxLength the longest expression, in characters
     * @param maxDepth the deepest nesting of its syntax tree
     * @param maxDigits the most digits of any integer it computes, on the way or as a result
     * @param maxWork the most work one item may do on integers beyond a long, in 64-bit word products
     */
    record Limits(int maxLength, int maxDepth, int maxDigits, long maxWork) {
    }
}

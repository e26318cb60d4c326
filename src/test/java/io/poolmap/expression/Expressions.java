package io.poolmap.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.operation.Numbers;

/** Compiles and evaluates expressions for tests, with the default limits unless told otherwise. */
final class Expressions {

    static final ExpressionCompiler COMPILER = new ExpressionCompiler(ExpressionLimits.defaults());

    private Expressions() {
    }

    static CompiledExpression compile(String source) {
        return COMPILER.compile(source);
    }

    /**
     * The value of {@code source} for {@code x} ({@code Long}, {@code BigInteger}, {@code Double} or {@code Boolean}),
     * checked to be the same through the path that {@link CompiledExpression#apply} takes and through the
     * interpreter alone.
     */
    static Object eval(String source, Object x) {
        CompiledExpression compiled = compile(source);
        Numbers out = Numbers.forResults(1);
        compiled.apply(EdgeValues.numbers(List.of(normalised(x))), 0, out);
        Object value = out.valueAt(0);
        assertThat(Outcome.ofValue(compiled.interpret(normalised(x)))).as("the interpreter's value of %s", source)
                .isEqualTo(Outcome.ofValue(value));
        return value;
    }

    /** The value of an expression without {@code x}. */
    static Object eval(String source) {
        return eval(source, 0L);
    }

    /** The failure of {@code source} for {@code x}; it must fail. */
    static ExpressionItemException failure(String source, Object x) {
        CompiledExpression compiled = compile(source);
        ExpressionItemException failure = catchThrowableOfType(ExpressionItemException.class,
                () -> compiled.apply(EdgeValues.numbers(List.of(normalised(x))), 0, Numbers.forResults(1)));
        assertThat(failure).as("%s for x = %s fails", source, x).isNotNull();
        return failure;
    }

    static ExpressionItemException failure(String source) {
        return failure(source, 0L);
    }

    static ExpressionSyntaxException syntaxError(String source) {
        return syntaxError(COMPILER, source);
    }

    static ExpressionSyntaxException syntaxError(ExpressionCompiler compiler, String source) {
        ExpressionSyntaxException error = catchThrowableOfType(ExpressionSyntaxException.class, () -> compiler.compile(source));
        assertThat(error).as("%s is refused", source).isNotNull();
        return error;
    }

    static BigInteger big(String decimal) {
        return new BigInteger(decimal);
    }

    private static Object normalised(Object x) {
        return x instanceof Integer small ? (Object) small.longValue() : x;
    }
}

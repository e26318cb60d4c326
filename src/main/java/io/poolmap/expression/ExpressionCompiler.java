package io.poolmap.expression;

import java.util.Arrays;
import java.util.List;

/**
 * Compiles client expressions under the configured {@link ExpressionLimits}: parses and checks the source once,
 * folds its constant parts, and builds the tree specialised for {@code long} inputs. Thread-safe; one instance
 * serves every job.
 */
public final class ExpressionCompiler {

    private final ExpressionLimits limits;
    private final CostBudget budget;

    public ExpressionCompiler(ExpressionLimits limits) {
        this.limits = limits;
        this.budget = new CostBudget(limits.maxDigits(), limits.maxWork());
    }

    /**
     * The compiled form of {@code source}, a Python 3 expression in {@code x} (see the package documentation for
     * the language).
     *
     * @throws ExpressionSyntaxException when it is not one that poolmap accepts: a syntax error, a name or construct
     *         outside the language, or a limit passed; it says where
     */
    public CompiledExpression compile(String source) {
        Expr tree = Parser.parse(source, limits, budget);
        Interpreter interpreter = new Interpreter(budget);
        Expr folded = new ConstantFolder(interpreter).fold(tree);
        return new CompiledExpression(source, folded, interpreter, Specialiser.specialise(folded),
                limits.maxDigits());
    }

    /**
     * The functions an expression may call, as written; {@code math.} may precede those of Python's {@code math}
     * module ({@code math.sqrt(x)}), so that a page that documents the language never drifts from it.
     */
    public static List<String> functions() {
        return Arrays.stream(Builtin.values()).map(f -> f.inMath() ? f.pythonName() + " (or math." + f.pythonName() + ")"
                : f.pythonName()).toList();
    }

    /** The limits every expression it compiles is held to, e.g. to tell clients the most digits a result may have. */
    public ExpressionLimits limits() {
        return limits;
    }
}

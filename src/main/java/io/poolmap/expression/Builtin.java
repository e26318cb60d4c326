package io.poolmap.expression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The functions an expression may call: Python's built-ins {@code abs min max round} and a few of {@code math}'s,
 * which may also be written with their {@code math.} prefix. The argument counts are checked when the expression is
 * compiled (Python would raise {@code TypeError} for every item instead).
 */
enum Builtin {
    ABS(1, 1, false),
    MIN(2, Integer.MAX_VALUE, false),
    MAX(2, Integer.MAX_VALUE, false),
    ROUND(1, 2, false),
    SQRT(1, 1, true),
    FLOOR(1, 1, true),
    CEIL(1, 1, true),
    LOG(1, 2, true),
    EXP(1, 1, true),
    GCD(0, Integer.MAX_VALUE, true),
    ISQRT(1, 1, true);

    private final int minArgs;
    private final int maxArgs;
    private final boolean inMath;

    Builtin(int minArgs, int maxArgs, boolean inMath) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.inMath = inMath;
    }

    /** The name as written in an expression. */
    String pythonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when Python has it in the {@code math} module, so that {@code math.name} is accepted too. */
    boolean inMath() {
        return inMath;
    }

    /** Why {@code count} arguments are wrong for this function, or {@code null} when they are right. */
    String checkArity(int count) {
        if (count >= minArgs && count <= maxArgs) {
            return null;
        }
        String expected = minArgs == maxArgs ? exactly(minArgs)
                : maxArgs == Integer.MAX_VALUE ? "at least " + exactly(minArgs)
                : minArgs + " or " + maxArgs + " arguments";
        return pythonName() + "() takes " + expected + " (" + count + " given)";
    }

    static Optional<Builtin> named(String name) {
        return Arrays.stream(values()).filter(function -> function.pythonName().equals(name)).findFirst();
    }

    /** Every function name, for messages. */
    static String names() {
        return Arrays.stream(values()).map(Builtin::pythonName).collect(Collectors.joining(", "));
    }

    private static String exactly(int count) {
        return count == 1 ? "1 argument" : count + " arguments";
    }
}

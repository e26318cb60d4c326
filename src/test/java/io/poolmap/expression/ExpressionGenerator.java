package io.poolmap.expression;

import java.util.Random;

/**
 * Random expressions over the whole language, seeded so that a failure can be replayed: every operator and
 * function, comparison chains, {@code and}/{@code or}/{@code not}, conditionals, edge literals in every notation,
 * and operands parenthesised only at random, so that Python's precedence rules are exercised (some texts are then
 * syntax errors, for both sides, such as {@code - not x}).
 */
final class ExpressionGenerator {

    private static final String[] INTS = {"0", "1", "2", "3", "7", "10", "255", "0x1F", "1_000", "00", "0b1010",
        "0o17", "9223372036854775807", "9223372036854775808", "4611686018427387904", "3037000500",
        "9007199254740993", "100000000000000000000000000000"};
    private static final String[] FLOATS = {"0.0", "0.1", "0.5", "1.5", "2.5", "1e308", "1e-320", "3.0", "1e16",
        ".5", "5.", "1_0.5", "1e3", "2.0", "0.30000000000000004", "1e400", "2.675", "1E-5"};
    private static final String[] EXPONENTS = {"2", "3", "-1", "0.5", "x", "-2", "0", "(x % 5)", "True", "2.0",
        "(-x)", "1", "63", "64", "-0.5", "(1/3)"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "//", "%", "+", "-", "*"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[] MATH = {"sqrt", "floor", "ceil", "log", "exp", "sqrt", "floor", "log"};

    private final Random random;

    ExpressionGenerator(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        return expression(1 + random.nextInt(4));
    }

    private String expression(int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return leaf();
        }
        int d = depth - 1;
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3 -> operand(d) + " " + pick(OPERATORS) + " " + operand(d);
            case 4 -> operand(d) + " ** " + (random.nextBoolean() ? pick(EXPONENTS) : operand(d));
            case 5 -> pick("-", "+", "not ", "-", "- -") + operand(d);
            case 6 -> chain(d);
            case 7 -> operand(d) + pick(" and ", " or ") + operand(d);
            case 8 -> operand(d) + " if " + operand(d) + " else " + operand(d);
            case 9 -> pick("min(", "max(") + expression(d) + ", " + expression(d)
                    + (random.nextBoolean() ? ", " + expression(d) : "") + ")";
            case 10 -> pick("abs(", "round(") + expression(d) + ")";
            case 11 -> "round(" + expression(d) + ", " + pick("0", "1", "2", "-1", "-2", "3", "True", "1.5", "-400") + ")";
            case 12 -> random.nextInt(4) == 0 ? pick("isqrt(", "math.isqrt(") + integer(d) + ")"
                    : pick("", "math.") + pick(MATH) + "(" + expression(d) + ")";
            default -> twoArguments(d);
        };
    }

    private String twoArguments(int depth) {
        return switch (random.nextInt(3)) {
            case 0 -> "log(" + expression(depth) + ", " + expression(depth) + ")";
            case 1 -> pick("gcd(", "math.gcd(") + integer(depth) + ", " + integer(depth) + ")";
            default -> pick("gcd()", "gcd(x)", "math.log(x, 2)", "log(x, 10)", "round(x, 1)");
        };
    }

    private String chain(int depth) {
        StringBuilder chain = new StringBuilder(operand(depth));
        int links = 1 + random.nextInt(3);
        for (int k = 0; k < links; k++) {
            chain.append(' ').append(pick(COMPARISONS)).append(' ').append(operand(depth));
        }
        return chain.toString();
    }

    /** An argument that Python requires to be an int, mostly made one with {@code floor}, else as it comes. */
    private String integer(int depth) {
        return random.nextInt(3) == 0 ? expression(depth) : "floor(" + expression(depth) + ")";
    }

    /** A sub-expression, in parentheses two times out of three. */
    private String operand(int depth) {
        String operand = expression(depth);
        return random.nextInt(3) == 0 ? operand : "(" + operand + ")";
    }

    private String leaf() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> "x";
            case 4, 5 -> pick(INTS);
            case 6, 7 -> pick(FLOATS);
            case 8 -> pick("True", "False");
            default -> pick("pi", "e", "math.pi", "math.e");
        };
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}

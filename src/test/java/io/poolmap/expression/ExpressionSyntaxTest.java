package io.poolmap.expression;

import static io.poolmap.expression.Expressions.eval;
import static io.poolmap.expression.Expressions.syntaxError;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python 3's grammar for the subset: precedence, associativity, literals, and where an error is reported. */
class ExpressionSyntaxTest {

    @ParameterizedTest(name = "{0} is {1} for x = 3")
    @MethodSource("operators")
    void operatorsBindAsInPython(String source, String expected) {
        assertThat(Outcome.ofValue(eval(source, 3L))).isEqualTo(Outcome.ofValue(parse(expected)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("literals")
    void literalsReadAsInPython(String source, String expected) {
        assertThat(Outcome.ofValue(eval(source))).isEqualTo(Outcome.ofValue(parse(expected)));
    }

    @ParameterizedTest(name = "{0}: {2} at {1}")
    @MethodSource("errors")
    void anythingElseIsASyntaxErrorThatSaysWhereAndWhy(String source, int position, String reason) {
        ExpressionSyntaxException error = syntaxError(source);
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.position()).isEqualTo(position);
    }

    @Test
    void detailShowsTheLineWithACaretUnderTheColumnAsPythonDoes() {
        ExpressionSyntaxException error = syntaxError("x ** * 2");

        assertThat(error.getMessage()).isEqualTo("unexpected '*' (column 5)");
        assertThat(error.detail()).isEqualTo("""
                unexpected '*' (column 5)
                    x ** * 2
                         ^""");
    }

    @Test
    void anErrorOnALaterLineNamesTheLineAndShowsOnlyThatLine() {
        ExpressionSyntaxException error = syntaxError("(x +\n\t1 + * 2)");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.detail()).isEqualTo("""
                unexpected '*' (line 2, column 5)
                     1 + * 2)
                         ^""");
    }

    @Test
    void aLongLineIsShownAsAWindowAroundTheColumnAndUnprintableCharactersAsQuestionMarks() {
        String source = "x + " + "1 + ".repeat(30) + "\u0000" + " + 1".repeat(30);

        ExpressionSyntaxException error = syntaxError(source);

        String[] lines = error.detail().split("\n");
        assertThat(error.reason()).isEqualTo("invalid non-printable character U+0000");
        assertThat(lines[1]).startsWith("    …").endsWith("…").contains("?").hasSizeLessThan(100);
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('?'));
    }

    @Test
    void anErrorAtTheEndPointsJustPastTheLastCharacter() {
        ExpressionSyntaxException error = syntaxError("x +");

        assertThat(error.position()).isEqualTo(3);
        assertThat(error.detail()).endsWith("x +\n       ^");
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                arguments("-x**2", "-9"),
                arguments("(-x)**2", "9"),
                arguments("2**3**2", "512"),
                arguments("2**-1", "0.5"),
                arguments("2**-2**2", "0.0625"),
                arguments("-2**-1", "-0.5"),
                arguments("--x", "3"),
                arguments("x--1", "4"),
                arguments("x+-+-1", "4"),
                arguments("1 + 2 * 3 - 4 / 2", "5.0"),
                arguments("10 - 4 - 3", "3"),
                arguments("2 * 3 % 4", "2"),
                arguments("7 // 2 * 2", "6"),
                arguments("not x == 3", "False"),
                arguments("not not x", "True"),
                arguments("x < 5 == True", "False"),
                arguments("0 < x < 10", "True"),
                arguments("0 < x > 10", "False"),
                arguments("1 < 2 < 3 < x", "False"),
                arguments("x and 5", "5"),
                arguments("0 or x", "3"),
                arguments("x > 0 and x < 2 or x == 3", "True"),
                arguments("1 if x > 2 else 2", "1"),
                arguments("1 if x > 5 else 2 if x > 2 else 3", "2"),
                arguments("x if x else 0 + 100", "3"),
                arguments("1if x else 2", "1"),
                arguments("1or 2", "1"),
                arguments("max(x, 2,)", "3"),
                arguments("math.sqrt(x + 1)", "2.0"),
                arguments("sqrt(x + 1)", "2.0"),
                arguments("math.pi > 3 and e < 3", "True"),
                arguments("True + True", "2"),
                arguments("(x\n + 1)", "4"),
                arguments("x \\\n + 1", "4"),
                arguments("x # the input\n", "3"),
                arguments("\t x\t*\fx  \n\n", "9"));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                arguments("1_000", "1000"),
                arguments("00", "0"),
                arguments("0_0", "0"),
                arguments("0x1F", "31"),
                arguments("0X_ff", "255"),
                arguments("0o17", "15"),
                arguments("0b1010", "10"),
                arguments("9223372036854775807", "9223372036854775807"),
                arguments("9223372036854775808", "9223372036854775808"),
                arguments("0xFFFFFFFFFFFFFFFFFF", "4722366482869645213695"),
                arguments(".5", "0.5"),
                arguments("5.", "5.0"),
                arguments("1e3", "1000.0"),
                arguments("1E+3", "1000.0"),
                arguments("1.e-3", "0.001"),
                arguments("1_0.2_5e1_0", "1.025E11"),
                arguments("01.5", "1.5"),
                arguments("0123e1", "1230.0"),
                arguments("1.0000000000000000000000000000001", "1.0"),
                arguments("0.1 + 0.2", "0.30000000000000004"),
                arguments("1e-320", "1.0E-320"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("x +", 3, "expected an expression, found end of input"),
                arguments("x ** * 2", 5, "unexpected '*'"),
                arguments("(x + 1", 0, "'(' was never closed"),
                arguments("x + 1)", 5, "unexpected ')'"),
                arguments("x y", 2, "unexpected name 'y' (an operator is missing?)"),
                arguments("y + 1", 0, "name 'y' is not defined: the variable is x; the functions are abs, min, max, round, sqrt, floor, ceil, log, exp, gcd, isqrt; the constants are True, False, pi, e"),
                arguments("01", 0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
                arguments("1__0", 1, "invalid decimal literal"),
                arguments("1_", 1, "invalid decimal literal"),
                arguments("1x", 1, "invalid decimal literal"),
                arguments("1e", 1, "invalid decimal literal"),
                arguments("1._5", 2, "invalid decimal literal"),
                arguments("0b102", 4, "invalid digit '2' in binary literal"),
                arguments("0x", 2, "invalid hexadecimal literal"),
                arguments("2j", 1, "complex numbers (j) are not supported"),
                arguments("x if x", 6, "expected 'else' after 'if' expression"),
                arguments("- not x", 2, "unexpected 'not'"),
                arguments("1 < not x", 4, "unexpected 'not'"),
                arguments("x.real", 1, "attribute access is not supported"),
                arguments("1 .real", 2, "attribute access is not supported"),
                arguments("math.tau", 5, "math.tau is not supported: the variable is x; the functions are abs, min, max, round, sqrt, floor, ceil, log, exp, gcd, isqrt; the constants are True, False, pi, e"),
                arguments("math.abs(x)", 5, "math.abs is not supported: the variable is x; the functions are abs, min, max, round, sqrt, floor, ceil, log, exp, gcd, isqrt; the constants are True, False, pi, e"),
                arguments("math", 0, "math is a module: write math.sqrt(x), math.pi…"),
                arguments("x[0]", 1, "subscripts and lists are not supported"),
                arguments("{x}", 0, "sets and dicts are not supported"),
                arguments("'x'", 0, "strings are not supported"),
                arguments("x = 1", 2, "assignment is not supported (to compare, use ==)"),
                arguments("(x := 1)", 3, "assignment expressions (:=) are not supported"),
                arguments("lambda: 1", 0, "'lambda' is not supported"),
                arguments("x for x in 1", 2, "'for' is not supported"),
                arguments("x in 1", 2, "'in' is not supported"),
                arguments("x is None", 2, "'is' is not supported"),
                arguments("None", 0, "'None' is not supported"),
                arguments("__import__(1)", 0, "name '__import__' is not defined: the variable is x; the functions are abs, min, max, round, sqrt, floor, ceil, log, exp, gcd, isqrt; the constants are True, False, pi, e"),
                arguments("x(1)", 1, "only functions can be called: the variable is x; the functions are abs, min, max, round, sqrt, floor, ceil, log, exp, gcd, isqrt; the constants are True, False, pi, e"),
                arguments("abs", 0, "abs is a function: call it, as in abs(x)"),
                arguments("abs(x, 1)", 3, "abs() takes 1 argument (2 given)"),
                arguments("max(x)", 3, "max() takes at least 2 arguments (1 given)"),
                arguments("round()", 5, "round() takes 1 or 2 arguments (0 given)"),
                arguments("round(x, ndigits=2)", 9, "keyword arguments are not supported"),
                arguments("max(*x)", 4, "argument unpacking is not supported"),
                arguments("(x, 1)", 2, "tuples are not supported"),
                arguments("()", 0, "tuples are not supported"),
                arguments("x ~ 1", 2, "bitwise operators are not supported"),
                arguments("x ^ 2", 2, "bitwise operators are not supported (** is the power)"),
                arguments("x << 2", 2, "bitwise operators are not supported"),
                arguments("x; 1", 1, "only one expression is allowed"),
                arguments("x <> 1", 2, "'<>' is not Python 3: use !="),
                arguments("x \\ 1", 2, "a line continuation character (\\) must end its line"),
                arguments("x $ 1", 2, "invalid character '$' (U+0024)"),
                arguments("ｘ", 0, "invalid character 'ｘ' (U+FF58): expressions are written in ASCII"),
                arguments("x\u00a0+ 1", 1, "invalid non-printable character U+00A0"),
                arguments("x\n+ 1", 2, "unexpected '+' after a line break: an expression spans lines only inside parentheses"),
                arguments("(x +\n", 5, "expected an expression, found end of input"),
                arguments("x +\n1", 3, "expected an expression, found line break"),
                arguments("''", 0, "strings are not supported"),
                arguments("  ", 0, "the expression is empty"));
    }

    private static Object parse(String literal) {
        return switch (literal) {
            case "True", "False" -> Boolean.valueOf(literal);
            default -> literal.contains(".") || literal.contains("E")
                    ? (Object) Double.valueOf(literal) : Expressions.big(literal).bitLength() < 64
                    ? (Object) Long.valueOf(literal) : Expressions.big(literal);
        };
    }
}

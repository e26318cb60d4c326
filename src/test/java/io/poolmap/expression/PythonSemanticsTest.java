package io.poolmap.expression;

import static io.poolmap.expression.Expressions.big;
import static io.poolmap.expression.Expressions.eval;
import static io.poolmap.expression.Expressions.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python 3's semantics rule by rule, each value as CPython 3.11 gives it (the differential test covers the mix). */
class PythonSemanticsTest {

    static Stream<Arguments> values() {
        return Stream.of(
                // ints stay exact at any size; a long that overflows becomes a big int, never wraps
                arguments("x * x", 3037000500L, big("9223372037000250000")),
                arguments("x + 1", Long.MAX_VALUE, big("9223372036854775808")),
                arguments("-x", Long.MIN_VALUE, big("9223372036854775808")),
                arguments("abs(x)", Long.MIN_VALUE, big("9223372036854775808")),
                arguments("x // -1", Long.MIN_VALUE, big("9223372036854775808")),
                arguments("x - 1", big("9223372036854775808"), Long.MAX_VALUE),
                arguments("2 ** 64", 0L, big("18446744073709551616")),
                arguments("x ** 3", -7L, -343L),
                arguments("x ** 0", 0L, 1L),
                arguments("(-1) ** (10 ** 30)", 0L, 1L),
                arguments("0 ** (10 ** 30)", 0L, 0L),
                // / is true division, correctly rounded even for huge ints; a zero keeps the quotient's sign
                arguments("x / 4", 10L, 2.5),
                arguments("10**400 / 10**399", 0L, 10.0),
                arguments("(2**63 - 1) / (2**53 + 1)", 0L, 1023.9999999999999),
                arguments("10**30 / 7", 0L, 1.4285714285714285e29),
                arguments("7 / 10**30", 0L, 7e-30),
                arguments("0 / x", -5L, -0.0),
                arguments("1 / 10**400", 0L, 0.0),
                // // and % are floored, for ints and floats
                arguments("-7 // 2", 0L, -4L),
                arguments("-7 % 2", 0L, 1L),
                arguments("7 % -2", 0L, -1L),
                arguments("7.5 % -2", 0L, -0.5),
                arguments("-5.0 // 3", 0L, -2.0),
                arguments("-0.0 % 5", 0L, 0.0),
                arguments("0.0 % -5", 0L, -0.0),
                arguments("0.0 // -5", 0L, -0.0),
                arguments("1 // float('inf')".replace("float('inf')", "1e400"), 0L, 0.0),
                arguments("-1.0 // 1e400", 0L, -1.0),
                arguments("1e308 % 1e-308", 0L, 3.498445546245627e-309),
                // ** with a negative int exponent is a float; floats follow CPython's special cases
                arguments("2 ** -1", 0L, 0.5),
                arguments("x ** -2", -2L, 0.25),
                arguments("2.0 ** -1074", 0L, Double.MIN_VALUE),
                arguments("0.0 ** 0", 0L, 1.0),
                arguments("(-8.0) ** 3", 0L, -512.0),
                arguments("(-1.0) ** 1e400", 0L, 1.0),
                arguments("0.5 ** -1e400 == 1e400", 0L, true),
                arguments("(-1e400) ** 3 == -1e400", 0L, true),
                arguments("(-1e400) ** -3", 0L, -0.0),
                arguments("1 ** (1e400 - 1e400)", 0L, 1.0),
                // int and float mix as Python: the int is converted, comparisons are exact
                arguments("x + 0.5", 1L, 1.5),
                arguments("2**53 + 1 > 2.0**53", 0L, true),
                arguments("2**53 + 1 == 2.0**53", 0L, false),
                arguments("x == 9007199254740992.0", (1L << 53) + 1, false),
                arguments("x < 1e400", big("1" + "0".repeat(400)), true),
                arguments("10**400 > 1e308", 0L, true),
                arguments("(1e400 - 1e400) != (1e400 - 1e400)", 0L, true),
                arguments("1 < (1e400 - 1e400)", 0L, false),
                arguments("-0.0 == 0", 0L, true),
                // bools are ints
                arguments("True + 1", 0L, 2L),
                arguments("x + 1", true, 2L),
                arguments("-True", 0L, -1L),
                arguments("True / True", 0L, 1.0),
                arguments("x * 3.5", true, 3.5),
                arguments("abs(x)", true, 1L),
                arguments("x", true, true),
                arguments("x > 0", 3L, true),
                // and / or give the operand that decided; not gives a bool
                arguments("x and 5", 3L, 5L),
                arguments("x and 5", 0L, 0L),
                arguments("x or 5", 0.0, 5L),
                arguments("0.0 or -0.0", 0L, -0.0),
                arguments("(1e400 - 1e400) and 5", 0L, 5L),
                arguments("not x", 0.0, true),
                arguments("not (1e400 - 1e400)", 0L, false),
                // short circuits skip what would fail
                arguments("x or 1/0", 1L, 1L),
                arguments("x and 1/0", 0L, 0L),
                arguments("1 if x else 1/0", 1L, 1L),
                arguments("1 > x > 1/0", 1L, false),
                // functions
                arguments("round(2.5)", 0L, 2L),
                arguments("round(3.5)", 0L, 4L),
                arguments("round(-2.5)", 0L, -2L),
                arguments("round(0.49999999999999994)", 0L, 0L),
                arguments("round(x)", 7L, 7L),
                arguments("round(2.675, 2)", 0L, 2.67),
                arguments("round(0.125, 2)", 0L, 0.12),
                arguments("round(0.375, 2)", 0L, 0.38),
                arguments("round(-0.001, 2)", 0L, -0.0),
                arguments("round(123.456, -1)", 0L, 120.0),
                arguments("round(2.5, 400)", 0L, 2.5),
                arguments("round(-2.5, -400)", 0L, -0.0),
                arguments("round(15, -1)", 0L, 20L),
                arguments("round(25, -1)", 0L, 20L),
                arguments("round(-25, -1)", 0L, -20L),
                arguments("round(x, -10 ** 30)", 5L, 0L),
                arguments("round(x, 2)", 7L, 7L),
                arguments("round(True, 1)", 0L, 1L),
                arguments("round(1e20)", 0L, big("100000000000000000000")),
                arguments("floor(-0.5)", 0L, -1L),
                arguments("ceil(-0.5)", 0L, 0L),
                arguments("math.floor(x)", true, 1L),
                arguments("ceil(1e20)", 0L, big("100000000000000000000")),
                arguments("min(x, 2)", 3L, 2L),
                arguments("max(x, 2.5)", 3L, 3L),
                arguments("min(True, 2)", 0L, true),
                arguments("max(0, -0.0)", 0L, 0L),
                arguments("min(-0.0, 0)", 0L, -0.0),
                arguments("max(1e400 - 1e400, 1) != 1", 0L, true),
                arguments("max(1, 1e400 - 1e400)", 0L, 1L),
                arguments("sqrt(x)", 2L, 1.4142135623730951),
                arguments("sqrt(-0.0)", 0L, -0.0),
                arguments("math.log(10**400)", 0L, 921.0340371976182),
                arguments("log(10**400, 10)", 0L, 399.99999999999994),
                arguments("log(8, 2)", 0L, 3.0),
                arguments("log(1e-320)", 0L, -736.8272408909739),
                arguments("log(True)", 0L, 0.0),
                arguments("exp(-1000)", 0L, 0.0),
                arguments("exp(1)", 0L, Math.E),
                arguments("gcd()", 0L, 0L),
                arguments("gcd(x)", -4L, 4L),
                arguments("gcd(-4, 6)", 0L, 2L),
                arguments("gcd(x, 0)", Long.MIN_VALUE, big("9223372036854775808")),
                arguments("gcd(True, 4)", 0L, 1L),
                arguments("isqrt(x)", Long.MAX_VALUE, 3037000499L),
                arguments("isqrt(10**40 + 1)", 0L, big("100000000000000000000")),
                arguments("pi", 0L, Math.PI),
                arguments("math.e", 0L, Math.E));
    }

    @ParameterizedTest(name = "{0} for x = {1} is {2}")
    @MethodSource("values")
    void everyRuleGivesPythonsValue(String source, Object x, Object expected) {
        assertThat(Outcome.ofValue(eval(source, x))).isEqualTo(Outcome.ofValue(expected));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("1 // x", 0L, "ZeroDivisionError: integer division or modulo by zero"),
                arguments("x // 0", big("1" + "0".repeat(30)), "ZeroDivisionError: integer division or modulo by zero"),
                arguments("1 % x", 0L, "ZeroDivisionError: integer modulo by zero"),
                arguments("1 / x", 0L, "ZeroDivisionError: division by zero"),
                arguments("1 / x", 0.0, "ZeroDivisionError: float division by zero"),
                arguments("1 // x", -0.0, "ZeroDivisionError: float floor division by zero"),
                arguments("1 % x", 0.0, "ZeroDivisionError: float modulo"),
                arguments("0 ** -1", 0L, "ZeroDivisionError: 0.0 cannot be raised to a negative power"),
                arguments("x ** -1.0", 0.0, "ZeroDivisionError: 0.0 cannot be raised to a negative power"),
                arguments("log(x, 1)", 2L, "ZeroDivisionError: float division by zero"),
                arguments("x + 0.5", big("1" + "0".repeat(400)), "OverflowError: int too large to convert to float"),
                arguments("2 ** -x", big("1" + "0".repeat(400)), "OverflowError: int too large to convert to float"),
                arguments("sqrt(x)", big("1" + "0".repeat(400)), "OverflowError: int too large to convert to float"),
                arguments("x / 1", big("1" + "0".repeat(400)), "OverflowError: integer division result too large for a float"),
                arguments("10.0 ** 400", 0L, "OverflowError: (34, 'Numerical result out of range')"),
                arguments("x ** 2", 1e308, "OverflowError: (34, 'Numerical result out of range')"),
                arguments("(-x) ** 1.5", 1e300, "OverflowError: complex exponentiation"),
                arguments("exp(x)", 1000L, "OverflowError: math range error"),
                arguments("floor(1e400)", 0L, "OverflowError: cannot convert float infinity to integer"),
                arguments("round(x)", Double.NEGATIVE_INFINITY, "OverflowError: cannot convert float infinity to integer"),
                arguments("round(1.7976931348623157e308, -308)", 0L, "OverflowError: rounded value too large to represent"),
                arguments("ceil(1e400 - 1e400)", 0L, "ValueError: cannot convert float NaN to integer"),
                arguments("sqrt(x)", -1L, "ValueError: math domain error"),
                arguments("log(x)", 0L, "ValueError: math domain error"),
                arguments("log(x)", big("-1" + "0".repeat(400)), "ValueError: math domain error"),
                arguments("log(-1e400)", 0L, "ValueError: math domain error"),
                arguments("isqrt(x)", -1L, "ValueError: isqrt() argument must be nonnegative"),
                arguments("isqrt(x)", 2.0, "TypeError: 'float' object cannot be interpreted as an integer"),
                arguments("gcd(x, 1)", 2.0, "TypeError: 'float' object cannot be interpreted as an integer"),
                arguments("round(x, 1.5)", 2L, "TypeError: 'float' object cannot be interpreted as an integer"),
                arguments("x ** 0.5", -8L, "ComplexResult: (-8.0) ** 0.5 is a complex number in Python; expressions compute real numbers only"),
                arguments("x * 10", 1e308, "NonFiniteResult: the result is inf, which a JSON number cannot hold"),
                arguments("1e400 - 1e400", 0L, "NonFiniteResult: the result is nan, which a JSON number cannot hold"),
                arguments("log(x)", Double.POSITIVE_INFINITY, "NonFiniteResult: the result is inf, which a JSON number cannot hold"),
                // Python evaluates operands left to right: the first error is the one raised
                arguments("max(1 / x, sqrt(-1))", 0L, "ZeroDivisionError: division by zero"),
                arguments("sqrt(-1) + 1 / x", 0L, "ValueError: math domain error"));
    }

    @ParameterizedTest(name = "{0} for x = {1} fails with {2}")
    @MethodSource("failures")
    void anItemThatPythonCannotComputeFailsWithPythonsExceptionAndMessage(String source, Object x, String message) {
        ExpressionItemException failure = failure(source, x);

        assertThat(failure.getMessage()).isEqualTo(message);
        assertThat(failure.errorType()).isEqualTo(message.substring(0, message.indexOf(':')));
        assertThat(failure.index()).isZero();
    }

    @Test
    void floatReprIsPythons() {
        assertThat(PyFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PyFloat.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PyFloat.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PyFloat.repr(123.0)).isEqualTo("123.0");
        assertThat(PyFloat.repr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(PyFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PyFloat.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyFloat.repr(1234567890123456.7)).isEqualTo("1234567890123456.8");
        assertThat(PyFloat.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PyFloat.repr(1e-323)).isEqualTo("1e-323");
        assertThat(PyFloat.repr(2e22)).isEqualTo("2e+22");
        assertThat(PyFloat.repr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    }
}

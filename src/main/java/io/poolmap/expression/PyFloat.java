package io.poolmap.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code float} operations where IEEE-754 alone is not Python: division by zero raises, {@code //} and
 * {@code %} are floored (CPython's {@code float_divmod}), and {@code **} has CPython's special cases. Each follows
 * CPython 3.11's C code step by step, so that signs of zeros, infinities and NaNs come out as Python's.
 */
final class PyFloat {

    private PyFloat() {
    }

    static double divide(double a, double b) {
        if (b == 0.0) {
            throw PyError.zeroDivision("float division by zero");
        }
        return a / b;
    }

    static double floorDivide(double vx, double wx) {
        if (wx == 0.0) {
            throw PyError.zeroDivision("float floor division by zero");
        }
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0 && (wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div != 0.0) {
            double floor = Math.floor(div);
            return div - floor > 0.5 ? floor + 1.0 : floor;
        }
        return Math.copySign(0.0, vx / wx);
    }

    static double modulo(double vx, double wx) {
        if (wx == 0.0) {
            throw PyError.zeroDivision("float modulo");
        }
        double mod = vx % wx;
        if (mod != 0.0) {
            return (wx < 0) != (mod < 0) ? mod + wx : mod;
        }
        return Math.copySign(0.0, wx);
    }

    /**
     * CPython's {@code float_pow}. A negative base with a fractional exponent gives a complex number in Python, which
     * is refused ({@code ComplexResult}), unless its magnitude overflows, where Python raises {@code OverflowError}.
     */
    static double power(double iv, double iw) {
        if (iw == 0.0) {
            return 1.0;
        }
        if (Double.isNaN(iv)) {
            return iv;
        }
        if (Double.isNaN(iw)) {
            return iv == 1.0 ? 1.0 : iw;
        }
        if (Double.isInfinite(iw)) {
            double magnitude = Math.abs(iv);
            if (magnitude == 1.0) {
                return 1.0;
            }
            return (iw > 0.0) == (magnitude > 1.0) ? Math.abs(iw) : 0.0;
        }
        if (Double.isInfinite(iv)) {
            boolean odd = isOddInteger(iw);
            if (iw > 0.0) {
                return odd ? iv : Math.abs(iv);
            }
            return odd ? Math.copySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0) {
            if (iw < 0.0) {
                throw PyError.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return isOddInteger(iw) ? iv : 0.0;
        }
        boolean negate = false;
        double base = iv;
        if (base < 0.0) {
            if (iw != Math.floor(iw)) {
                throw Double.isInfinite(Math.pow(-base, iw)) ? PyError.overflow("complex exponentiation")
                        : PyError.complex(iv, iw);
            }
            base = -base;
            negate = isOddInteger(iw);
        }
        if (base == 1.0) {
            return negate ? -1.0 : 1.0;
        }
        double result = Math.pow(base, iw);
        if (Double.isInfinite(result)) {
            throw PyError.overflow("(34, 'Numerical result out of range')");
        }
        return negate ? -result : result;
    }

    private static boolean isOddInteger(double value) {
        return Math.abs(value) % 2.0 == 1.0;
    }

    /**
     * The shortest decimal that reads back as {@code magnitude}, the closest one when several are as short. Java's
     * {@code Double.toString} gives it except where one digit would do, as for 5e-324 ({@code 4.9E-324}): it shows at
     * least two digits, and among those the closest.
     */
    private static BigDecimal shortest(double magnitude) {
        BigDecimal java = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = exact.round(new MathContext(1, mode));
            if (candidate.doubleValue() == magnitude && (best == null
                    || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }

    /** Python's {@code repr} of a float ({@code 1e+16}, {@code 0.0001}, {@code -0.0}, {@code inf}), for messages. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = Math.copySign(1.0, value) < 0 ? "-" : "";
        if (value == 0.0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale();
        int exponent = point - 1;
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}

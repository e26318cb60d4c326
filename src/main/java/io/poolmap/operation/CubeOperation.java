package io.poolmap.operation;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: x * x * x}: integers never wrap; a double is two IEEE-754 products rounded as
 * Python rounds them (which may differ by one unit in the last place from {@code x ** 3}).
 */
@Component
class CubeOperation extends ArithmeticOperation {

    @Override
    public String name() {
        return "cube";
    }

    @Override
    public String description() {
        return "x cubed (x × x × x); exact for integers of any size.";
    }

    @Override
    public Example example() {
        return new Example(List.of(2L, -3L, 0.5, 2097152L),
                List.of(8L, -27L, 0.125, new BigInteger("9223372036854775808")));
    }

    @Override
    public long costNanos() {
        return 3;
    }

    @Override
    int digitGrowth() {
        return 3;
    }

    @Override
    boolean overflows(long x) {
        return !ExactMath.productFits(x, x) || !ExactMath.productFits(x * x, x);
    }

    @Override
    long applyLong(long x) {
        return x * x * x;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.multiply(x).multiply(x);
    }

    @Override
    double applyDouble(double x) {
        return x * x * x;
    }
}

package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code abs(x)}: the absolute value of {@code Long.MIN_VALUE} becomes a big integer instead of staying negative, and {@code abs(-0.0)} is {@code 0.0}.
 */
@Component
class AbsOperation extends ArithmeticOperation {

    AbsOperation() {
        super("abs", "The absolute value of x (|x|); exact for integers of any size.",
                List.of(-7L, 3L, -0.5, Long.MIN_VALUE),
                List.of(7L, 3L, 0.5, new BigInteger("9223372036854775808")), 1, 1);
    }

    @Override
    boolean overflows(long x) {
        return x == Long.MIN_VALUE;
    }

    @Override
    long applyLong(long x) {
        return Math.abs(x);
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.abs();
    }

    @Override
    double applyDouble(double x) {
        return Math.abs(x);
    }
}

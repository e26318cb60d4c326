package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/** Python's {@code lambda x: x + 1}; {@code Long.MAX_VALUE + 1} is a big integer, not a wrapped long. */
@Component
class IncrementOperation extends ArithmeticOperation {

    IncrementOperation() {
        super("increment", "x plus one (x + 1); exact for integers of any size.",
                List.of(1L, -1L, 2.5, Long.MAX_VALUE),
                List.of(2L, 0L, 3.5, new BigInteger("9223372036854775808")), 1, 1);
    }

    @Override
    boolean overflows(long x) {
        return x == Long.MAX_VALUE;
    }

    @Override
    long applyLong(long x) {
        return x + 1;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.add(BigInteger.ONE);
    }

    @Override
    double applyDouble(double x) {
        return x + 1;
    }
}

package io.poolmap.operation;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code math.sqrt(x)}: the input is first rounded to the nearest double (as {@code float(x)}), so an
 * integer too large for a double is outside the domain, as Python raises {@code OverflowError} for it.
 */
@Component
class SqrtOperation implements Operation {

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public String description() {
        return "The square root of x as a double, as Python's math.sqrt gives it.";
    }

    @Override
    public String domain() {
        return "number x ≥ 0 (an integer must fit a double: below about 1.8 × 10^308)";
    }

    @Override
    public String limit() {
        return "none: one square root per item";
    }

    @Override
    public Example example() {
        return new Example(List.of(4L, 2L, 0.25, 0L), List.of(2.0, 1.4142135623730951, 0.5, 0.0));
    }

    @Override
    public long costNanos() {
        return 5;
    }

    @Override
    public String checkDomain(Numbers numbers, int i) {
        return switch (numbers.kind(i)) {
            case LONG -> numbers.longAt(i) >= 0 ? null : "sqrt needs a number ≥ 0";
            case DOUBLE -> numbers.doubleAt(i) >= 0 ? null : "sqrt needs a number ≥ 0";
            case BIG -> numbers.bigAt(i).signum() < 0 ? "sqrt needs a number ≥ 0"
                    : Double.isInfinite(numbers.bigAt(i).doubleValue()) ? "sqrt needs an integer that fits a double"
                    : null;
            case BOOLEAN -> "sqrt needs a number ≥ 0";
        };
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        double x = in.toDouble(i);
        if (!(x >= 0 && x <= Double.MAX_VALUE)) {
            throw new OperationException(checkDomain(in, i));
        }
        out.setDouble(i, Math.sqrt(x));
    }
}

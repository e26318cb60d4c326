package io.poolmap.operation.builtin;

import java.util.List;
import java.util.Optional;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import org.springframework.stereotype.Component;

/**
 * Python's {@code math.sqrt(x)}: the input is first rounded to the nearest double (as {@code float(x)}), so an
 * integer too large for a double is outside the domain, as Python raises {@code OverflowError} for it.
 */
@Component
class SqrtOperation implements Operation {

    private static final OperationInfo INFO = new OperationInfo("sqrt",
            "The square root of x as a double, as Python's math.sqrt gives it.", OperationKind.CPU,
            "number x ≥ 0 (an integer must fit a double: below about 1.8 × 10^308)", "none: one square root per item",
            new OperationInfo.Example(List.of(4L, 2L, 0.25, 0L), List.of(2.0, 1.4142135623730951, 0.5, 0.0)), 5);

    private static final Optional<String> NEGATIVE = Optional.of("sqrt needs a number ≥ 0");

    @Override
    public OperationInfo info() {
        return INFO;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        return switch (numbers.kind(i)) {
            case LONG -> numbers.longAt(i) >= 0 ? Optional.empty() : NEGATIVE;
            case DOUBLE -> numbers.doubleAt(i) >= 0 ? Optional.empty() : NEGATIVE;
            case BIG -> numbers.bigAt(i).signum() < 0 ? NEGATIVE
                    : Double.isInfinite(numbers.bigAt(i).doubleValue()) ? Optional.of("sqrt needs an integer that fits a double")
                    : Optional.empty();
            case BOOLEAN -> NEGATIVE;
        };
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
        out.setDouble(i, Math.sqrt(in.toDouble(i)));
    }
}

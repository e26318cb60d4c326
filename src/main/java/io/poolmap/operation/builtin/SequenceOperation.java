package io.poolmap.operation.builtin;

import java.util.List;
import java.util.Optional;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * The shape shared by the operations whose input is an index n, an integer 0 ≤ n ≤ a configured maximum
 * ({@code factorial}, {@code fibonacci}): the maximum bounds both the work and the size of the result, so
 * the domain check is the cost limit, and {@link #apply} checks it again so no caller can skip it.
 */
abstract class SequenceOperation implements Operation {

    private final int max;
    private final OperationInfo info;

    /**
     * @param max the largest n accepted
     * @param property the property that sets it, named in the operation's limit
     */
    SequenceOperation(String name, String description, List<Object> numbers, List<Object> results, long costNanos,
            int max, String property) {
        this.max = max;
        this.info = new OperationInfo(name, description, OperationKind.CPU, "integer 0 ≤ n ≤ " + max,
                "n ≤ " + max + " (" + property + ")", new OperationInfo.Example(numbers, results), costNanos);
    }

    /** Computes the value at index {@code n}, already checked to lie in 0 … max, into item {@code i} of {@code out}. */
    abstract void compute(int n, Numbers out, int i);

    @Override
    public final OperationInfo info() {
        return info;
    }

    /** Item {@code i} as an index in 0 … max, or {@code -1} when it is not one. */
    final int indexAt(Numbers numbers, int i) {
        return numbers.kind(i) == Numbers.Kind.LONG && numbers.longAt(i) >= 0 && numbers.longAt(i) <= max
                ? (int) numbers.longAt(i) : -1;
    }

    @Override
    public final Optional<String> refusal(Numbers numbers, int i) {
        return indexAt(numbers, i) >= 0 ? Optional.empty()
                : Optional.of(info.name() + " needs an integer 0 ≤ n ≤ " + max);
    }

    @Override
    public final void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
        compute(indexAt(in, i), out, i);
    }
}

package io.poolmap.operation;

/**
 * The shape shared by the operations whose input is an index n, an integer 0 ≤ n ≤ a configured maximum
 * ({@code factorial}, {@code fibonacci}): the maximum bounds both the work and the size of the result, so
 * the domain check is the cost limit, and {@link #apply} checks it again so no caller can skip it.
 */
abstract class SequenceOperation implements Operation {

    private final int max;
    private final String property;

    /**
     * @param max the largest n accepted
     * @param property the property that sets it, named in {@link #limit()}
     */
    SequenceOperation(int max, String property) {
        this.max = max;
        this.property = property;
    }

    /** Computes the value at index {@code n}, already checked to lie in 0 … max, into item {@code i} of {@code out}. */
    abstract void compute(int n, Numbers out, int i);

    /** Item {@code i} as an index in 0 … max, or {@code -1} when it is not one. */
    final int indexAt(Numbers numbers, int i) {
        return numbers.kind(i) == Numbers.Kind.LONG && numbers.longAt(i) >= 0 && numbers.longAt(i) <= max
                ? (int) numbers.longAt(i) : -1;
    }

    @Override
    public final String domain() {
        return "integer 0 ≤ n ≤ " + max;
    }

    @Override
    public final String limit() {
        return "n ≤ " + max + " (" + property + ")";
    }

    @Override
    public final String checkDomain(Numbers numbers, int i) {
        return indexAt(numbers, i) >= 0 ? null : name() + " needs an integer 0 ≤ n ≤ " + max;
    }

    @Override
    public final void apply(Numbers in, int i, Numbers out) {
        int n = indexAt(in, i);
        if (n < 0) {
            throw new OperationException(checkDomain(in, i));
        }
        compute(n, out, i);
    }
}

package io.poolmap.operation;

import java.util.List;

/**
 * One function that poolmap maps over a batch, as {@code f} in Python's {@code Pool.map(f, items)}.
 *
 * <p>An implementation is one small class, a Spring bean that {@link OperationRegistry} finds by
 * {@link #name()}. It declares its domain so that an item outside it is refused before a job is
 * created ({@link #checkDomain}), and its cost so that no request can make a worker compute for
 * hours or allocate gigabytes. {@link #apply} must be safe to call from many threads at once.
 */
public interface Operation {

    /** The name clients send, e.g. {@code square}; lower case with underscores. */
    String name();

    /** One sentence for people: what the result is. */
    String description();

    /** Whether items keep a CPU busy (the default) or wait for something else (then they run on virtual threads). */
    default OperationKind kind() {
        return OperationKind.CPU;
    }

    /** The inputs accepted, for people, e.g. {@code "integer 0 ≤ n ≤ 2000"}. */
    String domain();

    /** The cost limit that bounds one item, for people, e.g. {@code "n ≤ 2000 (poolmap.operations.factorial-max)"}. */
    String limit();

    /** A small input and the output it gives, shown in {@code GET /api/v1/operations}. */
    Example example();

    /** A rough cost of one typical item in nanoseconds, used to cut batches into chunks of similar duration. */
    long costNanos();

    /**
     * Why item {@code i} of {@code numbers} is outside this operation's domain, or {@code null} when it is
     * inside; must not compute the result, only look at the input.
     */
    String checkDomain(Numbers numbers, int i);

    /**
     * An upper estimate of the number of decimal digits of item {@code i}'s result, so that a batch whose
     * results would take gigabytes is refused before it runs; inputs that are already in the request cost
     * little, so the default is the size of a {@code long}.
     */
    default long resultDigits(Numbers numbers, int i) {
        return 20;
    }

    /**
     * An upper bound of {@link #resultDigits} over every {@code long} input, when every {@code long} is inside the
     * domain; {@code -1} (the default) when some {@code long} is not. A batch of {@code long}s then needs no check
     * item by item as long as its size times this bound stays within the limit on result digits.
     */
    default long resultDigitsOfAnyLong() {
        return -1;
    }

    /**
     * Computes item {@code i} of {@code in} into item {@code i} of {@code out}; the item has passed
     * {@link #checkDomain}. Throws {@link OperationException} when the item cannot be computed (a result
     * that is not a finite number, a cost limit reached while computing).
     *
     * @throws InterruptedException when an I/O operation's wait is interrupted because its job stopped
     */
    void apply(Numbers in, int i, Numbers out) throws InterruptedException;

    /**
     * Computes items {@code at.next()} … {@code to - 1} of {@code in} into {@code out} as {@link #apply} does, moving
     * {@code at} past each computed item and reading its stop signal before every item; an operation whose items are
     * cheap overrides it with a loop that makes no virtual call per item. When an item throws, {@code at.next()} is
     * that item.
     *
     * @throws InterruptedException when an I/O operation's wait is interrupted because its job stopped
     */
    default void applyRange(Numbers in, int to, Numbers out, ItemCursor at) throws InterruptedException {
        for (int i = at.next; i < to && !at.stopped(); at.next = ++i) {
            apply(in, i, out);
        }
    }

    /** An example call: inputs and the results they give. */
    record Example(List<Object> numbers, List<Object> results) {
    }
}

package io.poolmap.operation;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One function that poolmap maps over a batch, as {@code f} in Python's {@code Pool.map(f, items)}: the public,
 * stable interface that the built-in operations and operators' plug-ins implement.
 *
 * <p>An operation describes itself once ({@link #info()}: name, kind, domain, cost), says which inputs it refuses
 * before a job is created ({@link #refusal}), and computes items ({@link #apply}, or {@link #applyRange} for a
 * block of items). It must be a pure function of its input (a cluster may compute a chunk twice) and safe to call
 * from many threads at once; it reads and writes only through {@link Numbers}.
 */
public interface Operation {

    /** The operation's name, description, kind, domain, cost limit, example and typical cost of one item. */
    OperationInfo info();

    /** The name clients send; the same as {@code info().name()}. */
    default String name() {
        return info().name();
    }

    /**
     * Why item {@code i} of {@code numbers} is outside this operation's domain, or empty when it is inside; looks at
     * the input only, never computes the result. The default accepts every number.
     */
    default Optional<String> refusal(Numbers numbers, int i) {
        return Optional.empty();
    }

    /**
     * Throws {@link OperationException} with the {@link #refusal} of item {@code i}, if it has one: the one domain
     * check that {@link #apply} implementations call when an item could reach them unchecked.
     */
    default void requireInDomain(Numbers numbers, int i) {
        Optional<String> refused = refusal(numbers, i);
        if (refused.isPresent()) {
            throw new OperationException(refused.get());
        }
    }

    /**
     * An upper estimate of the number of decimal digits of item {@code i}'s result, so that a batch whose results
     * would take gigabytes is refused before it runs; the default is the size of a {@code long}.
     */
    default long resultDigits(Numbers numbers, int i) {
        return 20;
    }

    /**
     * An upper bound of {@link #resultDigits} over every {@code long} input, present only when every {@code long} is
     * inside the domain: a batch of {@code long}s then needs no check item by item while its size times this bound
     * stays within the limit on result digits. Empty by default.
     */
    default OptionalLong resultDigitsOfAnyLong() {
        return OptionalLong.empty();
    }

    /**
     * Computes item {@code i} of {@code in} into item {@code i} of {@code out}. Throws {@link OperationException}
     * when the item cannot be computed (outside the domain, a result that is not a finite number, a cost limit
     * reached while computing); the job then fails, naming the item.
     *
     * @throws InterruptedException when an I/O operation's wait is interrupted because its job stopped
     */
    void apply(Numbers in, int i, Numbers out) throws InterruptedException;

    /**
     * Computes items {@code at.next()} … {@code to - 1} as {@link #apply} does, moving {@code at} past each computed
     * item and reading its stop signal before every item. An operation whose items are cheap overrides it with a loop
     * that makes no virtual call per item. When an item throws, {@code at.next()} is that item.
     *
     * @throws InterruptedException when an I/O operation's wait is interrupted because its job stopped
     */
    default void applyRange(Numbers in, int to, Numbers out, ItemCursor at) throws InterruptedException {
        for (int i = at.next(); i < to && !at.stopped(); i = at.advance()) {
            apply(in, i, out);
        }
    }
}

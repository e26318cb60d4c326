package io.poolmap.operation;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an operation is, for people ({@code GET /api/v1/operations}) and for the engine (where it runs, how to cut
 * its batches); checked when it is made, so that a plug-in with a bad name or cost fails at start-up, naming it.
 *
 * @param name what clients send, lower case with digits and underscores, e.g. {@code collatz_steps}
 * @param description one sentence: what the result is
 * @param kind {@link OperationKind#CPU} (the workers) or {@link OperationKind#IO} (virtual threads)
 * @param domain the inputs accepted, for people, e.g. {@code "integer 0 ≤ n ≤ 2000"}
 * @param limit the cost limit of one item and the property that sets it, for people
 * @param example a few inputs and the results they give
 * @param costNanos a rough cost of one typical item in nanoseconds (at least 1), used to size the first chunks
 */
public record OperationInfo(String name, String description, OperationKind kind, String domain, String limit,
        Example example, long costNanos) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public OperationInfo {
        Objects.requireNonNull(name, "an operation needs a name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operation name '" + name
                    + "' must be 1 to 64 lower-case letters, digits and underscores, starting with a letter");
        }
        Objects.requireNonNull(description, () -> "operation " + name + " needs a description");
        Objects.requireNonNull(kind, () -> "operation " + name + " needs a kind (CPU or IO)");
        Objects.requireNonNull(domain, () -> "operation " + name + " needs a domain");
        Objects.requireNonNull(limit, () -> "operation " + name + " needs a limit");
        Objects.requireNonNull(example, () -> "operation " + name + " needs an example");
        if (costNanos < 1) {
            throw new IllegalArgumentException("operation " + name + ": costNanos must be at least 1, not " + costNanos);
        }
    }

    /**
     * An example call: inputs and the results they give.
     *
     * @param numbers inputs ({@code Long}, {@code Double} or {@code BigInteger})
     * @param results the results, in the same order
     */
    public record Example(List<Object> numbers, List<Object> results) {

        public Example {
            numbers = List.copyOf(numbers);
            results = List.copyOf(results);
            if (numbers.size() != results.size()) {
                throw new IllegalArgumentException("an example needs one result per input: " + numbers + " → " + results);
            }
        }
    }
}

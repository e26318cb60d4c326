package io.poolmap.job;

import java.util.Collection;
import java.util.List;

import io.poolmap.expression.ExpressionSyntaxException;

/**
 * A submission the engine refuses before a job exists, with the reason and what a client needs to act on it: the
 * request field at fault, the item's index and value, the limit passed. Refusing early is what lets every admitted
 * job run to an end.
 */
public class JobRefusedException extends RuntimeException {

    /** Why a submission was refused. */
    public enum Reason {
        /** The operation has no such name; {@link #operations()} lists the names. */
        UNKNOWN_OPERATION,
        /** The expression cannot be compiled; {@link #syntaxError()} says where and why. */
        INVALID_EXPRESSION,
        /** An item is outside the operation's domain ({@link #index()}, {@link #value()}). */
        OUTSIDE_DOMAIN,
        /** The results would pass {@code poolmap.max-result-digits} ({@link #limit()}). */
        RESULTS_TOO_LARGE,
        /** An option is out of range ({@link #field()}). */
        INVALID_OPTION,
        /** The queue has no room for the job's items now; retry later. */
        QUEUE_FULL,
        /** The heap left to work cannot hold the job's inputs and results now, or is under pressure; retry later. */
        MEMORY_FULL,
        /** The request's {@code Idempotency-Key} was used before with another request. */
        IDEMPOTENCY_KEY_REUSED,
        /** poolmap is shutting down and admits nothing. */
        SHUTTING_DOWN,
        /** The store could not write the job (a full or failing disk), so it could not be kept as promised; retry later. */
        STORE_UNAVAILABLE
    }

    private final Reason reason;
    private final String field;
    private final Integer index;
    private final Object value;
    private final Long limit;
    private final List<String> operations;

    private JobRefusedException(Reason reason, String detail, String field, Integer index, Object value, Long limit,
            Collection<String> operations) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
        this.index = index;
        this.value = value;
        this.limit = limit;
        this.operations = operations == null ? List.of() : List.copyOf(operations);
    }

    private JobRefusedException(ExpressionSyntaxException error) {
        super(error.detail(), error, false, false);
        this.reason = Reason.INVALID_EXPRESSION;
        this.field = "expression";
        this.index = null;
        this.value = null;
        this.limit = null;
        this.operations = List.of();
    }

    static JobRefusedException invalidExpression(ExpressionSyntaxException error) {
        return new JobRefusedException(error);
    }

    static JobRefusedException unknownOperation(String name, Collection<String> known) {
        return new JobRefusedException(Reason.UNKNOWN_OPERATION, "unknown operation '" + name + "'; the operations are "
                + String.join(", ", known), "operation", null, null, null, known);
    }

    static JobRefusedException outsideDomain(String operation, int index, Object value, String reason) {
        return new JobRefusedException(Reason.OUTSIDE_DOMAIN, "numbers[" + index + "] = " + value
                + " is outside the domain of " + operation + ": " + reason, "numbers", index, value, null, null);
    }

    static JobRefusedException resultsTooLarge(String operation, long digits, long limit) {
        return new JobRefusedException(Reason.RESULTS_TOO_LARGE, "the results of " + operation + " over this batch would have about "
                + digits + " digits, more than " + limit + " (poolmap.max-result-digits); split the batch",
                "numbers", null, null, limit, null);
    }

    static JobRefusedException invalidOption(String field, String detail) {
        return new JobRefusedException(Reason.INVALID_OPTION, detail, field, null, null, null, null);
    }

    static JobRefusedException queueFull(int items, long room, long capacity) {
        return new JobRefusedException(Reason.QUEUE_FULL, "the job's " + items + (items == 1 ? " item does" : " items do")
                + " not fit the " + room + " items of room left in the queue (poolmap.queue-capacity = " + capacity
                + "); retry later", null, null, null, capacity, null);
    }

    static JobRefusedException memoryFull(long bytes, long room, long capacity) {
        return new JobRefusedException(Reason.MEMORY_FULL, "the job needs about " + mb(bytes) + " of heap and " + mb(room)
                + " of the " + mb(capacity) + " that work may take (poolmap.memory.in-flight) are left; retry later",
                null, null, null, capacity, null);
    }

    static JobRefusedException memoryPressure() {
        return new JobRefusedException(Reason.MEMORY_FULL, "the heap is nearly full even after a garbage collection "
                + "(poolmap.memory.pressure-percent); retry later", null, null, null, null, null);
    }

    /** Megabytes with one decimal below 10 MB, so that a small job's need and the room left read as different. */
    private static String mb(long bytes) {
        double megabytes = Math.max(0, bytes) / (1024.0 * 1024);
        return (megabytes < 10 ? String.format(java.util.Locale.ROOT, "%.1f", megabytes) : Long.toString(Math.round(Math.floor(megabytes))))
                + " MB";
    }

    static JobRefusedException idempotencyKeyReused(String key, String jobId) {
        return new JobRefusedException(Reason.IDEMPOTENCY_KEY_REUSED, "the Idempotency-Key '" + shorten(key)
                + "' was used before with another request (it created job " + jobId + "); send a new key for a new job",
                null, null, null, null, null);
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    static JobRefusedException shuttingDown() {
        return new JobRefusedException(Reason.SHUTTING_DOWN,
                "poolmap is shutting down and accepts no new jobs; retry on another instance or after the restart",
                null, null, null, null, null);
    }

    /** The store failed to write what a job needs before its answer; {@code failure} is what it threw. */
    static JobRefusedException storeUnavailable(RuntimeException failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String why = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return new JobRefusedException(Reason.STORE_UNAVAILABLE, "the store could not write the job (" + shorten(why)
                + "), so it was not accepted; retry later or on another instance", null, null, null, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The submission's field at fault ({@code operation}, {@code numbers}, {@code timeoutMs} …), or {@code null}. */
    public String field() {
        return field;
    }

    /** The index of the item at fault, or {@code null}. */
    public Integer index() {
        return index;
    }

    /** The value of the item at fault, or {@code null}. */
    public Object value() {
        return value;
    }

    /** The limit that was passed, or {@code null}. */
    public Long limit() {
        return limit;
    }

    /** For an expression that cannot be compiled, where and why (line, column, the line with a caret); else {@code null}. */
    public ExpressionSyntaxException syntaxError() {
        return getCause() instanceof ExpressionSyntaxException error ? error : null;
    }

    /** For an unknown operation, the names there are; else empty. */
    public List<String> operations() {
        return operations;
    }
}

package io.poolmap.job;

/**
 * Why a job ended without results: kept with the job, shown as its {@code error}, and the answer to a synchronous
 * submission. The engine says what happened; the web edge decides how it looks on the wire.
 *
 * @param kind what ended the job
 * @param detail what happened, for people
 * @param index the failing item's index, or {@code null}
 * @param value the failing item's value ({@code Long}, {@code Double} or {@code BigInteger}), or {@code null}
 * @param exception the name of the exception an expression raised for the failing item ({@code ZeroDivisionError},
 *        {@code LimitError} …), or {@code null}
 */
public record JobError(Kind kind, String detail, Integer index, Object value, String exception) {

    /** What ended a job that did not succeed. */
    public enum Kind {
        /** An item could not be computed; the job FAILED. */
        ITEM_FAILED,
        /** The job reached its timeout. */
        TIMED_OUT,
        /** A client or the shutdown cancelled it. */
        CANCELLED
    }

    static JobError itemFailed(int index, Object value, String reason, String exception) {
        return new JobError(Kind.ITEM_FAILED, "numbers[" + index + "] = " + value + ": " + reason, index, value, exception);
    }

    static JobError timedOut(long timeoutMs, long completed, long total) {
        return new JobError(Kind.TIMED_OUT, "the job did not finish within " + timeoutMs + " ms; " + completed + " of "
                + total + " items were computed", null, null, null);
    }

    static JobError cancelled(String why) {
        return new JobError(Kind.CANCELLED, why, null, null, null);
    }
}

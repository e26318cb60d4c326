package io.poolmap.job;

import java.time.Duration;

/** Told of every job's life, so that metrics can count jobs without the job package knowing about them. */
public interface JobListener {

    /** A job was admitted. */
    default void submitted(String operation) {
    }

    /** A submission was refused for {@code reason} ({@code queue_full}, {@code shutting_down}). */
    default void rejected(String reason) {
    }

    /** A job ended with {@code status} after {@code duration} (from submission). */
    default void finished(String operation, JobStatus status, Duration duration) {
    }

    /** In a cluster, this member computed and stored a segment again that a member which left had claimed. */
    default void segmentRerun() {
    }
}

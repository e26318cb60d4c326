package io.poolmap.job;

/** Where a job is in its life; the last four are terminal and never change again. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }
}

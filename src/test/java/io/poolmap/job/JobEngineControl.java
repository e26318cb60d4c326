package io.poolmap.job;

/** What slice tests in other packages may do to the engine behind a controller: forget finished jobs, shut it down. */
public final class JobEngineControl {

    private final InMemoryJobStore store;
    private final JobShutdown shutdown;

    JobEngineControl(InMemoryJobStore store, JobShutdown shutdown) {
        this.store = store;
        this.shutdown = shutdown;
    }

    public void forgetFinishedJobs() {
        while (store.evictOldestFinished().isPresent()) {
            // the oldest first, until none is kept
        }
    }

    /** The graceful stop, as the application context's shutdown runs it. */
    public void shutDown() {
        shutdown.stop();
    }
}

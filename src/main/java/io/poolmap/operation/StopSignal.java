package io.poolmap.operation;

/**
 * A job's stop flag: one volatile read, cheap enough to check before every item even in a bulk loop, so that a
 * cancelled or timed-out job stops at its next item.
 */
public final class StopSignal {

    private volatile boolean stopped;

    public boolean isStopped() {
        return stopped;
    }

    public void stop() {
        stopped = true;
    }
}

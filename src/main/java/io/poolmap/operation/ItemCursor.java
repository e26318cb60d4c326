package io.poolmap.operation;

/**
 * Where a run of {@link Operation#applyRange} has got to: the next item to compute (the failing item when one
 * throws), and the job's stop signal that the run reads before every item.
 */
public final class ItemCursor {

    private final StopSignal stop;
    private int next;

    public ItemCursor(StopSignal stop, int from) {
        this.stop = stop;
        this.next = from;
    }

    /** The first item not computed yet: every item before it is done; when an item threw, that item. */
    public int next() {
        return next;
    }

    /** Marks the item at {@link #next()} as computed and returns the new {@code next()}. */
    public int advance() {
        return ++next;
    }

    /**
     * Marks every item before {@code to} as computed, for a loop that computes a block of items in one call, and
     * returns {@code to}; a cursor never moves back.
     */
    public int advanceTo(int to) {
        if (to < next) {
            throw new IllegalArgumentException("the cursor is at " + next + " and cannot move back to " + to);
        }
        next = to;
        return next;
    }

    /** Whether the job has stopped (cancelled, timed out, failed): a run checks it before every item. */
    public boolean stopped() {
        return stop.isStopped();
    }
}

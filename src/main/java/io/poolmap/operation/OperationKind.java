package io.poolmap.operation;

/** Where an operation's items run: on the core-sized worker pool, or on virtual threads. */
public enum OperationKind {
    /** Keeps a core busy; runs on the {@code worker-N} platform threads. */
    CPU,
    /** Waits (sleeps, calls out); runs on virtual threads and never occupies a CPU worker. */
    IO;

    /** The lower-case name used in JSON ({@code cpu}, {@code io}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

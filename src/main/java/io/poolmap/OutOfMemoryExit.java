package io.poolmap;

/**
 * Ends the process at the first {@link OutOfMemoryError}, as {@code -XX:+ExitOnOutOfMemoryError} does: a JVM that
 * has run out of memory may have lost any thread (Tomcat's acceptor, a worker) and go on alive but deaf, while a
 * process that exits is restarted by its supervisor and its durable jobs resume. Installed for every thread that
 * dies of it, and called by the places that catch errors on behalf of others (the request filter, the workers).
 */
public final class OutOfMemoryExit {

    /** The exit status, as the JVM's own {@code ExitOnOutOfMemoryError} uses. */
    public static final int STATUS = 3;

    private OutOfMemoryExit() {
    }

    /** Makes every thread that dies of an {@link OutOfMemoryError} end the process; other deaths are logged as before. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (causedByOutOfMemory(error)) {
                exit(thread.getName(), error);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.println("Exception in thread \"" + thread.getName() + "\"");
                error.printStackTrace();
            }
        });
    }

    /** Ends the process now if {@code error} is or was caused by an {@link OutOfMemoryError}; returns otherwise. */
    public static void exitIfOutOfMemory(Throwable error) {
        if (causedByOutOfMemory(error)) {
            exit(Thread.currentThread().getName(), error);
        }
    }

    static boolean causedByOutOfMemory(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Halts without running shutdown hooks, which could need memory too; writes one line without allocating much. */
    private static void exit(String thread, Throwable error) {
        exit(thread, String.valueOf(error));
    }

    /** Halts, saying which thread met the error ({@code what}): for the error seen in a log event. */
    static void exit(String thread, String what) {
        try {
            System.err.println("poolmap: out of memory in thread " + thread + " (" + what + "); exiting with status "
                    + STATUS + " so that a supervisor restarts it");
        } finally {
            Runtime.getRuntime().halt(STATUS);
        }
    }
}

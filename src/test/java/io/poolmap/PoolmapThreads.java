package io.poolmap;

import java.util.Set;
import java.util.stream.Collectors;

/** The live platform threads that poolmap starts ({@code worker-N}, {@code poolmap-*}), for tests that check none leaked. */
public final class PoolmapThreads {

    private PoolmapThreads() {
    }

    public static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().matches("worker-\\d+") || thread.getName().startsWith("poolmap-"))
                .collect(Collectors.toSet());
    }

    /** The threads alive now that were not alive in {@code before}, by name. */
    public static Set<String> startedSince(Set<Thread> before) {
        return alive().stream().filter(thread -> !before.contains(thread)).map(Thread::getName).collect(Collectors.toSet());
    }
}

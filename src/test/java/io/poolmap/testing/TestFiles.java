package io.poolmap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes what a test wrote, so that no run leaves anything behind (a store left in {@code /tmp} by each run once
 * filled CI's disk). A deletion that fails throws: a silent leak is how the disk filled. Call it where Java or JUnit
 * keep the test's own failure first and add this one as suppressed (a {@code close()} of a try-with-resources, an
 * {@code @AfterEach}), never from a {@code finally} block, whose exception would replace the test's.
 */
public final class TestFiles {

    private TestFiles() {
    }

    /** Deletes {@code path} and, if it is a directory, everything under it (links are deleted, not followed); nothing if it is not there. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}

package io.poolmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure that the store's directory holds a poolmap store before Infinispan opens it: a path that is a file,
 * cannot be written, is another program's non-empty directory or holds a store of another format stops the start
 * with a message naming {@code poolmap.store.path}, rather than Infinispan mixing its files into it.
 *
 * <p>A new store gets a marker file, {@value #MARKER}, with the format of the stored records; a missing directory is
 * created (a first start) and logged, so that a volume that was not mounted shows in the log.
 */
final class StoreDirectory {

    static final String MARKER = "poolmap-store.properties";
    static final String FORMAT = "1";

    private static final Logger log = LoggerFactory.getLogger(StoreDirectory.class);

    private StoreDirectory() {
    }

    /** The directory as an absolute path, created and marked if it is new. */
    static Path prepare(Path path) {
        Path directory = path.toAbsolutePath().normalize();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StoreException("poolmap.store.path " + directory + " is not a directory");
        }
        try {
            Files.createDirectories(directory);
            Path marker = directory.resolve(MARKER);
            if (Files.exists(marker)) {
                checkFormat(directory, marker);
                if (!Files.isWritable(directory)) {
                    throw new StoreException("poolmap.store.path " + directory + " cannot be written");
                }
            } else if (isEmpty(directory)) {
                writeMarker(marker);
                log.info("created a new, empty store in {} (poolmap.store.path)", directory);
            } else {
                throw new StoreException("poolmap.store.path " + directory + " is not empty and holds no poolmap store (no " + MARKER
                        + "): give poolmap a directory of its own");
            }
        } catch (IOException | SecurityException e) {
            throw new StoreException("poolmap.store.path " + directory + " cannot be created or written: " + e, e);
        }
        return directory;
    }

    private static void checkFormat(Path directory, Path marker) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            properties.load(in);
        }
        String format = properties.getProperty("format");
        if (!FORMAT.equals(format)) {
            throw new StoreException("poolmap.store.path " + directory + " holds a store of format " + format + ", and this poolmap reads format "
                    + FORMAT + " (see " + MARKER + ")");
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Written to a temporary file and moved, so that a crash never leaves half a marker. */
    private static void writeMarker(Path marker) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("created", Instant.now().toString());
        Path temporary = Files.createTempFile(marker.getParent(), ".marker", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "poolmap's durable store: Infinispan's global state and one file store per cache");
        }
        Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE);
    }
}

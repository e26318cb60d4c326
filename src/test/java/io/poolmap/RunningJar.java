package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.poolmap.testing.TestFiles;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The repackaged jar as a real process on a free port (Tomcat picks it, the log tells it), for integration tests
 * that need poolmap exactly as it ships: its static files, its security, its start-up. Stopped with SIGTERM, then
 * killed if it lingers. Each process has a directory of its own, deleted by {@link #close()} once the process has
 * ended: its log, its {@code java.io.tmpdir} (where Tomcat puts its work directories, which a killed process leaves)
 * and, unless the caller brings a store, its store.
 */
final class RunningJar implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(90);

    /** The jar's maximum heap: {@code poolmap.jar.heap}, 256m unless a benchmark asks for another. */
    static final String HEAP = System.getProperty("poolmap.jar.heap", "256m");

    private final Process process;
    private final Path directory;
    private final Path log;
    private final int port;

    private RunningJar(Process process, Path directory) throws IOException {
        this.process = process;
        this.directory = directory;
        this.log = directory.resolve("jar.log");
        this.port = awaitPort();
    }

    /** Starts the jar with these arguments (e.g. {@code --poolmap.workers=3}) and a store of its own, and waits until it listens. */
    static RunningJar start(String... arguments) throws IOException {
        return start(null, arguments);
    }

    /**
     * Starts the jar on the store in {@code store} (to restart a process where another left off), and waits until it
     * listens. That store is the caller's to delete; {@code null} gives the process a store of its own.
     */
    static RunningJar start(Path store, String... arguments) throws IOException {
        Path jar = Paths.get(System.getProperty("poolmap.jar", "target/poolmap-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the repackaged jar (run this test in the integration-test phase)").exists();
        Path directory = Files.createTempDirectory("poolmap-jar-");
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + HEAP,
                    "-Djava.io.tmpdir=" + Files.createDirectory(directory.resolve("tmp")), "-jar", jar.toString(), "--server.port=0",
                    "--poolmap.store.path=" + (store == null ? directory.resolve("store") : store)));
            command.addAll(List.of(arguments));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(directory.resolve("jar.log").toFile()).start();
            return new RunningJar(process, directory);
        } catch (IOException | RuntimeException | Error notListening) {
            // the failure says why (with the log); a failure to clean up after it is added to it, never put in its place
            try {
                if (process != null) {
                    end(process);
                }
                TestFiles.deleteRecursively(directory);
            } catch (IOException | RuntimeException cleanup) {
                notListening.addSuppressed(cleanup);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                notListening.addSuppressed(interrupted);
            }
            throw notListening;
        }
    }

    /** {@code http://localhost:<port>}. */
    String baseUrl() {
        return "http://localhost:" + port;
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The process, to check it is alive, to kill it or to ask its JVM for a collection ({@code jcmd <pid> GC.run}). */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** What the process has printed so far (until {@link #close()}, which deletes it). */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the process if it still runs and, once it has ended, deletes its directory; a second call does nothing more. */
    @Override
    public void close() throws IOException, InterruptedException {
        end(process);
        TestFiles.deleteRecursively(directory);
    }

    private static void end(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private int awaitPort() throws IOException {
        try {
            return await().atMost(START).pollInterval(Duration.ofMillis(100)).until(this::portFromLog, found -> found > 0);
        } catch (ConditionTimeoutException silent) {
            throw new AssertionError("the jar does not say its port within %d s; its log:%n%s".formatted(START.toSeconds(), log()), silent);
        }
    }

    private int portFromLog() throws IOException {
        assertThat(process.isAlive()).as("the jar is running; its log:%n%s", log()).isTrue();
        Matcher matcher = PORT.matcher(log());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}

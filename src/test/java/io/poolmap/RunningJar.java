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

/**
 * The repackaged jar as a real process on a free port (Tomcat picks it, the log tells it), for integration tests
 * that need poolmap exactly as it ships: its static files, its security, its start-up. Stopped with SIGTERM, then
 * killed if it lingers.
 */
final class RunningJar implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    /** The jar's maximum heap: {@code poolmap.jar.heap}, 256m unless a benchmark asks for another. */
    static final String HEAP = System.getProperty("poolmap.jar.heap", "256m");

    private final Process process;
    private final Path log;
    private final int port;

    private RunningJar(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.port = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(this::portFromLog, found -> found > 0);
    }

    /** Starts the jar with these arguments (e.g. {@code --poolmap.workers=3}) and a store of its own, and waits until it listens. */
    static RunningJar start(String... arguments) throws IOException {
        return start(Files.createTempDirectory("poolmap-store-"), arguments);
    }

    /** Starts the jar on the store in {@code store} (to restart a process where another left off), and waits until it listens. */
    static RunningJar start(Path store, String... arguments) throws IOException {
        Path jar = Paths.get(System.getProperty("poolmap.jar", "target/poolmap-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the repackaged jar (run this test in the integration-test phase)").exists();
        Path log = Files.createTempFile("poolmap-jar-", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + HEAP, "-jar",
                jar.toString(), "--server.port=0", "--poolmap.store.path=" + store));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RunningJar(process, log);
    }

    /** {@code http://localhost:<port>}. */
    String baseUrl() {
        return "http://localhost:" + port;
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The process, to check it is alive or to ask its JVM for a collection ({@code jcmd <pid> GC.run}). */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** What the process has printed so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    private int portFromLog() throws IOException {
        assertThat(process.isAlive()).as("the jar is running; its log:%n%s", log()).isTrue();
        Matcher matcher = PORT.matcher(log());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}

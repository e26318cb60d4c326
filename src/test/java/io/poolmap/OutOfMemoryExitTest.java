package io.poolmap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A real JVM that runs out of memory in a thread ends with status 3 instead of living on without that thread. */
class OutOfMemoryExitTest {

    /** Runs in the child JVM: a thread fills a 32 MB heap while main would wait for ever. */
    public static void main(String[] args) throws InterruptedException {
        OutOfMemoryExit.install();
        if (args.length > 0 && args[0].equals("logged")) {
            OutOfMemoryLogWatch.install();
            Thread.ofPlatform().name("library").start(() -> {
                try {
                    throw new OutOfMemoryError("Java heap space");
                } catch (OutOfMemoryError caught) { // as a library does on its own thread: log it and go on
                    org.slf4j.LoggerFactory.getLogger("a.library").error("ISPN000136: Error executing command {}", "RemoveCommand",
                            new IllegalStateException("wrapped", caught));
                }
            });
            new CountDownLatch(1).await(); // waits for ever: only the exit under test ends this JVM
        }
        Thread.ofPlatform().name("filler").start(() -> {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 16]);
            }
        });
        new CountDownLatch(1).await(); // waits for ever: only the exit under test ends this JVM
    }

    @Test
    void aThreadThatDiesOfOutOfMemoryEndsTheProcessWithStatusThree() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                OutOfMemoryExitTest.class.getName()).redirectErrorStream(true).start();

        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // so that its output ends and can be read
        }
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(ended).as("the child ended by itself").isTrue();
        assertThat(child.exitValue()).isEqualTo(OutOfMemoryExit.STATUS);
        assertThat(output).contains("out of memory in thread filler");
    }

    @Test
    void anOutOfMemoryErrorThatALibraryCatchesAndLogsEndsTheProcessWithStatusThree() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutOfMemoryExitTest.class.getName(), "logged").redirectErrorStream(true).start();

        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // so that its output ends and can be read
        }
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(ended).as("the child ended by itself; it printed:%n%s", output).isTrue();
        assertThat(child.exitValue()).isEqualTo(OutOfMemoryExit.STATUS);
        assertThat(output).contains("out of memory in thread library");
    }

    @Test
    void anOutOfMemoryErrorIsFoundAmongTheCauses() {
        assertThat(OutOfMemoryExit.causedByOutOfMemory(new RuntimeException(new OutOfMemoryError("heap")))).isTrue();
        assertThat(OutOfMemoryExit.causedByOutOfMemory(new RuntimeException(new IllegalStateException()))).isFalse();
    }
}

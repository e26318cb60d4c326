package io.poolmap.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.operation.Numbers;

/**
 * A single node's store in a process of its own, for {@link StoreKillIT} to kill with SIGKILL: it writes {@code jobs}
 * jobs and a result chunk for each, prints {@code WRITTEN} once every write has returned, and then waits to be killed.
 *
 * <p>Arguments: {@code <store path> <jobs to write>}.
 */
final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path path = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        Store store = Store.open(StoreProperties.at(path), ClusterProperties.standalone());
        for (int i = 0; i < jobs; i++) {
            store.jobs().put("job-" + i, StoredJobs.aRunningJob("job-" + i, i));
            store.results().put(new ChunkKey("job-" + i, 0), PackedChunk.of(expectedResults(i), 0, 1000));
        }
        System.out.println("WRITTEN " + jobs);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
        store.close();
    }

    /** The results that {@link #main} writes for job {@code i}, for the test to compare with. */
    static Numbers expectedResults(int i) {
        long[] values = new long[1000];
        for (int k = 0; k < values.length; k++) {
            values[k] = (long) i * 1_000_003L * k - k;
        }
        return Numbers.ofLongs(values);
    }

    /** The command that runs this class in a new JVM with the test class path and {@code tmp} as its {@code java.io.tmpdir}. */
    static List<String> command(Path tmp, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), StoreProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}

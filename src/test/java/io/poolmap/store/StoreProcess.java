package io.poolmap.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import io.poolmap.operation.Numbers;

/**
 * A store in a process of its own, for {@link StoreKillIT} to kill with SIGKILL: it opens the store (alone, or as a
 * cluster member when given a bind address and members), writes {@code jobs} jobs and result chunks when asked,
 * prints {@code WRITTEN} once every write has returned, and then waits to be killed.
 *
 * <p>Arguments: {@code <store path> <jobs to write> [<bind host:port> <members host:port,...>]}.
 */
final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path path = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        ClusterProperties cluster = args.length < 4 ? ClusterProperties.standalone()
                : ClusterProperties.staticMembers(HostPort.of(args[2]), Arrays.stream(args[3].split(",")).map(HostPort::of).toList(),
                        Duration.ofSeconds(2));
        Store store = Store.open(StoreProperties.at(path), cluster);
        for (int i = 0; i < jobs; i++) {
            store.jobs().put("job-" + i, StoredJobs.aRunningJob("job-" + i, i));
            store.results().put(new ChunkKey("job-" + i, 0), PackedChunk.of(expectedResults(i), 0, 1000));
        }
        System.out.println("MEMBERS " + String.join(",", store.members()));
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

    /** The command that runs this class in a new JVM with the test class path. */
    static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}

package io.poolmap.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import io.poolmap.operation.Numbers;

/**
 * The store's figures, printed (not asserted): a cold and a warm start of a single node's store, 1M longs written and
 * read back as 64 packed chunks alone and over a two-member cluster on loopback, and what they cost on the heap.
 * Run in a fresh JVM, so that the first start is a cold one:
 * {@code ./mvnw -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp}
 * then {@code java -Xmx1g -cp target/test-classes:target/classes:$(cat target/bench-cp) io.poolmap.store.StoreFigures}.
 */
public final class StoreFigures {

    private static final int ITEMS = 1_000_000;
    private static final int CHUNKS = 64;
    private static final int ROUNDS = 5;

    private StoreFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("poolmap-store-figures");
        long[] squares = new long[ITEMS];
        Arrays.setAll(squares, i -> (long) (i + 1) * (i + 1));
        Numbers results = Numbers.ofLongs(squares);

        long cold = timeMillis(() -> Store.open(StoreProperties.at(root.resolve("cold")), ClusterProperties.standalone()).close());
        System.out.printf("start, cold (first in this JVM, new directory): %d ms%n", cold);
        System.out.printf("start, warm, new directory: %d ms (median of %d)%n", median(i -> timeMillis(() ->
                Store.open(StoreProperties.at(root.resolve("new-" + i)), ClusterProperties.standalone()).close())), ROUNDS);
        System.out.printf("start, warm, existing store: %d ms (median of %d)%n", median(i -> timeMillis(() ->
                Store.open(StoreProperties.at(root.resolve("cold")), ClusterProperties.standalone()).close())), ROUNDS);

        long heapBefore = usedHeapAfterGc();
        try (Store store = Store.open(StoreProperties.at(root.resolve("local")), ClusterProperties.standalone())) {
            System.out.printf("local: write 1M longs as %d chunks %d ms, read back %d ms (medians of %d)%n", CHUNKS,
                    median(i -> timeMillis(() -> write(store, results, "job-" + i))), median(i -> timeMillis(() -> read(store, "job-" + i))), ROUNDS);
            System.out.printf("heap held by %d jobs of 1M results in the store: %.1f MB (%.1f bytes an item)%n", ROUNDS,
                    (usedHeapAfterGc() - heapBefore) / 1e6, (usedHeapAfterGc() - heapBefore) / (double) (ROUNDS * ITEMS));
        }
        try (Store store = Store.open(StoreProperties.at(root.resolve("local")), ClusterProperties.standalone())) {
            System.out.printf("local, after a restart (from the files): read back %d ms (median of %d)%n",
                    median(i -> timeMillis(() -> read(store, "job-" + i))), ROUNDS);
        }

        int port = freePort(21_000);
        List<HostPort> members = List.of(new HostPort("127.0.0.1", port), new HostPort("127.0.0.1", freePort(port + 1)));
        Store first = member(root, members, 0);
        try (first; Store second = CompletableFuture.supplyAsync(() -> member(root, members, 1)).join()) {
            System.out.printf("2 members: write 1M longs as %d chunks %d ms, read back on the other member %d ms (medians of %d)%n", CHUNKS,
                    median(i -> timeMillis(() -> write(first, results, "job-" + i))), median(i -> timeMillis(() -> read(second, "job-" + i))), ROUNDS);
        }
    }

    private static void write(Store store, Numbers results, String job) {
        int size = ITEMS / CHUNKS + 1;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            int from = Math.min(ITEMS, chunk * size);
            store.results().put(new ChunkKey(job, chunk), PackedChunk.of(results, from, Math.min(ITEMS, from + size)));
        }
    }

    private static void read(Store store, String job) {
        Numbers back = Numbers.ofLongs(new long[ITEMS]);
        int size = ITEMS / CHUNKS + 1;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            store.results().get(new ChunkKey(job, chunk)).unpackInto(back, Math.min(ITEMS, chunk * size));
        }
        if (back.longAt(ITEMS - 1) != (long) ITEMS * ITEMS) {
            throw new IllegalStateException("read back wrong results for " + job);
        }
    }

    private static Store member(Path root, List<HostPort> members, int index) {
        return Store.open(StoreProperties.at(root.resolve("member-" + index)),
                ClusterProperties.staticMembers(members.get(index), members, Duration.ofSeconds(5)));
    }

    private static long timeMillis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(java.util.function.IntToLongFunction round) {
        long[] times = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            times[i] = round.applyAsLong(i);
        }
        Arrays.sort(times);
        return times[ROUNDS / 2];
    }

    private static long usedHeapAfterGc() {
        LongSupplier used = () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return used.getAsLong();
    }

    private static int freePort(int from) throws IOException {
        for (int port = from; port < 22_000; port++) {
            try (ServerSocket socket = new ServerSocket(); ServerSocket detection = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                detection.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 100));
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port pair from " + from + " to 22000");
    }
}

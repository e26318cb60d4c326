package io.poolmap;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a soak looks like from outside, every 10 s, as one tab-separated line: answered requests by kind, the heap in
 * use, the process's resident memory and its GC pauses. For {@code bench/soak}'s table; the test asserts nothing on
 * it. A scrape that is not answered within 5 s is written as such: that is what a deaf process looks like.
 */
final class SoakSamples implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$");
    private static final Pattern PAUSES = Pattern.compile("(?m)^jvm_gc_pause_seconds_(count|sum)\\{[^}]*} (\\S+)$");
    private static final Pattern LONGEST = Pattern.compile("(?m)^jvm_gc_pause_seconds_max\\{[^}]*} (\\S+)$");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    private final RunningJar jar;
    private final Map<Integer, AtomicLong> statuses;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread sampler;
    private final long start = System.nanoTime();
    private long answeredBefore;
    private long refusedBefore;
    private double pausesBefore;
    private double pauseSecondsBefore;

    private SoakSamples(RunningJar jar, Map<Integer, AtomicLong> statuses, Path file) throws IOException {
        this.jar = jar;
        this.statuses = statuses;
        this.out = new PrintWriter(Files.newBufferedWriter(file), true);
        out.println("t_s\tanswered\t503_429\theap_mb\trss_mb\tgc_pauses\tgc_pause_ms\tgc_longest_ms");
        this.sampler = Thread.ofVirtual().name("soak-samples").start(this::run);
    }

    /** Samples into the file that {@code poolmap.soak.samples} names, or does nothing when it names none. */
    static AutoCloseable startIfAsked(RunningJar jar, Map<Integer, AtomicLong> statuses) throws IOException {
        String file = System.getProperty("poolmap.soak.samples");
        return file == null ? () -> { } : new SoakSamples(jar, statuses, Path.of(file));
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(EVERY);
                sample();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() throws InterruptedException {
        long answered = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        long refused = count(503) + count(429);
        String scrape = scrape();
        StringBuilder line = new StringBuilder().append((System.nanoTime() - start) / 1_000_000_000L)
                .append('\t').append(answered - answeredBefore).append('\t').append(refused - refusedBefore);
        answeredBefore = answered;
        refusedBefore = refused;
        if (scrape == null) {
            line.append("\tno answer in 5 s\t").append(rssMegabytes()).append("\t\t\t");
        } else {
            double pauses = sum(PAUSES, scrape, "count");
            double pauseSeconds = sum(PAUSES, scrape, "sum");
            line.append('\t').append(Math.round(sum(HEAP, scrape, null) / (1 << 20))).append('\t').append(rssMegabytes())
                    .append('\t').append(Math.round(pauses - pausesBefore))
                    .append('\t').append(Math.round((pauseSeconds - pauseSecondsBefore) * 1000))
                    .append('\t').append(Math.round(longest(scrape) * 1000));
            pausesBefore = pauses;
            pauseSecondsBefore = pauseSeconds;
        }
        out.println(line);
    }

    private long count(int status) {
        AtomicLong counted = statuses.get(status);
        return counted == null ? 0 : counted.get();
    }

    private String scrape() throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jar.uri("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : null;
        } catch (IOException unanswered) {
            return null;
        }
    }

    private String rssMegabytes() {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(jar.process().pid()), "status")));
            return rss.find() ? Long.toString(Long.parseLong(rss.group(1)) / 1024) : "?";
        } catch (IOException gone) {
            return "gone";
        }
    }

    private static double sum(Pattern pattern, String scrape, String kind) {
        Matcher matcher = pattern.matcher(scrape);
        double total = 0;
        while (matcher.find()) {
            if (kind == null) {
                total += Double.parseDouble(matcher.group(1));
            } else if (matcher.group(1).equals(kind)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private static double longest(String scrape) {
        Matcher matcher = LONGEST.matcher(scrape);
        double longest = 0;
        while (matcher.find()) {
            longest = Math.max(longest, Double.parseDouble(matcher.group(1)));
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        out.close();
    }
}

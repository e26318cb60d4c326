package io.poolmap;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.poolmap.store.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cluster as a user runs it: three real jars on loopback, each with its own store and JGroups port. {@code kill -9}
 * of a member computing a big {@code collatz_steps} job's segments, and the job still ends SUCCEEDED with exact results,
 * the others having computed its segment again; a member started again while a job runs computes segments of it; a
 * second job has items computed by the workers of all three, and ends SUCCEEDED and exact after the member that
 * accepted it is killed. Asserts on results and worker names, never on time; the time from each kill to the job's end
 * is printed. Every member started is stopped, and its directory and store deleted, when the test ends.
 */
class ClusterIT {

    /** 90-digit inputs, as DurabilityIT's: each item takes collatz_steps long enough that the job runs for seconds. */
    private static final BigInteger BASE = BigInteger.TEN.pow(89).add(new BigInteger("987654321098765432109876543"));
    private static final int ITEMS = 36_000;
    private static final int PRIMES = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern RERUN = Pattern.compile("(?m)^poolmap_segments_rerun_total(?:\\{[^}]*})? ([0-9.Ee+-]+)$");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Integer> ports = List.of(FreePorts.forMember(), FreePorts.forMember(), FreePorts.forMember());
    private final RunningJar[] members = new RunningJar[3];
    /** Every member started, the killed and replaced ones too: each is closed, which deletes its directory. */
    private final List<RunningJar> started = new CopyOnWriteArrayList<>();

    /** The members' stores, one directory each, deleted by JUnit after {@link #stopEveryMemberStarted()}. */
    @TempDir
    Path stores;

    @AfterEach
    void stopEveryMemberStarted() throws Exception {
        Exception failed = null;
        for (RunningJar member : started) {
            try {
                member.close();
            } catch (Exception notClosed) { // the other members are stopped all the same
                if (failed == null) {
                    failed = notClosed;
                } else {
                    failed.addSuppressed(notClosed);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Test
    void aBigJobIsComputedByAllMembersSurvivesTheKillOfAnyAndAMemberThatJoinsTakesSegments() throws Exception {
        List<CompletableFuture<RunningJar>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int member = i;
            starting.add(CompletableFuture.supplyAsync(() -> start(member)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join(); // none still starting when the tear-down stops them
        for (int i = 0; i < 3; i++) {
            members[i] = starting.get(i).join();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(health(members[0]).at("/components/cluster/details/size").asInt()).isEqualTo(3));

        // a member is killed as soon as it computes a segment, early in the job: the others compute that segment again
        // (killed near the job's end, it may have stored its last segment already, and nothing is left to compute again)
        String first = submit(members[0]);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> computingFor(members[2], first));
        long killedAt = System.nanoTime();
        kill(2);
        JsonNode ended = join(members[1], first);
        System.out.printf("ClusterIT: kill -9 of a computing member -> job SUCCEEDED %.1f s later%n", (System.nanoTime() - killedAt) / 1e9);
        assertExact(ended);
        assertThat(computedBy(members[1], first)).as("items' workers").contains(name(0), name(1));
        assertThat(reruns(members[0]) + reruns(members[1])).as("segments computed again after the kill").isPositive();

        // a member that joins in the middle of a job takes segments of it; the job is then cancelled on that member
        String joined = submit(members[0], primesBody());
        members[2] = start(2);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> computingFor(members[2], joined));
        HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(members[2].uri("/api/v1/jobs/" + joined)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("status").asString()).as("the job, cancelled on the member that joined")
                .isEqualTo("CANCELLED");
        for (int member = 0; member < 2; member++) {
            assertThat(json.readTree(get(members[member], "/api/v1/jobs/" + joined + "?wait=60s").body()).get("status").asString())
                    .as("the job on member %d", member).isEqualTo("CANCELLED");
        }

        // the member that accepted a job is killed: the others end it
        await().atMost(WAIT).untilAsserted(() -> assertThat(health(members[0]).at("/components/cluster/details/size").asInt()).isEqualTo(3));
        String second = submit(members[0]);
        awaitComputedByAll(members[1], second);
        killedAt = System.nanoTime();
        kill(0);
        ended = join(members[2], second);
        System.out.printf("ClusterIT: kill -9 of the submitting member -> job SUCCEEDED %.1f s later%n", (System.nanoTime() - killedAt) / 1e9);
        assertExact(ended);
        assertThat(computedBy(members[2], second)).as("items' workers").containsExactlyInAnyOrder(name(0), name(1), name(2));
        assertThat(json.readTree(get(members[1], "/api/v1/jobs/" + second).body()).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    private RunningJar start(int member) {
        String all = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        try {
            RunningJar jar = RunningJar.start(stores.resolve("member-" + member), "--poolmap.workers=2", "--poolmap.cluster.enabled=true",
                    "--poolmap.cluster.bind=127.0.0.1:" + ports.get(member), "--poolmap.cluster.members=" + all);
            started.add(jar);
            return jar;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void kill(int member) throws Exception {
        members[member].process().destroyForcibly();
        assertThat(members[member].process().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private String name(int member) {
        return "127.0.0.1:" + ports.get(member);
    }

    private String submit(RunningJar member) throws Exception {
        StringBuilder body = new StringBuilder("{\"operation\":\"collatz_steps\",\"async\":true,\"numbers\":[");
        for (int i = 0; i < ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append(BASE.add(BigInteger.valueOf(i)));
        }
        return submit(member, body.append("]}").toString());
    }

    /**
     * {@code is_prime} of one 300-digit prime, 16 segments of 1,024 items: minutes of work for four workers, so that it
     * still runs when a member that starts after it has joined.
     */
    private static String primesBody() {
        String prime = BigInteger.TEN.pow(299).nextProbablePrime().toString();
        StringBuilder body = new StringBuilder("{\"operation\":\"is_prime\",\"async\":true,\"numbers\":[");
        for (int i = 0; i < PRIMES; i++) {
            body.append(i == 0 ? "" : ",").append(prime);
        }
        return body.append("]}").toString();
    }

    private String submit(RunningJar member, String body) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(member.uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return json.readTree(accepted.body()).get("id").asString();
    }

    /** Waits until the job's record says that workers of all three members have stored segments. */
    private void awaitComputedByAll(RunningJar asked, String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode job = json.readTree(get(asked, "/api/v1/jobs/" + id).body());
            Set<String> members = new TreeSet<>();
            job.get("workers").propertyNames().forEach(worker -> members.add(worker.substring(0, worker.indexOf('/'))));
            assertThat(members).containsExactlyInAnyOrder(name(0), name(1), name(2));
            assertThat(job.get("status").asString()).isEqualTo("RUNNING");
        });
    }

    /** Whether a worker of the member is computing a chunk of the job now: it holds a claim on one of its segments. */
    private boolean computingFor(RunningJar member, String id) throws Exception {
        for (JsonNode worker : json.readTree(get(member, "/actuator/workers").body()).get("workers")) {
            if ("BUSY".equals(worker.get("state").asString()) && id.equals(worker.get("currentJob").asString())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode join(RunningJar survivor, String id) throws Exception {
        JsonNode job = json.readTree(get(survivor, "/api/v1/jobs/" + id + "?wait=60s").body());
        for (int attempt = 0; attempt < 2 && !"SUCCEEDED".equals(job.get("status").asString()); attempt++) {
            job = json.readTree(get(survivor, "/api/v1/jobs/" + id + "?wait=60s").body());
        }
        assertThat(job.get("status").asString()).as("job %s on the survivor", id).isEqualTo("SUCCEEDED");
        return job;
    }

    private void assertExact(JsonNode job) {
        JsonNode results = job.get("results");
        assertThat(results.size()).isEqualTo(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            assertThat(results.get(i).asLong()).as("item %d", i).isEqualTo(collatzSteps(BASE.add(BigInteger.valueOf(i))));
        }
        assertThat(job.at("/progress/completed").asLong()).isEqualTo(ITEMS);
    }

    /** The members whose workers computed the job's items, from every item's worker name. */
    private Set<String> computedBy(RunningJar asked, String id) throws Exception {
        Set<String> members = new TreeSet<>();
        for (int offset = 0; offset < ITEMS; offset += 10_000) {
            JsonNode page = json.readTree(get(asked, "/api/v1/jobs/" + id + "/items?offset=" + offset + "&limit=10000").body());
            for (JsonNode item : page.get("items")) {
                String worker = item.get("worker").asString();
                assertThat(worker).as("item %d's worker", item.get("index").asInt()).matches("127\\.0\\.0\\.1:\\d+/worker-[12]");
                members.add(worker.substring(0, worker.indexOf('/')));
            }
        }
        return members;
    }

    private double reruns(RunningJar member) throws Exception {
        Matcher rerun = RERUN.matcher(get(member, "/actuator/prometheus").body());
        assertThat(rerun.find()).as("poolmap_segments_rerun_total on %s", member.baseUrl()).isTrue();
        return Double.parseDouble(rerun.group(1));
    }

    private JsonNode health(RunningJar member) throws Exception {
        return json.readTree(get(member, "/actuator/health").body());
    }

    /** Collatz steps of {@code n}, the reference the cluster's results are checked against. */
    private static long collatzSteps(BigInteger n) {
        long steps = 0;
        while (!n.equals(BigInteger.ONE)) {
            n = n.testBit(0) ? n.multiply(BigInteger.valueOf(3)).add(BigInteger.ONE) : n.shiftRight(1);
            steps++;
        }
        return steps;
    }

    private HttpResponse<String> get(RunningJar jar, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(jar.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

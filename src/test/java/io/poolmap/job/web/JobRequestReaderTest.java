package io.poolmap.job.web;

import static io.poolmap.job.web.StrictJson.assertSameRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.poolmap.operation.Numbers;
import io.poolmap.web.ProblemException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/**
 * {@link JobRequestReader} against poolmap's strict Jackson mapper, over edge and seeded random bodies: for every
 * body the reader either declines or reads the request Jackson reads, field by field and number by number (kind and
 * value, doubles to the bit); and it does take the common bodies, so that a reader that always declines fails here.
 */
class JobRequestReaderTest {

    private static final StrictJson DEFAULTS = StrictJson.with("poolmap.max-batch-size=1000000", "poolmap.queue-capacity=1000000");
    private static final StrictJson TIGHT = StrictJson.with("poolmap.max-batch-size=20", "poolmap.queue-capacity=20",
            "poolmap.max-digits=30", "poolmap.request.max-string-length=64");

    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "7", "10", "100", "123456789012345678", "-123456789012345678",
            "999999999999999999", "1000000000000000000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "99999999999999999999", "-99999999999999999999",
            "1" + "0".repeat(29), "1" + "0".repeat(30), "9".repeat(300), "-" + "9".repeat(300), "0.0", "-0.0", "0e0", "-0e-0", "0E+0",
            "1e2", "1E2", "1e-2", "1.5e+3", "-2.5E-3", "0.1", "0.30000000000000001665", "3.141592653589793238462643383279",
            "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-1e-400", "2.2250738585072011e-308",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "-1e309", "1E400",
            "123456789012345678901234567890.5", "9007199254740993", "9007199254740993.0", "1.00000000000000011102230246251565404236316680908203125",
            "01", "-01", "00", "1.", "-", "-.5", ".5", "+1", "1.e2", "1e", "1e+", "1e-", "NaN", "-NaN", "Infinity", "-Infinity", "0x10", "1_0",
            "\"1\"", "true", "null", "[]", "[1]", "{}", "1 2", "- 1", "1,", "1.5.5", "1e5e5", "\u00bd");

    @Test
    void theCommonBodiesAreTakenByTheFastPath() {
        byte[] tiny = "{\"operation\":\"square\",\"numbers\":[1,2,3,4,5]}".getBytes(StandardCharsets.US_ASCII);
        assertAgrees(DEFAULTS, tiny, "tiny", true);
        assertAgrees(DEFAULTS, "{\"expression\":\"x**2 + 3*x + 1\",\"numbers\":[1.5,-2,3e3],\"parallelism\":4,\"chunkSize\":100,\"timeoutMs\":10000,\"async\":true}"
                .getBytes(StandardCharsets.US_ASCII), "every field", true);
        assertAgrees(DEFAULTS, " {\n  \"numbers\" : [ 1 , 2 ] ,\n  \"operation\" : null ,\"async\":false\r\n}\t".getBytes(StandardCharsets.US_ASCII),
                "whitespace everywhere", true);
        StringBuilder million = new StringBuilder("{\"operation\":\"square\",\"numbers\":[");
        for (int i = 1; i <= 1_000_000; i++) {
            million.append(i == 1 ? "" : ",").append(i);
        }
        assertAgrees(DEFAULTS, million.append("]}").toString().getBytes(StandardCharsets.US_ASCII), "1 … 1,000,000", true);
    }

    @Test
    void everyEdgeNumberIsReadAsJacksonReadsItOrLeftToJackson() {
        for (StrictJson json : List.of(DEFAULTS, TIGHT)) {
            for (String number : NUMBERS) {
                for (String body : List.of("{\"operation\":\"abs\",\"numbers\":[" + number + "]}", "{\"numbers\":[1, " + number + " ,2]}",
                        "{\"numbers\":[" + number + "],\"parallelism\":" + number + "}", "{\"numbers\":[1],\"chunkSize\":" + number + "}",
                        "{\"numbers\":[1],\"timeoutMs\":" + number + "}", "{\"numbers\":[1],\"async\":" + number + "}",
                        "{\"numbers\":[1],\"operation\":" + number + "}")) {
                    assertAgrees(json, body.getBytes(StandardCharsets.UTF_8), body, null);
                }
            }
        }
    }

    @Test
    void theOptionsAtTheEdgesOfTheirTypesAreReadAsJacksonReadsThem() {
        for (String value : List.of("2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "0", "-0")) {
            for (String field : List.of("parallelism", "chunkSize", "timeoutMs")) {
                String body = "{\"numbers\":[1],\"" + field + "\":" + value + "}";
                assertAgrees(DEFAULTS, body.getBytes(StandardCharsets.US_ASCII), body, null);
            }
        }
        assertAgrees(DEFAULTS, "{\"numbers\":[1],\"parallelism\":2147483647,\"timeoutMs\":-123456789012345678}".getBytes(StandardCharsets.US_ASCII),
                "largest options", true);
    }

    @Test
    void seededRandomBodiesAreReadAsJacksonReadsThemOrLeftToJackson() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int taken = 0;
        for (int round = 0; round < 20_000; round++) {
            StrictJson json = random.nextInt(4) == 0 ? TIGHT : DEFAULTS;
            String body = RandomJobBodies.body(random);
            byte[] bytes = RandomJobBodies.mutate(random, body.getBytes(StandardCharsets.UTF_8));
            if (assertAgrees(json, bytes, "seed " + seed + ", round " + round + ": " + new String(bytes, StandardCharsets.UTF_8), null)) {
                taken++;
            }
        }
        assertThat(taken).as("seed %d: bodies the fast path took", seed).isGreaterThan(2_000);
    }

    @Test
    void numbersThatWouldPassTheHeapLeftForThemAreLeftToJackson() {
        JobRequestReader reader = JobRequestReader.forMapper(DEFAULTS.mapper(), DEFAULTS.properties());
        byte[] body = "{\"numbers\":[1,2,3,4]}".getBytes(StandardCharsets.US_ASCII);

        assertThat(reader.read(body, 4 * 8)).isNotNull();
        assertThat(reader.read(body, 4 * 8 - 1)).isNull();
        assertThat(reader.read("{\"numbers\":[1,2,3,4.5]}".getBytes(StandardCharsets.US_ASCII), 4 * 8)).isNull();
    }

    /**
     * Reads {@code body} both ways and asserts that the reader declined or agrees with Jackson; {@code taken}, when
     * not null, is whether the reader must have taken it. Answers whether the reader took it.
     */
    static boolean assertAgrees(StrictJson json, byte[] body, String description, Boolean taken) {
        JobRequestReader reader = JobRequestReader.forMapper(json.mapper(), json.properties());
        JobRequestFields read = reader.read(body, Long.MAX_VALUE);
        if (taken != null) {
            assertThat(read != null).as("taken by the fast path: %s", description).isEqualTo(taken);
        }
        if (read == null) {
            return false;
        }
        JobRequest expected;
        try {
            expected = json.mapper().readValue(body, JobRequest.class);
        } catch (JacksonException | ProblemException refused) {
            throw new AssertionError("the fast path read what Jackson refuses (" + refused.getMessage() + "): " + description, refused);
        }
        assertSameRequest(read.request(), expected, description);
        return true;
    }

    /** Seeded random job bodies: fields in any order with edge and random values, whitespace anywhere, and their mutations. */
    static final class RandomJobBodies {

        private static final List<String> FIELDS = List.of("operation", "expression", "numbers", "parallelism", "chunkSize", "timeoutMs", "async");
        private static final List<String> SPACE = List.of("", "", "", " ", "\n", "\t", "\r\n", "  ");
        private static final List<String> STRINGS = List.of("\"square\"", "\"\"", "\" \"", "\"x*x\"", "\"x ** 2 + 3*x + 1\"", "\"a\\\"b\"",
                "\"\\u0041\"", "\"caf\u00e9\"", "\"tab\there\"", "\"\u007f\"", "\"" + "x".repeat(63) + "\"", "\"" + "x".repeat(64) + "\"",
                "\"" + "y".repeat(999) + "\"", "\"" + "y".repeat(1000) + "\"", "null", "1", "true", "[\"a\"]", "{}");
        private static final List<String> OTHERS = List.of("true", "false", "null", "1", "0", "-1", "\"true\"", "[]", "{}", "nul", "tru");

        static String body(Random random) {
            List<String> members = new ArrayList<>();
            for (String field : FIELDS) {
                if (random.nextInt(3) > 0 || field.equals("numbers")) {
                    members.add(member(random, field));
                }
            }
            if (random.nextInt(20) == 0) {
                members.add(member(random, FIELDS.get(random.nextInt(FIELDS.size())))); // a duplicate
            }
            if (random.nextInt(30) == 0) {
                members.add(member(random, random.nextBoolean() ? "parallelsm" : "num\\u0062ers")); // unknown, or escaped
            }
            Collections.shuffle(members, random);
            return space(random) + "{" + space(random) + String.join(space(random) + "," + space(random), members) + space(random) + "}" + space(random);
        }

        private static String member(Random random, String field) {
            return "\"" + field + "\"" + space(random) + ":" + space(random) + value(random, field);
        }

        private static String value(Random random, String field) {
            boolean edge = random.nextInt(8) == 0;
            return switch (field) {
                case "operation", "expression" -> edge ? STRINGS.get(random.nextInt(STRINGS.size())) : STRINGS.get(random.nextInt(5));
                case "numbers" -> random.nextInt(40) == 0 ? OTHERS.get(random.nextInt(OTHERS.size())) : numbers(random);
                case "async" -> OTHERS.get(random.nextInt(edge ? OTHERS.size() : 3));
                default -> edge ? (random.nextBoolean() ? OTHERS.get(random.nextInt(OTHERS.size())) : number(random))
                        : Integer.toString(random.nextInt(100_000));
            };
        }

        private static String numbers(Random random) {
            int count = random.nextInt(10) == 0 ? random.nextInt(40) : 1 + random.nextInt(8);
            StringBuilder array = new StringBuilder("[").append(space(random));
            for (int i = 0; i < count; i++) {
                array.append(i == 0 ? "" : space(random) + "," + space(random)).append(number(random));
            }
            return array.append(space(random)).append("]").toString();
        }

        static String number(Random random) {
            return switch (random.nextInt(8)) {
                case 0 -> random.nextInt(4) == 0 ? NUMBERS.get(random.nextInt(NUMBERS.size())) : Integer.toString(random.nextInt());
                case 1 -> Long.toString(random.nextLong());
                case 2 -> Integer.toString(random.nextInt(2000) - 1000);
                case 3 -> Double.toString(Double.longBitsToDouble(random.nextLong())); // any double, NaN and Infinity included
                case 4 -> (random.nextBoolean() ? "-" : "") + digits(random, 1 + random.nextInt(40));
                case 5 -> digits(random, 1 + random.nextInt(20)) + "." + digits(random, 1 + random.nextInt(30));
                case 6 -> digits(random, 1 + random.nextInt(3)) + (random.nextBoolean() ? "e" : "E")
                        + List.of("", "+", "-").get(random.nextInt(3)) + digits(random, 1 + random.nextInt(3));
                default -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            };
        }

        private static String digits(Random random, int count) {
            StringBuilder digits = new StringBuilder();
            digits.append(count > 1 && random.nextInt(10) > 0 ? (char) ('1' + random.nextInt(9)) : (char) ('0' + random.nextInt(10)));
            for (int i = 1; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        private static String space(Random random) {
            return SPACE.get(random.nextInt(SPACE.size()));
        }

        /** Mostly the body as it is; else cut short, a byte changed, a byte inserted, or something after it. */
        static byte[] mutate(Random random, byte[] body) {
            return switch (random.nextInt(24)) {
                case 0 -> Arrays.copyOf(body, random.nextInt(body.length + 1));
                case 1 -> {
                    byte[] changed = body.clone();
                    String bytes = " {}[],:\"\\-+.eE0123456789tfnul\u000c\u0000";
                    changed[random.nextInt(changed.length)] = (byte) bytes.charAt(random.nextInt(bytes.length()));
                    yield changed;
                }
                case 2 -> {
                    int at = random.nextInt(body.length + 1);
                    byte[] longer = new byte[body.length + 1];
                    System.arraycopy(body, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    yield longer;
                }
                case 3 -> (new String(body, StandardCharsets.UTF_8) + List.of("x", "{}", "]", "}", " 1", "\u00a0", "\f").get(random.nextInt(7)))
                        .getBytes(StandardCharsets.UTF_8);
                default -> body;
            };
        }
    }
}

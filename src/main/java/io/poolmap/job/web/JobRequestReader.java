package io.poolmap.job.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersBuilder;
import io.poolmap.web.NumbersScanner;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the plain shape of a job request (one JSON object of its known fields, ASCII strings without escapes, plain
 * integers, {@code true}, {@code false}, {@code null} and an array of numbers) from the body's bytes, without Jackson's
 * token layer, to a {@link JobRequest} equal to the one poolmap's strict Jackson mapper reads; and declines everything
 * else, so that Jackson reads that and answers with its own problems: an unknown, duplicate or escaped field name, an
 * escape, a control or non-ASCII character in a string, a string of {@code maxStringLength} characters or more, a
 * quoted number, an integer option out of its type's range, {@code null} numbers, malformed JSON, trailing data.
 */
final class JobRequestReader {

    private static final String[] FIELDS = {"operation", "expression", "numbers", "parallelism", "chunkSize", "timeoutMs", "async"};
    private static final int OPERATION = 0, EXPRESSION = 1, NUMBERS = 2, PARALLELISM = 3, CHUNK_SIZE = 4, TIMEOUT_MS = 5, ASYNC = 6;
    private static final byte[][] NAMES = new byte[FIELDS.length][];
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'}, FALSE = {'f', 'a', 'l', 's', 'e'}, NULL = {'n', 'u', 'l', 'l'};

    static {
        for (int field = 0; field < FIELDS.length; field++) {
            NAMES[field] = FIELDS[field].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final NumbersScanner numbersScanner;
    private final int maxStringLength;
    private final int maxNumberLength;

    /**
     * @param numbersScanner reads the {@code numbers} array
     * @param maxStringLength Jackson's longest string: a string this long or longer is left to Jackson
     * @param maxNumberLength longest integer option accepted, in characters with its sign (below Jackson's own limit)
     */
    JobRequestReader(NumbersScanner numbersScanner, int maxStringLength, int maxNumberLength) {
        this.numbersScanner = numbersScanner;
        this.maxStringLength = maxStringLength;
        this.maxNumberLength = maxNumberLength;
    }

    /**
     * A reader within the limits of poolmap's properties and of {@code mapper}'s stream-read constraints, so that it
     * accepts nothing that Jackson or {@code NumbersJson} would refuse; {@code null} when the mapper counts the whole
     * document's length or tokens, which this reader does not.
     */
    static JobRequestReader forMapper(JsonMapper mapper, PoolmapProperties properties) {
        StreamReadConstraints constraints = mapper.tokenStreamFactory().streamReadConstraints();
        if (constraints.getMaxDocumentLength() >= 0 || constraints.getMaxTokenCount() >= 0
                || constraints.getMaxNestingDepth() < 2 || constraints.getMaxNameLength() < "parallelism".length()) {
            return null;
        }
        int maxNumberLength = Math.min(properties.maxDigits(), constraints.getMaxNumberLength() - 1);
        return new JobRequestReader(new NumbersScanner(properties.maxBatchSize(), maxNumberLength),
                constraints.getMaxStringLength(), maxNumberLength);
    }

    /**
     * Reads the whole body, allowing its numbers {@code heapRoom} bytes of heap; answers what was read, to be
     * {@linkplain Read#request() made a request} once the body's bytes are no longer needed, or {@code null} to leave it to Jackson.
     */
    Read read(byte[] body, long heapRoom) {
        Read read = new Read();
        int i = NumbersScanner.skipWhitespace(body, 0);
        if (i >= body.length || body[i] != '{') {
            return null;
        }
        i = NumbersScanner.skipWhitespace(body, i + 1);
        if (i < body.length && body[i] == '}') {
            return NumbersScanner.skipWhitespace(body, i + 1) == body.length ? read : null;
        }
        int seen = 0;
        while (true) {
            int field = field(body, i);
            if (field < 0 || (seen & (1 << field)) != 0) {
                return null;
            }
            seen |= 1 << field;
            i = NumbersScanner.skipWhitespace(body, i + NAMES[field].length + 2);
            if (i >= body.length || body[i] != ':') {
                return null;
            }
            i = NumbersScanner.skipWhitespace(body, i + 1);
            i = value(body, i, field, read, heapRoom);
            if (i < 0) {
                return null;
            }
            i = NumbersScanner.skipWhitespace(body, i);
            if (i >= body.length) {
                return null;
            }
            byte separator = body[i];
            i = NumbersScanner.skipWhitespace(body, i + 1);
            if (separator == '}') {
                return i == body.length ? read : null;
            }
            if (separator != ',') {
                return null;
            }
        }
    }

    /** Which field's quoted name starts at {@code body[i]}, or -1. */
    private static int field(byte[] body, int i) {
        for (int field = 0; field < NAMES.length; field++) {
            byte[] name = NAMES[field];
            int end = i + name.length + 1;
            if (end < body.length && body[i] == '"' && body[end] == '"'
                    && Arrays.equals(body, i + 1, end, name, 0, name.length)) {
                return field;
            }
        }
        return -1;
    }

    /** Reads the value of {@code field} at {@code body[i]} into {@code read}; answers the position after it, or -1. */
    private int value(byte[] body, int i, int field, Read read, long heapRoom) {
        if (i >= body.length) {
            return -1;
        }
        if (field == NUMBERS) {
            read.numbers = Numbers.builder();
            return numbersScanner.scan(body, i, read.numbers, heapRoom);
        }
        if (matches(body, i, NULL)) {
            return i + NULL.length; // a field that is null is read as one that is absent
        }
        switch (field) {
            case OPERATION, EXPRESSION -> {
                int end = stringEnd(body, i);
                if (end > 0) {
                    String text = new String(body, i + 1, end - i - 2, StandardCharsets.ISO_8859_1);
                    if (field == OPERATION) {
                        read.operation = text;
                    } else {
                        read.expression = text;
                    }
                }
                return end;
            }
            case ASYNC -> {
                if (matches(body, i, TRUE)) {
                    read.async = Boolean.TRUE;
                    return i + TRUE.length;
                }
                if (matches(body, i, FALSE)) {
                    read.async = Boolean.FALSE;
                    return i + FALSE.length;
                }
                return -1;
            }
            default -> {
                int end = integerEnd(body, i);
                if (end < 0) {
                    return -1;
                }
                long value = Long.parseLong(new String(body, i, end - i, StandardCharsets.ISO_8859_1));
                if (field == TIMEOUT_MS) {
                    read.timeoutMs = value;
                } else if (value == (int) value) {
                    read.setInteger(field == PARALLELISM, (int) value);
                } else {
                    return -1;
                }
                return end;
            }
        }
    }

    /** The end of the plain ASCII string that starts at {@code body[i]}, just after its closing quote, or -1. */
    private int stringEnd(byte[] body, int i) {
        if (body[i] != '"') {
            return -1;
        }
        int limit = Math.min(body.length, i + maxStringLength + 1); // the closing quote after at most maxStringLength - 1 characters
        for (int at = i + 1; at < limit; at++) {
            byte b = body[at];
            if (b == '"') {
                return at + 1;
            }
            if (b < 0x20 || b == '\\') { // a control character, an escape or (a negative byte) not ASCII
                return -1;
            }
        }
        return -1;
    }

    /** The end of the plain integer (at most 18 digits, no leading zero) at {@code body[i]}, or -1. */
    private int integerEnd(byte[] body, int i) {
        int at = body[i] == '-' ? i + 1 : i;
        int from = at;
        while (at < body.length && body[at] >= '0' && body[at] <= '9') {
            at++;
        }
        int digits = at - from;
        if (digits == 0 || digits > 18 || (digits > 1 && body[from] == '0') || at - i > maxNumberLength) {
            return -1;
        }
        if (at < body.length && (body[at] == '.' || body[at] == 'e' || body[at] == 'E')) {
            return -1;
        }
        return at;
    }

    private static boolean matches(byte[] body, int i, byte[] word) {
        return i + word.length <= body.length && Arrays.equals(body, i, i + word.length, word, 0, word.length);
    }

    /** The fields read so far; the numbers are still a builder, so that the body can be let go before they are joined. */
    static final class Read {

        private String operation;
        private String expression;
        private NumbersBuilder numbers;
        private Integer parallelism;
        private Integer chunkSize;
        private Long timeoutMs;
        private Boolean async;

        private void setInteger(boolean isParallelism, int value) {
            if (isParallelism) {
                parallelism = value;
            } else {
                chunkSize = value;
            }
        }

        JobRequest request() {
            return new JobRequest(operation, expression, numbers == null ? null : numbers.build(), parallelism, chunkSize, timeoutMs, async);
        }
    }
}

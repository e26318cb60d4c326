package io.poolmap.job.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.Numbers;
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
     * {@linkplain JobRequestFields#request() made a request} once the body's bytes are no longer needed, or {@code null} to leave it to Jackson.
     */
    JobRequestFields read(byte[] body, long heapRoom) {
        JobRequestFields read = new JobRequestFields();
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
    private int value(byte[] body, int i, int field, JobRequestFields read, long heapRoom) {
        if (i >= body.length) {
            return -1;
        }
        if (field == NUMBERS) {
            read.numbers = Numbers.builder();
            return numbersScanner.scan(body, i, read.numbers, heapRoom);
        }
        if (PlainJsonScalars.matches(body, i, NULL)) {
            return i + NULL.length; // a field that is null is read as one that is absent
        }
        switch (field) {
            case OPERATION, EXPRESSION -> {
                int end = PlainJsonScalars.stringEnd(body, i, maxStringLength);
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
                if (PlainJsonScalars.matches(body, i, TRUE)) {
                    read.async = Boolean.TRUE;
                    return i + TRUE.length;
                }
                if (PlainJsonScalars.matches(body, i, FALSE)) {
                    read.async = Boolean.FALSE;
                    return i + FALSE.length;
                }
                return -1;
            }
            default -> {
                int end = PlainJsonScalars.integerEnd(body, i, maxNumberLength);
                if (end < 0) {
                    return -1;
                }
                long value = Long.parseLong(new String(body, i, end - i, StandardCharsets.ISO_8859_1));
                if (field == TIMEOUT_MS) {
                    read.timeoutMs = value;
                } else if (value != (int) value) {
                    return -1; // beyond an int: Jackson's answer
                } else if (field == PARALLELISM) {
                    read.parallelism = (int) value;
                } else {
                    read.chunkSize = (int) value;
                }
                return end;
            }
        }
    }
}

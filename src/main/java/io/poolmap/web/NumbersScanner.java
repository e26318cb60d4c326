package io.poolmap.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import io.poolmap.operation.NumbersBuilder;

/**
 * Reads a plain JSON array of numbers from a body's bytes straight into a {@link NumbersBuilder}, digit by digit, for
 * the arrays that clients almost always send: Jackson's token layer is what bounds reading a big batch. It reads what
 * it accepts exactly as {@link NumbersJson.Reader} does (integers as {@code long}s while they fit and as
 * {@link BigInteger}s beyond, numbers with a fraction or an exponent as the double {@link Double#parseDouble} gives
 * for their text), and declines everything else, so that Jackson reads that and answers as it always has: an empty
 * array, a non-number, a leading zero, {@code 1.}, {@code .5}, {@code +1}, NaN, a number beyond a double's range,
 * more numbers than {@code poolmap.max-batch-size}, a number longer than {@code maxNumberLength} characters, or
 * numbers that would take more heap than {@code heapRoom}.
 */
public final class NumbersScanner {

    /** What {@link #scan} answers when it leaves the array to Jackson. */
    public static final int DECLINED = -1;

    /** Heap a {@code long} takes in the builder's blocks. */
    private static final long LONG_BYTES = 8;

    private final int maxBatchSize;
    private final int maxNumberLength;

    /**
     * @param maxBatchSize most numbers one array may hold ({@code poolmap.max-batch-size})
     * @param maxNumberLength longest number accepted, in characters with its sign: at most {@code poolmap.max-digits}
     *        and below Jackson's own number-length constraint, so that Jackson would refuse none it accepts
     */
    public NumbersScanner(int maxBatchSize, int maxNumberLength) {
        this.maxBatchSize = maxBatchSize;
        this.maxNumberLength = maxNumberLength;
    }

    /**
     * Reads the array whose {@code [} is at {@code body[at]} into {@code numbers}, taking at most {@code heapRoom}
     * bytes of heap for them; answers the position just after its {@code ]}, or {@link #DECLINED} (then
     * {@code numbers} holds a part of the array and is to be dropped).
     */
    public int scan(byte[] body, int at, NumbersBuilder numbers, long heapRoom) {
        int end = body.length;
        if (at >= end || body[at] != '[') {
            return DECLINED;
        }
        int i = skipWhitespace(body, at + 1);
        long room = heapRoom;
        boolean mixed = false;
        boolean big = false;
        while (true) {
            if (numbers.size() == maxBatchSize || i >= end) {
                return DECLINED;
            }
            int start = i;
            if (body[i] == '-') {
                i++;
            }
            int digitsFrom = i;
            long value = 0;
            int digit;
            while (i < end && (digit = body[i] - '0') >= 0 && digit <= 9) {
                value = value * 10 + digit; // wraps past 18 digits, where it is not used
                i++;
            }
            int digits = i - digitsFrom;
            if (digits == 0 || (digits > 1 && body[digitsFrom] == '0') || i - start > maxNumberLength) {
                return DECLINED;
            }
            if (i < end && (body[i] == '.' || body[i] == 'e' || body[i] == 'E')) {
                i = decimal(body, start, i, numbers);
                room -= LONG_BYTES + 2 + (mixed ? 0 : 2L * numbers.size()); // its kind, and once the kinds of all before it
                mixed = true;
            } else if (digits <= 18) {
                numbers.add(body[start] == '-' ? -value : value);
                room -= LONG_BYTES;
            } else {
                numbers.add(new BigInteger(new String(body, start, i - start, StandardCharsets.ISO_8859_1)));
                // its slot, kind and object (its magnitude takes under half a byte a digit), and once the kinds and slots of all before it
                room -= LONG_BYTES + 2 + 8 + 64 + digits / 2 + (mixed ? 0 : 2L * numbers.size()) + (big ? 0 : 8L * numbers.size());
                mixed = true;
                big = true;
            }
            if (i == DECLINED || room < 0) {
                return DECLINED;
            }
            i = skipWhitespace(body, i);
            if (i >= end) {
                return DECLINED;
            }
            byte separator = body[i++];
            if (separator == ']') {
                return i;
            }
            if (separator != ',') {
                return DECLINED;
            }
            i = skipWhitespace(body, i);
        }
    }

    /** Reads the number from {@code start} whose integer part ends at {@code i} as a double: its fraction and exponent. */
    private int decimal(byte[] body, int start, int i, NumbersBuilder numbers) {
        int end = body.length;
        if (body[i] == '.') {
            int from = ++i;
            i = skipDigits(body, i);
            if (i == from) {
                return DECLINED;
            }
        }
        if (i < end && (body[i] == 'e' || body[i] == 'E')) {
            i++;
            if (i < end && (body[i] == '+' || body[i] == '-')) {
                i++;
            }
            int from = i;
            i = skipDigits(body, i);
            if (i == from) {
                return DECLINED;
            }
        }
        if (i - start > maxNumberLength) {
            return DECLINED;
        }
        double value = Double.parseDouble(new String(body, start, i - start, StandardCharsets.ISO_8859_1));
        if (!Double.isFinite(value)) {
            return DECLINED;
        }
        numbers.add(value);
        return i;
    }

    private static int skipDigits(byte[] body, int i) {
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The position of the first byte from {@code i} that is not JSON whitespace (space, tab, line feed, return). */
    public static int skipWhitespace(byte[] body, int i) {
        while (i < body.length) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }
}

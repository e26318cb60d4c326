package io.poolmap.job.web;

import java.util.Arrays;

/**
 * The plain JSON scalars that {@link JobRequestReader} accepts, found in a body's bytes: strings of ASCII characters
 * without escapes, integers without a leading zero, fraction or exponent, and literal words; the end of each, or
 * -1 for anything else.
 */
final class PlainJsonScalars {

    private PlainJsonScalars() {
    }

    /**
     * The end of the plain ASCII string that starts at {@code body[i]}, just after its closing quote, or -1; also -1
     * for a string of {@code maxStringLength} characters or more.
     */
    static int stringEnd(byte[] body, int i, int maxStringLength) {
        if (body[i] != '"') {
            return -1;
        }
        int limit = (int) Math.min(body.length, (long) i + maxStringLength + 1); // its closing quote after at most maxStringLength - 1 characters
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

    /** The end of the plain integer of at most 18 digits and {@code maxLength} characters at {@code body[i]}, or -1. */
    static int integerEnd(byte[] body, int i, int maxLength) {
        int at = body[i] == '-' ? i + 1 : i;
        int from = at;
        while (at < body.length && body[at] >= '0' && body[at] <= '9') {
            at++;
        }
        int digits = at - from;
        if (digits == 0 || digits > 18 || (digits > 1 && body[from] == '0') || at - i > maxLength) {
            return -1;
        }
        if (at < body.length && (body[at] == '.' || body[at] == 'e' || body[at] == 'E')) {
            return -1;
        }
        return at;
    }

    /** True when {@code word} is at {@code body[i]}. */
    static boolean matches(byte[] body, int i, byte[] word) {
        return i + word.length <= body.length && Arrays.equals(body, i, i + word.length, word, 0, word.length);
    }
}

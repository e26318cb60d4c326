package io.poolmap.expression;

/**
 * An expression that cannot be compiled: a syntax error, a name or construct that poolmap does not allow, or a
 * compile-time limit passed (length, nesting, the digits of a literal). It says where, as Python's
 * {@code SyntaxError} does: {@link #position()} in the source, and {@link #detail()} renders the line with a
 * {@code ^} under the column.
 */
public final class ExpressionSyntaxException extends RuntimeException {

    private static final int WINDOW = 40;

    private final String source;
    private final int position;
    private final String reason;

    ExpressionSyntaxException(String source, int position, String reason) {
        super(null, null, false, false);
        this.source = source;
        this.position = Math.clamp(position, 0, source.length());
        this.reason = reason;
    }

    /** The expression as it was given. */
    public String source() {
        return source;
    }

    /** The 0-based offset in {@link #source()} (a UTF-16 index) where the error is; {@code source().length()} for its end. */
    public int position() {
        return position;
    }

    /** The 1-based line of {@link #position()}: an expression spans several lines only inside parentheses. */
    public int line() {
        int line = 1;
        for (int k = 0; k < position; k++) {
            if (isLineBreak(k)) {
                line++;
            }
        }
        return line;
    }

    /** The 0-based column of {@link #position()} in its line. */
    public int column() {
        return position - lineStart();
    }

    /** What is wrong, without the position, e.g. {@code unexpected '*'}. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + " (" + (source.indexOf('\n') < 0 && source.indexOf('\r') < 0 ? "" : "line " + line() + ", ")
                + "column " + column() + ")";
    }

    /**
     * The message, then the line that holds the error (a window of it around the column when it is long) with a
     * {@code ^} under the column, as Python prints a {@code SyntaxError}; characters that would not print show as
     * {@code ?} so that the caret stays aligned.
     */
    public String detail() {
        int start = lineStart();
        int end = start;
        while (end < source.length() && !isLineBreak(end)) {
            end++;
        }
        if (end > start && end < source.length() && source.charAt(end - 1) == '\r') {
            end--;
        }
        int from = Math.max(start, position - WINDOW);
        int to = Math.min(end, Math.max(position, from) + WINDOW);
        StringBuilder line = new StringBuilder(from > start ? "…" : "");
        int caret = line.length() + position - from;
        for (int k = from; k < to; k++) {
            char c = source.charAt(k);
            line.append(c == '\t' ? ' ' : c < ' ' || c == 127 || Character.isSurrogate(c) ? '?' : c);
        }
        line.append(to < end ? "…" : "");
        return getMessage() + "\n    " + line + "\n    " + " ".repeat(caret) + "^";
    }

    private int lineStart() {
        int start = position;
        while (start > 0 && !isLineBreak(start - 1)) {
            start--;
        }
        return start;
    }

    /** A {@code \r\n} counts once: at its {@code \n}. */
    private boolean isLineBreak(int k) {
        char c = source.charAt(k);
        return c == '\n' || c == '\r' && (k + 1 >= source.length() || source.charAt(k + 1) != '\n');
    }
}

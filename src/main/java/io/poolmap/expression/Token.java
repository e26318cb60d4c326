package io.poolmap.expression;

/**
 * One token of an expression's source; {@code value} is set for numbers only ({@code Long}, {@code BigInteger} or
 * {@code Double}), {@code text} is the token as written.
 */
record Token(Kind kind, String text, Object value, int position) {

    enum Kind {
        NUMBER, NAME,
        PLUS, MINUS, STAR, SLASH, DOUBLE_SLASH, PERCENT, DOUBLE_STAR,
        LT, LE, GT, GE, EQ, NE,
        LPAREN, RPAREN, COMMA, DOT, ASSIGN,
        AND, OR, NOT, IF, ELSE, TRUE, FALSE,
        NEWLINE, END
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** How a message names the token: {@code '*'}, {@code name 'y'}, {@code end of input}. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case NEWLINE -> "line break";
            case NAME -> "name '" + text + "'";
            case NUMBER -> "number " + text;
            default -> "'" + text + "'";
        };
    }
}

package io.poolmap.expression;

import java.math.BigInteger;
import java.util.Set;

import io.poolmap.expression.Token.Kind;

/**
 * Reads one of Python 3's number literals: decimal ints ({@code 1_000}, {@code 0}, not {@code 01}), {@code 0x},
 * {@code 0o} and {@code 0b} ints, and floats ({@code 1.5}, {@code .5}, {@code 5.}, {@code 1e-3}, {@code 1_0.2_5});
 * single underscores between digits only. Imaginary literals ({@code 2j}) are refused, as are integers with more
 * digits than the {@link CostBudget} allows, before they are converted.
 */
final class NumberLiteral {

    /** Words that Python 3.11 lets follow a number without a space ({@code 1if x else 2}). */
    private static final Set<String> MAY_FOLLOW = Set.of("and", "else", "for", "if", "in", "is", "not", "or");

    private final String source;
    private final int start;
    private int at;

    private NumberLiteral(String source, int start) {
        this.source = source;
        this.start = start;
        this.at = start;
    }

    /** The number token that starts at {@code start}; its text is exactly what it spans. */
    static Token scan(String source, int start, CostBudget budget) {
        return new NumberLiteral(source, start).scan(budget);
    }

    private Token scan(CostBudget budget) {
        if (peek() == '0' && "xXoObB".indexOf(peek(1)) >= 0) {
            return radix(budget);
        }
        boolean real = false;
        if (peek() != '.') {
            digits(10, "decimal");
        }
        if (peek() == '.') {
            real = true;
            at++;
            if (Lexer.isDigit(peek())) {
                digits(10, "decimal");
            } else if (peek() == '_') {
                throw error(at, "invalid decimal literal");
            }
        }
        if ((peek() == 'e' || peek() == 'E') && exponent()) {
            real = true;
        }
        if (peek() == 'j' || peek() == 'J') {
            throw error(at, "complex numbers (j) are not supported");
        }
        checkEnd("decimal");
        String text = source.substring(start, at);
        String plain = text.replace("_", "");
        if (real) {
            return new Token(Kind.NUMBER, text, Double.parseDouble(plain), start);
        }
        String significant = plain.replaceFirst("^0+", "");
        if (significant.length() != plain.length() && !significant.isEmpty()) {
            throw error(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        if (significant.length() > budget.digits()) {
            throw error(start, "an integer literal may have at most " + budget.digits() + " digits (poolmap.expressions.max-digits)");
        }
        return integer(text, significant.isEmpty() ? BigInteger.ZERO : new BigInteger(significant), budget);
    }

    private Token radix(CostBudget budget) {
        char prefix = Character.toLowerCase(peek(1));
        int radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
        String name = prefix == 'x' ? "hexadecimal" : prefix == 'o' ? "octal" : "binary";
        at += 2;
        if (peek() == '_') {
            at++;
        }
        if (digit(peek(), radix) < 0) {
            throw error(at, Lexer.isDigit(peek()) ? "invalid digit '" + peek() + "' in " + name + " literal" : "invalid " + name + " literal");
        }
        digits(radix, name);
        if (Lexer.isDigit(peek())) {
            throw error(at, "invalid digit '" + peek() + "' in " + name + " literal");
        }
        checkEnd(name);
        String text = source.substring(start, at);
        String plain = text.substring(2).replace("_", "");
        long bits = (long) plain.replaceFirst("^0+", "").length() * Integer.numberOfTrailingZeros(Integer.highestOneBit(radix));
        if (bits > budget.maxBits() + 4L) {
            throw error(start, "an integer literal may have at most " + budget.digits() + " digits (poolmap.expressions.max-digits)");
        }
        return integer(text, new BigInteger(plain, radix), budget);
    }

    private Token integer(String text, BigInteger value, CostBudget budget) {
        try {
            return new Token(Kind.NUMBER, text, budget.checked(value, "an integer literal"), start);
        } catch (PyError tooLong) {
            throw error(start, "an integer literal may have at most " + budget.digits() + " digits (poolmap.expressions.max-digits)");
        }
    }

    /** Digits with single underscores between them; the first character is a digit of {@code radix}. */
    private void digits(int radix, String name) {
        while (true) {
            if (digit(peek(), radix) >= 0) {
                at++;
            } else if (peek() == '_') {
                if (digit(peek(1), radix) < 0) {
                    throw error(at, "invalid " + name + " literal");
                }
                at++;
            } else {
                return;
            }
        }
    }

    /** Consumes an exponent at an {@code e}; false (nothing consumed) when the {@code e} starts a word like {@code else}. */
    private boolean exponent() {
        int mark = at;
        at++;
        if (peek() == '+' || peek() == '-') {
            at++;
        }
        if (Lexer.isDigit(peek())) {
            digits(10, "decimal");
            return true;
        }
        if (at == mark + 1 && MAY_FOLLOW.contains(wordAt(mark))) {
            at = mark;
            return false;
        }
        throw error(mark, "invalid decimal literal");
    }

    private void checkEnd(String name) {
        if ((Lexer.isNameStart(peek()) || Lexer.isDigit(peek())) && !MAY_FOLLOW.contains(wordAt(at))) {
            throw error(at, "invalid " + name + " literal");
        }
    }

    private String wordAt(int from) {
        int end = from;
        while (end < source.length() && (Lexer.isNameStart(source.charAt(end)) || Lexer.isDigit(source.charAt(end)))) {
            end++;
        }
        return source.substring(from, end);
    }

    /** The value of an ASCII digit of {@code radix}, else -1 (Java's own would take other scripts' digits too). */
    private static int digit(char c, int radix) {
        return c < 128 ? Character.digit(c, radix) : -1;
    }

    private char peek() {
        return peek(0);
    }

    /** The character {@code ahead} places on, or 0 past the end. */
    private char peek(int ahead) {
        return at + ahead < source.length() ? source.charAt(at + ahead) : 0;
    }

    private ExpressionSyntaxException error(int position, String reason) {
        return new ExpressionSyntaxException(source, position, reason);
    }
}

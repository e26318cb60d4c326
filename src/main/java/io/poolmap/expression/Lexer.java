package io.poolmap.expression;

import java.util.Locale;
import java.util.Map;

import io.poolmap.expression.Token.Kind;

/**
 * Cuts an expression's source into tokens, one at a time as the parser asks for them (so that the first error in
 * reading order is the one reported), as Python's tokenizer would for the subset: spaces, tabs
 * and form feeds separate tokens, {@code #} starts a comment, a line break continues the expression only inside
 * parentheses or after a backslash. Characters that belong to constructs poolmap does not allow (strings, brackets,
 * bitwise operators…) are refused here with a message that names the construct.
 */
final class Lexer {

    private static final Map<String, Kind> KEYWORDS = Map.of("and", Kind.AND, "or", Kind.OR, "not", Kind.NOT,
            "if", Kind.IF, "else", Kind.ELSE, "True", Kind.TRUE, "False", Kind.FALSE);
    private static final Map<String, Kind> OPERATORS = Map.ofEntries(Map.entry("+", Kind.PLUS),
            Map.entry("-", Kind.MINUS), Map.entry("*", Kind.STAR), Map.entry("**", Kind.DOUBLE_STAR),
            Map.entry("/", Kind.SLASH), Map.entry("//", Kind.DOUBLE_SLASH), Map.entry("%", Kind.PERCENT),
            Map.entry("<", Kind.LT), Map.entry("<=", Kind.LE), Map.entry(">", Kind.GT), Map.entry(">=", Kind.GE),
            Map.entry("==", Kind.EQ), Map.entry("!=", Kind.NE), Map.entry("(", Kind.LPAREN),
            Map.entry(")", Kind.RPAREN), Map.entry(",", Kind.COMMA), Map.entry(".", Kind.DOT),
            Map.entry("=", Kind.ASSIGN));
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("[", "subscripts and lists are not supported"), Map.entry("]", "subscripts and lists are not supported"),
            Map.entry("{", "sets and dicts are not supported"), Map.entry("}", "sets and dicts are not supported"),
            Map.entry("'", "strings are not supported"), Map.entry("\"", "strings are not supported"),
            Map.entry("~", "bitwise operators are not supported"), Map.entry("&", "bitwise operators are not supported"),
            Map.entry("|", "bitwise operators are not supported"), Map.entry("^", "bitwise operators are not supported (** is the power)"),
            Map.entry("<<", "bitwise operators are not supported"), Map.entry(">>", "bitwise operators are not supported"),
            Map.entry("@", "the @ operator is not supported"), Map.entry(";", "only one expression is allowed"),
            Map.entry(":=", "assignment expressions (:=) are not supported"),
            Map.entry(":", "':' is not supported (no lambdas, slices or annotations)"),
            Map.entry("<>", "'<>' is not Python 3: use !="), Map.entry("!", "invalid syntax: '!' (use 'not' or !=)"));

    private final String source;
    private final CostBudget budget;
    private int at;
    private int parentheses;
    private Token last;

    Lexer(String source, CostBudget budget) {
        this.source = source;
        this.budget = budget;
    }

    /** The next token; {@link Kind#END} at the end, and again after it. */
    Token next() {
        last = scan();
        return last;
    }

    private Token scan() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == ' ' || c == '\t' || c == '\f') {
                at++;
            } else if (c == '\n' || c == '\r') {
                at++;
                if (parentheses == 0 && last != null && !last.is(Kind.NEWLINE)) {
                    return new Token(Kind.NEWLINE, "\\n", null, at - 1);
                }
            } else if (c == '#') {
                while (at < source.length() && source.charAt(at) != '\n' && source.charAt(at) != '\r') {
                    at++;
                }
            } else if (c == '\\') {
                continuation();
            } else if (isDigit(c) || c == '.' && at + 1 < source.length() && isDigit(source.charAt(at + 1))) {
                Token number = NumberLiteral.scan(source, at, budget);
                at += number.text().length();
                return number;
            } else if (isNameStart(c)) {
                return word();
            } else {
                return punctuation();
            }
        }
        return new Token(Kind.END, "", null, source.length());
    }

    private void continuation() {
        int next = at + 1;
        if (next < source.length() && source.charAt(next) == '\r') {
            next++;
        }
        if (next < source.length() && source.charAt(next) == '\n') {
            next++;
        }
        if (next == at + 1) {
            throw error(at, "a line continuation character (\\) must end its line");
        }
        at = next;
    }

    private Token word() {
        int start = at;
        while (at < source.length() && (isNameStart(source.charAt(at)) || isDigit(source.charAt(at)))) {
            at++;
        }
        String word = source.substring(start, at);
        return new Token(KEYWORDS.getOrDefault(word, Kind.NAME), word, null, start);
    }

    private Token punctuation() {
        for (int length = 2; length >= 1; length--) {
            if (at + length > source.length()) {
                continue;
            }
            String symbol = source.substring(at, at + length);
            Kind kind = OPERATORS.get(symbol);
            if (kind != null) {
                parentheses = Math.max(0, parentheses + (kind == Kind.LPAREN ? 1 : kind == Kind.RPAREN ? -1 : 0));
                at += length;
                return new Token(kind, symbol, null, at - length);
            }
            if (REFUSED.containsKey(symbol)) {
                throw error(at, REFUSED.get(symbol));
            }
        }
        int codePoint = source.codePointAt(at);
        String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            throw error(at, "invalid non-printable character " + hex);
        }
        throw error(at, "invalid character '" + Character.toString(codePoint) + "' (" + hex + ")"
                + (codePoint > 127 ? ": expressions are written in ASCII" : ""));
    }

    private ExpressionSyntaxException error(int position, String reason) {
        return new ExpressionSyntaxException(source, position, reason);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}

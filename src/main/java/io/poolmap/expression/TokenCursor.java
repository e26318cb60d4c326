package io.poolmap.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.poolmap.expression.Token.Kind;

/**
 * The parser's position in the token list, and the syntax errors it raises, which name what was found where
 * something else was expected ({@code 'lambda' is not supported}, {@code unexpected end of input}).
 */
class TokenCursor {

    private static final Set<String> PYTHON_KEYWORDS = Set.of("None", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "except", "finally", "for", "from", "global", "import", "in", "is", "lambda",
            "nonlocal", "pass", "raise", "return", "try", "while", "with", "yield");

    private final String source;
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    TokenCursor(String source, Lexer lexer) {
        this.source = source;
        this.lexer = lexer;
    }

    Token peek() {
        return ahead(0);
    }

    Token peekAfter() {
        return ahead(1);
    }

    Token next() {
        Token token = peek();
        at++;
        return token;
    }

    /** The token {@code distance} places ahead, read from the lexer when first needed. */
    private Token ahead(int distance) {
        while (tokens.size() <= at + distance) {
            tokens.add(lexer.next());
        }
        return tokens.get(at + distance);
    }

    boolean accept(Kind kind) {
        if (peek().is(kind)) {
            at++;
            return true;
        }
        return false;
    }

    /** Reads a {@code kind} token; at the end of the input, the error is {@code reason} at {@code position}. */
    void expect(Kind kind, int position, String reason) {
        if (!accept(kind)) {
            throw peek().is(Kind.END) || peek().is(Kind.NEWLINE) ? error(position, reason) : unexpected(peek());
        }
    }

    ExpressionSyntaxException unexpected(Token token) {
        String reason = switch (token.kind()) {
            case NAME -> PYTHON_KEYWORDS.contains(token.text()) ? "'" + token.text() + "' is not supported"
                    : "unexpected name '" + token.text() + "' (an operator is missing?)";
            case ASSIGN -> "assignment is not supported (to compare, use ==)";
            case NEWLINE -> "unexpected line break: an expression spans lines only inside parentheses";
            case END -> "unexpected end of input";
            case NUMBER -> "unexpected number " + token.text() + " (an operator is missing?)";
            default -> "unexpected '" + token.text() + "'";
        };
        return error(token.position(), reason);
    }

    boolean isPythonKeyword(String word) {
        return PYTHON_KEYWORDS.contains(word);
    }

    ExpressionSyntaxException error(int position, String reason) {
        return new ExpressionSyntaxException(source, position, reason);
    }
}

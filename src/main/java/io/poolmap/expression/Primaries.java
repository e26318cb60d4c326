package io.poolmap.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.poolmap.expression.Token.Kind;

/**
 * The innermost level of the grammar: numbers, {@code True}/{@code False}, parentheses, and names, which are only
 * {@code x}, the constants {@code pi} and {@code e}, and calls of the {@link Builtin}s, optionally as
 * {@code math.sqrt(…)}. Everything else a Python primary can be (attributes, subscripts, other calls, other names)
 * is refused here, with the reason.
 */
final class Primaries {

    private static final String NAMES = "the variable is x; the functions are " + Builtin.names()
            + "; the constants are True, False, pi, e";

    private Primaries() {
    }

    static Expr primary(Parser parser) {
        Token token = parser.next();
        Expr atom = switch (token.kind()) {
            case NUMBER -> new Expr.Num(token.value(), token.position());
            case TRUE, FALSE -> new Expr.Num(token.is(Kind.TRUE), token.position());
            case LPAREN -> parenthesised(parser, token);
            case NAME -> name(parser, token);
            default -> throw token.is(Kind.END) || token.is(Kind.NEWLINE) || token.is(Kind.RPAREN)
                    ? parser.error(token.position(), "expected an expression, found " + token.describe())
                    : parser.unexpected(token);
        };
        Token after = parser.peek();
        if (after.is(Kind.DOT)) {
            throw parser.error(after.position(), "attribute access is not supported");
        }
        if (after.is(Kind.LPAREN)) {
            throw parser.error(after.position(), "only functions can be called: " + NAMES);
        }
        return atom;
    }

    private static Expr parenthesised(Parser parser, Token open) {
        if (parser.peek().is(Kind.RPAREN)) {
            throw parser.error(open.position(), "tuples are not supported");
        }
        Expr inner = parser.nested();
        if (parser.peek().is(Kind.COMMA)) {
            throw parser.error(parser.peek().position(), "tuples are not supported");
        }
        parser.expect(Kind.RPAREN, open.position(), "'(' was never closed");
        return inner;
    }

    private static Expr name(Parser parser, Token token) {
        String name = token.text();
        switch (name) {
            case "x" -> {
                return new Expr.Var(token.position());
            }
            case "pi" -> {
                return new Expr.Num(Math.PI, token.position());
            }
            case "e" -> {
                return new Expr.Num(Math.E, token.position());
            }
            case "math" -> {
                return mathMember(parser, token);
            }
            default -> {
                Optional<Builtin> function = Builtin.named(name);
                if (function.isPresent()) {
                    return call(parser, function.get(), token);
                }
                throw parser.error(token.position(), parser.isPythonKeyword(name) ? "'" + name + "' is not supported"
                        : "name '" + name + "' is not defined: " + NAMES);
            }
        }
    }

    private static Expr mathMember(Parser parser, Token math) {
        if (!parser.accept(Kind.DOT) || !parser.peek().is(Kind.NAME)) {
            throw parser.error(math.position(), "math is a module: write math.sqrt(x), math.pi…");
        }
        Token member = parser.next();
        Optional<Builtin> function = Builtin.named(member.text()).filter(Builtin::inMath);
        if (function.isPresent()) {
            return call(parser, function.get(), math);
        }
        if (member.text().equals("pi") || member.text().equals("e")) {
            return new Expr.Num(member.text().equals("pi") ? Math.PI : Math.E, math.position());
        }
        throw parser.error(member.position(), "math." + member.text() + " is not supported: " + NAMES);
    }

    private static Expr call(Parser parser, Builtin function, Token name) {
        if (!parser.peek().is(Kind.LPAREN)) {
            throw parser.error(name.position(), function.pythonName() + " is a function: call it, as in "
                    + function.pythonName() + "(x)");
        }
        Token open = parser.next();
        List<Expr> args = new ArrayList<>();
        while (!parser.peek().is(Kind.RPAREN)) {
            Token next = parser.peek();
            if (next.is(Kind.STAR) || next.is(Kind.DOUBLE_STAR)) {
                throw parser.error(next.position(), "argument unpacking is not supported");
            }
            if (next.is(Kind.NAME) && parser.peekAfter().is(Kind.ASSIGN)) {
                throw parser.error(next.position(), "keyword arguments are not supported");
            }
            args.add(parser.nested());
            if (!parser.accept(Kind.COMMA)) {
                break;
            }
        }
        parser.expect(Kind.RPAREN, open.position(), "'(' was never closed");
        String wrongArity = function.checkArity(args.size());
        if (wrongArity != null) {
            throw parser.error(open.position(), wrongArity);
        }
        return parser.node(new Expr.Call(function, args, name.position()));
    }
}

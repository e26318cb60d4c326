package io.poolmap.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.poolmap.expression.Expr.BinOp;
import io.poolmap.expression.Expr.CmpOp;
import io.poolmap.expression.Expr.UnaryOp;
import io.poolmap.expression.Token.Kind;

/**
 * A recursive-descent parser for Python 3's expression grammar, restricted to what poolmap allows; one method per
 * precedence level, lowest first, as in Python's grammar ({@code expression}, {@code disjunction} … {@code power},
 * {@code primary}). Each token is read once, without backtracking, and the recursion is bounded by
 * {@link ExpressionLimits#maxDepth()}, so that any input ends fast.
 */
final class Parser extends TokenCursor {

    private static final Map<Kind, CmpOp> COMPARISONS = Map.of(Kind.LT, CmpOp.LT, Kind.LE, CmpOp.LE, Kind.GT, CmpOp.GT,
            Kind.GE, CmpOp.GE, Kind.EQ, CmpOp.EQ, Kind.NE, CmpOp.NE);
    private static final Map<Kind, BinOp> TERMS = Map.of(Kind.STAR, BinOp.MUL, Kind.SLASH, BinOp.DIV,
            Kind.DOUBLE_SLASH, BinOp.FLOOR_DIV, Kind.PERCENT, BinOp.MOD);

    private final int maxDepth;
    private int nesting;

    private Parser(String source, Lexer lexer, int maxDepth) {
        super(source, lexer);
        this.maxDepth = maxDepth;
    }

    static Expr parse(String source, ExpressionLimits limits, CostBudget budget) {
        if (source.length() > limits.maxLength()) {
            throw new ExpressionSyntaxException(source, limits.maxLength(), "an expression may be at most "
                    + limits.maxLength() + " characters long (poolmap.expressions.max-length)");
        }
        Parser parser = new Parser(source, new Lexer(source, budget), limits.maxDepth());
        if (parser.peek().is(Kind.END)) {
            throw parser.error(0, "the expression is empty");
        }
        Expr expr = parser.expression();
        boolean lineBreak = false;
        while (parser.peek().is(Kind.NEWLINE)) {
            parser.next();
            lineBreak = true;
        }
        Token rest = parser.peek();
        if (lineBreak && !rest.is(Kind.END)) {
            throw parser.error(rest.position(), "unexpected " + rest.describe()
                    + " after a line break: an expression spans lines only inside parentheses");
        }
        if (!rest.is(Kind.END)) {
            throw parser.unexpected(rest);
        }
        return expr;
    }

    private Expr expression() {
        enter();
        Expr body = disjunction();
        if (accept(Kind.IF)) {
            Expr condition = disjunction();
            if (!accept(Kind.ELSE)) {
                throw error(peek().position(), "expected 'else' after 'if' expression");
            }
            body = node(new Expr.IfElse(condition, body, expression(), body.position()));
        }
        nesting--;
        return body;
    }

    private Expr disjunction() {
        Expr first = conjunction();
        if (!peek().is(Kind.OR)) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (accept(Kind.OR)) {
            operands.add(conjunction());
        }
        return node(new Expr.Logical(false, operands, first.position()));
    }

    private Expr conjunction() {
        Expr first = inversion();
        if (!peek().is(Kind.AND)) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (accept(Kind.AND)) {
            operands.add(inversion());
        }
        return node(new Expr.Logical(true, operands, first.position()));
    }

    private Expr inversion() {
        if (!peek().is(Kind.NOT)) {
            return comparison();
        }
        int position = next().position();
        enter();
        Expr operand = inversion();
        nesting--;
        return node(new Expr.Not(operand, position));
    }

    private Expr comparison() {
        Expr first = sum();
        if (!COMPARISONS.containsKey(peek().kind())) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        List<CmpOp> ops = new ArrayList<>();
        while (COMPARISONS.containsKey(peek().kind())) {
            ops.add(COMPARISONS.get(next().kind()));
            operands.add(sum());
        }
        return node(new Expr.Compare(operands, ops, first.position()));
    }

    private Expr sum() {
        Expr left = term();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            BinOp op = next().is(Kind.PLUS) ? BinOp.ADD : BinOp.SUB;
            left = node(new Expr.Binary(op, left, term(), left.position()));
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (TERMS.containsKey(peek().kind())) {
            BinOp op = TERMS.get(next().kind());
            left = node(new Expr.Binary(op, left, factor(), left.position()));
        }
        return left;
    }

    private Expr factor() {
        if (!peek().is(Kind.PLUS) && !peek().is(Kind.MINUS)) {
            return power();
        }
        Token sign = next();
        enter();
        Expr operand = factor();
        nesting--;
        return node(new Expr.Unary(sign.is(Kind.MINUS) ? UnaryOp.NEG : UnaryOp.POS, operand, sign.position()));
    }

    private Expr power() {
        Expr base = Primaries.primary(this);
        if (!accept(Kind.DOUBLE_STAR)) {
            return base;
        }
        enter();
        Expr exponent = factor();
        nesting--;
        return node(new Expr.Binary(BinOp.POW, base, exponent, base.position()));
    }

    /** A sub-expression in parentheses or a call's argument: a full expression, nested one level deeper. */
    Expr nested() {
        return expression();
    }

    /** Refuses a tree deeper than the limit, at the node that makes it so. */
    Expr node(Expr expr) {
        if (expr.depth() > maxDepth) {
            throw tooDeep(expr.position());
        }
        return expr;
    }

    private void enter() {
        if (++nesting > maxDepth) {
            throw tooDeep(peek().position());
        }
    }

    private ExpressionSyntaxException tooDeep(int position) {
        return error(position, "the expression is nested too deeply (more than " + maxDepth
                + " levels; poolmap.expressions.max-depth)");
    }

}

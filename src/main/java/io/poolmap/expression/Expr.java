package io.poolmap.expression;

import java.util.List;

/**
 * The syntax tree of an expression, as Python's {@code ast} module would give it for the subset poolmap accepts;
 * every node knows where it starts in the source (for errors) and how deep it is (so that no tree can be deeper
 * than {@link ExpressionLimits#maxDepth()}, whatever walks it recursively).
 */
sealed interface Expr {

    /** 0-based offset in the source where the node starts. */
    int position();

    /** 1 for a leaf, else 1 + the depth of its deepest child. */
    int depth();

    /** A literal or a constant: a {@code Long}, {@code BigInteger} (beyond long), {@code Double} or {@code Boolean}. */
    record Num(Object value, int position) implements Expr {
        @Override
        public int depth() {
            return 1;
        }
    }

    /** The variable {@code x}. */
    record Var(int position) implements Expr {
        @Override
        public int depth() {
            return 1;
        }
    }

    record Unary(UnaryOp op, Expr operand, int position, int depth) implements Expr {
        Unary(UnaryOp op, Expr operand, int position) {
            this(op, operand, position, 1 + operand.depth());
        }
    }

    record Binary(BinOp op, Expr left, Expr right, int position, int depth) implements Expr {
        Binary(BinOp op, Expr left, Expr right, int position) {
            this(op, left, right, position, 1 + Math.max(left.depth(), right.depth()));
        }
    }

    /** A comparison chain {@code a < b <= c}: {@code ops.size() == operands.size() - 1}. */
    record Compare(List<Expr> operands, List<CmpOp> ops, int position, int depth) implements Expr {
        Compare(List<Expr> operands, List<CmpOp> ops, int position) {
            this(List.copyOf(operands), List.copyOf(ops), position, 1 + maxDepth(operands));
        }
    }

    /** {@code a and b and …} ({@code and} true) or {@code a or b or …}: the value of the operand that decided. */
    record Logical(boolean and, List<Expr> operands, int position, int depth) implements Expr {
        Logical(boolean and, List<Expr> operands, int position) {
            this(and, List.copyOf(operands), position, 1 + maxDepth(operands));
        }
    }

    record Not(Expr operand, int position, int depth) implements Expr {
        Not(Expr operand, int position) {
            this(operand, position, 1 + operand.depth());
        }
    }

    /** {@code then if condition else otherwise}. */
    record IfElse(Expr condition, Expr then, Expr otherwise, int position, int depth) implements Expr {
        IfElse(Expr condition, Expr then, Expr otherwise, int position) {
            this(condition, then, otherwise, position,
                    1 + Math.max(condition.depth(), Math.max(then.depth(), otherwise.depth())));
        }
    }

    record Call(Builtin function, List<Expr> args, int position, int depth) implements Expr {
        Call(Builtin function, List<Expr> args, int position) {
            this(function, List.copyOf(args), position, 1 + maxDepth(args));
        }
    }

    enum UnaryOp { NEG, POS }

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**");

        final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** A comparison operator; {@link #test} reads the outcome of {@link PyCompare#compare}. */
    enum CmpOp {
        LT, LE, GT, GE, EQ, NE;

        boolean test(int comparison) {
            if (comparison == PyCompare.UNORDERED) {
                return this == NE;
            }
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }

    private static int maxDepth(List<Expr> nodes) {
        int depth = 0;
        for (Expr node : nodes) {
            depth = Math.max(depth, node.depth());
        }
        return depth;
    }
}

package io.poolmap.expression;

import java.util.List;

import io.poolmap.expression.Expr.Binary;
import io.poolmap.expression.Expr.Call;
import io.poolmap.expression.Expr.CmpOp;
import io.poolmap.expression.Expr.Compare;
import io.poolmap.expression.Expr.IfElse;
import io.poolmap.expression.Expr.Logical;
import io.poolmap.expression.Expr.Not;
import io.poolmap.expression.Expr.Num;
import io.poolmap.expression.Expr.Unary;
import io.poolmap.expression.Expr.UnaryOp;
import io.poolmap.expression.Expr.Var;

/**
 * Turns a syntax tree into the tree specialised for an input that is a {@code long}: each node's Python type is
 * inferred from its operands' (an int is a {@link LongNode}, a float a {@link DoubleNode}, a bool a
 * {@link BoolNode}). A node whose type depends on the values ({@code x if c else 0.5}, {@code max(x, 0.5)}), a
 * constant beyond a long, or a call that would raise {@code TypeError} has no specialised form, and then neither has
 * the expression: the {@link Interpreter} computes every item.
 */
final class Specialiser {

    /** Thrown when a node has no specialised form; it carries nothing. */
    private static final RuntimeException NOT_SPECIALISED = new RuntimeException(null, null, false, false) {
    };

    private Specialiser() {
    }

    /** A {@link LongNode}, {@link DoubleNode} or {@link BoolNode} for {@code expr}, or {@code null}. */
    static Object specialise(Expr expr) {
        try {
            return build(expr);
        } catch (RuntimeException notSpecialised) {
            if (notSpecialised != NOT_SPECIALISED) {
                throw notSpecialised;
            }
            return null;
        }
    }

    private static Object build(Expr expr) {
        return switch (expr) {
            case Num num -> switch (num.value()) {
                case Long value -> new LongNode.Const(value);
                case Double value -> new DoubleNode.Const(value);
                case Boolean value -> new BoolNode.Const(value);
                default -> throw NOT_SPECIALISED;
            };
            case Var ignored -> new LongNode.X();
            case Unary unary -> unary(unary.op(), build(unary.operand()));
            case Binary binary -> binary(binary);
            case Compare compare -> compare(compare);
            case Logical logical -> logical(logical);
            case Not not -> new BoolNode.Not(truth(build(not.operand())));
            case IfElse choice -> choice(choice);
            case Call call -> SpecialisedCalls.call(call.function(), call.args().stream().map(Specialiser::build).toList());
        };
    }

    private static Object unary(UnaryOp op, Object operand) {
        if (isInt(operand)) {
            return op == UnaryOp.NEG ? new LongFunctions.Negate(asLong(operand)) : asLong(operand);
        }
        return op == UnaryOp.NEG ? new DoubleNode.Function1(asDouble(operand), a -> -a) : operand;
    }

    private static Object binary(Binary binary) {
        Object left = build(binary.left());
        Object right = build(binary.right());
        if (isInt(left) && isInt(right)) {
            LongNode a = asLong(left);
            LongNode b = asLong(right);
            return switch (binary.op()) {
                case ADD -> new LongNode.Add(a, b);
                case SUB -> new LongNode.Subtract(a, b);
                case MUL -> new LongNode.Multiply(a, b);
                case DIV -> new DoubleNode.Divide(a, b);
                case FLOOR_DIV -> new LongOperators.FloorDivide(a, b);
                case MOD -> new LongOperators.Modulo(a, b);
                case POW -> b instanceof LongNode.Const c && c.value == 2 ? new LongOperators.Square(a) : new LongOperators.Power(a, b);
            };
        }
        DoubleNode a = asDouble(left);
        DoubleNode b = asDouble(right);
        return switch (binary.op()) {
            case ADD -> new DoubleNode.Add(a, b);
            case MUL -> new DoubleNode.Multiply(a, b);
            default -> new DoubleNode.Operator(binary.op(), a, b);
        };
    }

    private static BoolNode compare(Compare compare) {
        List<Object> operands = compare.operands().stream().map(Specialiser::build).toList();
        CmpOp[] ops = compare.ops().toArray(CmpOp[]::new);
        if (ops.length == 1 && isInt(operands.get(0)) && isInt(operands.get(1))) {
            return new BoolNode.CompareLongs(ops[0], asLong(operands.get(0)), asLong(operands.get(1)));
        }
        LongNode[] longs = new LongNode[operands.size()];
        DoubleNode[] doubles = new DoubleNode[operands.size()];
        for (int k = 0; k < operands.size(); k++) {
            if (isInt(operands.get(k))) {
                longs[k] = asLong(operands.get(k));
            } else {
                doubles[k] = asDouble(operands.get(k));
            }
        }
        return new BoolNode.Chain(longs, doubles, ops);
    }

    private static Object logical(Logical logical) {
        List<Object> operands = logical.operands().stream().map(Specialiser::build).toList();
        if (operands.stream().allMatch(node -> node instanceof LongNode)) {
            return new LongFunctions.Logical(operands.toArray(LongNode[]::new), logical.and());
        }
        if (operands.stream().allMatch(node -> node instanceof DoubleNode)) {
            return new DoubleNode.Logical(operands.toArray(DoubleNode[]::new), logical.and());
        }
        if (operands.stream().allMatch(node -> node instanceof BoolNode)) {
            return new BoolNode.Logical(operands.toArray(BoolNode[]::new), logical.and());
        }
        throw NOT_SPECIALISED;
    }

    private static Object choice(IfElse choice) {
        BoolNode condition = truth(build(choice.condition()));
        Object then = build(choice.then());
        Object otherwise = build(choice.otherwise());
        return switch (then) {
            case LongNode a when otherwise instanceof LongNode b -> new LongFunctions.Choice(condition, a, b);
            case DoubleNode a when otherwise instanceof DoubleNode b -> new DoubleNode.Choice(condition, a, b);
            case BoolNode a when otherwise instanceof BoolNode b -> new BoolNode.Choice(condition, a, b);
            default -> throw NOT_SPECIALISED;
        };
    }

    static boolean isInt(Object node) {
        return node instanceof LongNode || node instanceof BoolNode;
    }

    static LongNode asLong(Object node) {
        return switch (node) {
            case LongNode integer -> integer;
            case BoolNode bool -> new LongFunctions.OfBool(bool);
            default -> throw NOT_SPECIALISED;
        };
    }

    static DoubleNode asDouble(Object node) {
        return node instanceof DoubleNode real ? real : new DoubleNode.OfLong(asLong(node));
    }

    static BoolNode truth(Object node) {
        return switch (node) {
            case BoolNode bool -> bool;
            case LongNode integer -> new BoolNode.OfLong(integer);
            default -> new BoolNode.OfDouble((DoubleNode) node);
        };
    }

    static RuntimeException notSpecialised() {
        return NOT_SPECIALISED;
    }
}

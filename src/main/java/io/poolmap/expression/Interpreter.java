package io.poolmap.expression;

import java.util.List;

import io.poolmap.expression.Expr.Binary;
import io.poolmap.expression.Expr.Call;
import io.poolmap.expression.Expr.Compare;
import io.poolmap.expression.Expr.IfElse;
import io.poolmap.expression.Expr.Logical;
import io.poolmap.expression.Expr.Not;
import io.poolmap.expression.Expr.Num;
import io.poolmap.expression.Expr.Unary;
import io.poolmap.expression.Expr.Var;

/**
 * Evaluates a syntax tree for one value of {@code x}, exactly as Python would: operands left to right, {@code and},
 * {@code or}, {@code if}/{@code else} and comparison chains short-circuit (so {@code x or 1/0} fails only where
 * {@code x} is falsy). It is the reference path, used for every input that is not a {@code long} and whenever the
 * specialised {@code long} nodes give up; its recursion is bounded by the tree's depth.
 */
final class Interpreter {

    private final DigitBudget budget;

    Interpreter(DigitBudget budget) {
        this.budget = budget;
    }

    /** The value of {@code expr} for {@code x} (a {@code Long}, {@code BigInteger}, {@code Double} or {@code Boolean}). */
    Object evaluate(Expr expr, Object x) {
        return switch (expr) {
            case Num num -> num.value();
            case Var ignored -> x;
            case Unary unary -> PyArithmetic.unary(unary.op(), evaluate(unary.operand(), x), budget);
            case Binary binary -> {
                Object left = evaluate(binary.left(), x);
                yield PyArithmetic.binary(binary.op(), left, evaluate(binary.right(), x), budget);
            }
            case Compare compare -> compare(compare, x);
            case Logical logical -> logical(logical, x);
            case Not not -> !PyValues.truth(evaluate(not.operand(), x));
            case IfElse choice -> PyValues.truth(evaluate(choice.condition(), x))
                    ? evaluate(choice.then(), x) : evaluate(choice.otherwise(), x);
            case Call call -> {
                List<Expr> args = call.args();
                Object[] values = new Object[args.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = evaluate(args.get(k), x);
                }
                yield PyFunctions.call(call.function(), values, budget);
            }
        };
    }

    private Boolean compare(Compare compare, Object x) {
        List<Expr> operands = compare.operands();
        Object left = evaluate(operands.getFirst(), x);
        for (int k = 0; k < compare.ops().size(); k++) {
            Object right = evaluate(operands.get(k + 1), x);
            if (!compare.ops().get(k).test(PyCompare.compare(left, right))) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private Object logical(Logical logical, Object x) {
        List<Expr> operands = logical.operands();
        Object value = evaluate(operands.getFirst(), x);
        for (int k = 1; k < operands.size() && PyValues.truth(value) == logical.and(); k++) {
            value = evaluate(operands.get(k), x);
        }
        return value;
    }
}

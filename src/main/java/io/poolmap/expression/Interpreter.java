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
 * specialised {@code long} nodes give up; its recursion is bounded by the tree's depth, its work by the
 * {@link CostBudget} each item gets.
 */
final class Interpreter {

    private final CostBudget budget;

    Interpreter(CostBudget budget) {
        this.budget = budget;
    }

    /** The value of {@code expr} for {@code x} (a {@code Long}, {@code BigInteger}, {@code Double} or {@code Boolean}). */
    Object evaluate(Expr expr, Object x) {
        return evaluate(expr, x, budget.forItem());
    }

    /** A fresh budget, for a caller that evaluates several times under one, as constant folding does. */
    CostBudget budget() {
        return budget.forItem();
    }

    static Object evaluate(Expr expr, Object x, CostBudget budget) {
        return switch (expr) {
            case Num num -> num.value();
            case Var ignored -> x;
            case Unary unary -> PyArithmetic.unary(unary.op(), evaluate(unary.operand(), x, budget), budget);
            case Binary binary -> {
                Object left = evaluate(binary.left(), x, budget);
                yield PyArithmetic.binary(binary.op(), left, evaluate(binary.right(), x, budget), budget);
            }
            case Compare compare -> compare(compare, x, budget);
            case Logical logical -> logical(logical, x, budget);
            case Not not -> !PyValues.truth(evaluate(not.operand(), x, budget));
            case IfElse choice -> PyValues.truth(evaluate(choice.condition(), x, budget))
                    ? evaluate(choice.then(), x, budget) : evaluate(choice.otherwise(), x, budget);
            case Call call -> {
                List<Expr> args = call.args();
                Object[] values = new Object[args.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = evaluate(args.get(k), x, budget);
                }
                yield PyFunctions.call(call.function(), values, budget);
            }
        };
    }

    private static Boolean compare(Compare compare, Object x, CostBudget budget) {
        List<Expr> operands = compare.operands();
        Object left = evaluate(operands.getFirst(), x, budget);
        for (int k = 0; k < compare.ops().size(); k++) {
            Object right = evaluate(operands.get(k + 1), x, budget);
            if (!compare.ops().get(k).test(PyCompare.compare(left, right))) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private static Object logical(Logical logical, Object x, CostBudget budget) {
        List<Expr> operands = logical.operands();
        Object value = evaluate(operands.getFirst(), x, budget);
        for (int k = 1; k < operands.size() && PyValues.truth(value) == logical.and(); k++) {
            value = evaluate(operands.get(k), x, budget);
        }
        return value;
    }
}

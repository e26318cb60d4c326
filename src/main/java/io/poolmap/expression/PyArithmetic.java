package io.poolmap.expression;

import io.poolmap.expression.Expr.BinOp;
import io.poolmap.expression.Expr.UnaryOp;

/**
 * Python's arithmetic operators on any two values: int with int stays exact ({@link PyInt}, {@link TrueDivision}
 * for {@code /}); as soon as one operand is a float, the other is converted with {@code float()} (which overflows
 * for an int beyond a double) and the float operation runs ({@link PyFloat}). Bools count as ints.
 */
final class PyArithmetic {

    private PyArithmetic() {
    }

    static Object binary(BinOp op, Object left, Object right, CostBudget budget) {
        Object a = PyValues.unbool(left);
        Object b = PyValues.unbool(right);
        if (a instanceof Double || b instanceof Double) {
            return floats(op, PyValues.toDouble(a), PyValues.toDouble(b));
        }
        return switch (op) {
            case ADD -> PyInt.add(a, b, budget);
            case SUB -> PyInt.subtract(a, b, budget);
            case MUL -> PyInt.multiply(a, b, budget);
            case DIV -> {
                if (!(a instanceof Long && b instanceof Long)) {
                    budget.chargeProduct(PyValues.big(a), PyValues.big(b), "/");
                }
                yield TrueDivision.divide(a, b);
            }
            case FLOOR_DIV -> PyInt.floorDivide(a, b, budget);
            case MOD -> PyInt.modulo(a, b, budget);
            case POW -> PyInt.power(a, b, budget);
        };
    }

    static double floats(BinOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> PyFloat.divide(a, b);
            case FLOOR_DIV -> PyFloat.floorDivide(a, b);
            case MOD -> PyFloat.modulo(a, b);
            case POW -> PyFloat.power(a, b);
        };
    }

    static Object unary(UnaryOp op, Object operand, CostBudget budget) {
        Object value = PyValues.unbool(operand);
        if (op == UnaryOp.POS) {
            return value;
        }
        return value instanceof Double real ? (Object) (-real) : PyInt.negate(value, budget);
    }
}

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
 * Computes once, at compile time, every sub-expression that does not depend on {@code x} ({@code 2**10},
 * {@code -1}, {@code pi / 2}), so that items do not compute it again. A constant sub-expression that fails
 * ({@code 1/0}, {@code 10**10**10}) is left as it is: in Python it fails only for the items that reach it. All
 * the folding of one expression shares one item's {@link CostBudget}, so that compiling costs no more than an item.
 */
final class ConstantFolder {

    private final CostBudget budget;

    ConstantFolder(Interpreter interpreter) {
        this.budget = interpreter.budget();
    }

    Expr fold(Expr expr) {
        Expr folded = switch (expr) {
            case Num num -> num;
            case Var var -> var;
            case Unary unary -> new Unary(unary.op(), fold(unary.operand()), unary.position());
            case Binary binary -> new Binary(binary.op(), fold(binary.left()), fold(binary.right()), binary.position());
            case Compare compare -> new Compare(foldAll(compare.operands()), compare.ops(), compare.position());
            case Logical logical -> new Logical(logical.and(), foldAll(logical.operands()), logical.position());
            case Not not -> new Not(fold(not.operand()), not.position());
            case IfElse choice -> new IfElse(fold(choice.condition()), fold(choice.then()), fold(choice.otherwise()),
                    choice.position());
            case Call call -> new Call(call.function(), foldAll(call.args()), call.position());
        };
        if (folded instanceof Num || !childrenAreConstants(folded)) {
            return folded;
        }
        try {
            return new Num(Interpreter.evaluate(folded, null, budget), folded.position());
        } catch (PyError fails) {
            return folded;
        }
    }

    private List<Expr> foldAll(List<Expr> exprs) {
        return exprs.stream().map(this::fold).toList();
    }

    private static boolean childrenAreConstants(Expr expr) {
        return switch (expr) {
            case Num ignored -> true;
            case Var ignored -> false;
            case Unary unary -> unary.operand() instanceof Num;
            case Binary binary -> binary.left() instanceof Num && binary.right() instanceof Num;
            case Compare compare -> allNums(compare.operands());
            case Logical logical -> allNums(logical.operands());
            case Not not -> not.operand() instanceof Num;
            case IfElse choice -> choice.condition() instanceof Num && choice.then() instanceof Num
                    && choice.otherwise() instanceof Num;
            case Call call -> allNums(call.args());
        };
    }

    private static boolean allNums(List<Expr> exprs) {
        return exprs.stream().allMatch(node -> node instanceof Num);
    }
}

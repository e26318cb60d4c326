package io.poolmap.job;

import java.util.List;
import java.util.Optional;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * The operation of a stored job that this process does not have (a plug-in removed since) or an expression it no
 * longer accepts (its limits were lowered): enough to show the job as it was; it computes nothing, so a job resumed
 * with it fails saying why.
 */
final class ArchivedOperation implements Operation {

    private final OperationInfo info;
    private final String expression;
    private final String why;

    private ArchivedOperation(String name, String expression, String why) {
        this.info = new OperationInfo(name, "an operation this instance does not have", OperationKind.CPU, "none",
                "none", new OperationInfo.Example(List.of(), List.of()), 1);
        this.expression = expression;
        this.why = why;
    }

    static ArchivedOperation named(String name) {
        String shown = name == null || !name.matches("[a-z][a-z0-9_]{0,63}") ? "unknown" : name;
        return new ArchivedOperation(shown, null, "poolmap has no operation named '" + shown + "' any more");
    }

    static ArchivedOperation expression(String source, String whyNot) {
        return new ArchivedOperation(ExpressionOperation.NAME, source,
                "the expression no longer compiles on this instance: " + whyNot);
    }

    /** The expression of the stored job, or {@code null} when it named an operation. */
    String expression() {
        return expression;
    }

    /** Why a job of it cannot be computed here. */
    String why() {
        return why;
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        return Optional.of(why);
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
    }
}

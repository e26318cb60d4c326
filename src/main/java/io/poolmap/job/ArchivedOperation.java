package io.poolmap.job;

import java.util.List;
import java.util.Optional;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * The operation of a stored job that this process does not have (a plug-in removed since): enough to show the job
 * under its name; it computes nothing, so a job resumed with it fails saying why.
 */
final class ArchivedOperation implements Operation {

    private final OperationInfo info;

    private ArchivedOperation(String name) {
        this.info = new OperationInfo(name, "an operation this instance does not have", OperationKind.CPU, "none",
                "none", new OperationInfo.Example(List.of(), List.of()), 1);
    }

    static Operation named(String name) {
        return new ArchivedOperation(name == null || !name.matches("[a-z][a-z0-9_]{0,63}") ? "unknown" : name);
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        return Optional.of("poolmap has no operation named '" + info.name() + "' any more");
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
    }
}

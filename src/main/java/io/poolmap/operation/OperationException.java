package io.poolmap.operation;

/** An item that its operation cannot compute; the job that holds it fails, naming the item. */
public class OperationException extends RuntimeException {

    public OperationException(String reason) {
        super(reason, null, false, false);
    }
}

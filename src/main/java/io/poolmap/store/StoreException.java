package io.poolmap.store;

/**
 * The store cannot start or cannot do what was asked (its directory is unusable, its files are corrupt, the cluster
 * refused it); the message says what to fix and names the property involved, so that a start fails loudly instead of
 * running without the jobs it should have kept.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

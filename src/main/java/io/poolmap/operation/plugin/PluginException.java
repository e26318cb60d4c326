package io.poolmap.operation.plugin;

/**
 * A plug-in that cannot be loaded, or an operation whose name another already has: it stops the start, and its
 * message names the jar and the class, so that the operator knows what to remove or fix.
 */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}

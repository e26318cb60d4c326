package io.poolmap.operation.plugin;

import java.nio.file.Path;
import java.util.Objects;

import io.poolmap.operation.Operation;

/**
 * An operation that a plug-in jar provides, with the jar it came from, for the messages that name it.
 *
 * @param operation the operation, made by the jar's own class loader
 * @param jar the jar's path
 */
public record PluginOperation(Operation operation, Path jar) {

    public PluginOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(jar, "jar");
    }

    /** The jar and the class, e.g. {@code plug-in /plugins/digit-sum.jar (com.example.DigitSum)}. */
    public String origin() {
        return "plug-in " + jar + " (" + operation.getClass().getName() + ")";
    }
}

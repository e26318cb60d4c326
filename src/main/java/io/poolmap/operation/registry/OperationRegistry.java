package io.poolmap.operation.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.poolmap.operation.Operation;
import io.poolmap.operation.plugin.OperationPlugins;
import io.poolmap.operation.plugin.PluginException;
import io.poolmap.operation.plugin.PluginOperation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every {@link Operation}, found by name: the built-in ones (one bean each) and the operator's plug-ins
 * ({@link OperationPlugins}), alike. Two operations with one name stop the start, naming both (the class, and the jar
 * of a plug-in), so that no operation silently hides another; so does an operation named {@value #EXPRESSION}, the
 * name that jobs of an expression go by in meters and logs.
 */
@Component
public class OperationRegistry {

    /** The name of every job of an expression in meters and logs; no operation may take it. */
    public static final String EXPRESSION = "expression";

    private final Map<String, Operation> byName;

    /** The built-in operations (beans) and every plug-in's, when plug-ins are part of the context. */
    @Autowired
    OperationRegistry(List<Operation> builtIn, ObjectProvider<OperationPlugins> plugins) {
        this(builtIn, plugins.getIfAvailable());
    }

    /** These operations alone (for tests and benchmarks). */
    public OperationRegistry(List<Operation> operations) {
        this(operations, (OperationPlugins) null);
    }

    /** The built-in operations and the operations of {@code plugins} (none when {@code null}). */
    public OperationRegistry(List<Operation> builtIn, OperationPlugins plugins) {
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, Operation> map = new TreeMap<>();
        for (Operation operation : builtIn) {
            add(map, origins, operation, "built-in operation " + operation.getClass().getName());
        }
        for (PluginOperation plugin : plugins == null ? List.<PluginOperation>of() : plugins.operations()) {
            add(map, origins, plugin.operation(), plugin.origin());
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    private static void add(Map<String, Operation> map, Map<String, String> origins, Operation operation, String origin) {
        String name = operation.name();
        boolean plugin = origin.startsWith("plug-in");
        if (name.equals(EXPRESSION)) {
            String message = "the " + origin + " is named '" + EXPRESSION + "', the name that jobs of an expression go by; "
                    + "rename the operation";
            throw plugin ? new PluginException(message) : new IllegalStateException(message);
        }
        String previous = origins.putIfAbsent(name, origin);
        if (previous != null) {
            String message = "two operations are named '" + name + "': the " + previous + " and the " + origin;
            throw plugin ? new PluginException(message) : new IllegalStateException(message);
        }
        map.put(name, operation);
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    /** All operations, sorted by name. */
    public Collection<Operation> all() {
        return byName.values();
    }

    /** All names, sorted, as listed in errors about an unknown operation. */
    public Collection<String> names() {
        return byName.keySet();
    }
}

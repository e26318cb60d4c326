package io.poolmap.operation.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.poolmap.operation.Operation;
import org.springframework.stereotype.Component;

/**
 * Every {@link Operation}, found by name; adding an operation is adding one bean. Two operations with one name stop
 * the start, naming both classes, so that no operation silently hides another.
 */
@Component
public class OperationRegistry {

    private final Map<String, Operation> byName;

    public OperationRegistry(List<Operation> operations) {
        Map<String, Operation> map = new TreeMap<>();
        for (Operation operation : operations) {
            Operation previous = map.put(operation.name(), operation);
            if (previous != null) {
                throw new IllegalStateException("two operations are named '" + operation.name() + "': "
                        + previous.getClass().getName() + " and " + operation.getClass().getName());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
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

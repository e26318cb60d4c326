package io.poolmap.operation.builtin;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import io.poolmap.operation.Operation;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/** Lets tests and benchmarks run the twelve built-in operations without Spring, built as Spring builds them. */
public final class BuiltInOperations {

    private BuiltInOperations() {
    }

    /** The limits as the running service binds them from an empty configuration: the {@code @DefaultValue}s. */
    public static OperationLimits defaultLimits() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("poolmap.operations", OperationLimits.class);
    }

    /** Every built-in operation with the default limits. */
    public static List<Operation> all() {
        return all(defaultLimits());
    }

    /** Every {@code @Component} {@link Operation} of the built-in package, with {@code limits}. */
    public static List<Operation> all(OperationLimits limits) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Operation.class));
        List<Operation> operations = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BuiltInOperations.class.getPackageName())) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (!type.isAnnotationPresent(Component.class)) {
                    continue;
                }
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                operations.add((Operation) (constructor.getParameterCount() == 0
                        ? constructor.newInstance() : constructor.newInstance(limits)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + candidate.getBeanClassName(), e);
            }
        }
        return operations;
    }
}

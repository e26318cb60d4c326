package io.poolmap.operation;

import java.lang.reflect.Constructor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/** Test data for operations: batches from plain Java values, one-item calls, and every operation Spring would find. */
final class NumbersFixtures {

    private NumbersFixtures() {
    }

    /** A batch of {@code Integer}/{@code Long}, {@code Double} and {@code BigInteger} values, in order. */
    static Numbers numbers(Object... values) {
        Numbers.Builder builder = Numbers.builder();
        for (Object value : values) {
            switch (value) {
                case Integer n -> builder.add((long) n);
                case Long n -> builder.add((long) n);
                case Double x -> builder.add((double) x);
                case BigInteger n -> builder.add(n);
                default -> throw new IllegalArgumentException("not a number for a batch: " + value);
            }
        }
        return builder.build();
    }

    /** {@code operation} applied to one value; the result as {@link Numbers#valueAt} boxes it. */
    static Object apply(Operation operation, Object value) throws InterruptedException {
        Numbers out = Numbers.forResults(1);
        operation.apply(numbers(value), 0, out);
        return out.valueAt(0);
    }

    /** Why {@code operation} refuses {@code value}, or null when it accepts it. */
    static String refusal(Operation operation, Object value) {
        return operation.checkDomain(numbers(value), 0);
    }

    /** An integer as {@link Numbers} holds it: a {@code Long} when it fits, otherwise the {@code BigInteger}. */
    static Object integer(BigInteger value) {
        return Numbers.fitsLong(value) ? (Object) value.longValue() : value;
    }

    /** A value boxed as {@link Numbers#valueAt} boxes it: an {@code Integer} or small {@code BigInteger} is a Long. */
    static Object normalised(Object value) {
        return switch (value) {
            case Integer n -> (long) n;
            case BigInteger n -> integer(n);
            default -> value;
        };
    }

    /** Every {@code @Component} {@link Operation} in this package, built as Spring builds it, with {@code limits}. */
    static List<Operation> allOperations(OperationLimits limits) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Operation.class));
        List<Operation> operations = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(Operation.class.getPackageName())) {
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

package io.poolmap.operation;

import java.util.List;

import io.poolmap.operation.builtin.BuiltInOperations;
import io.poolmap.operation.registry.OperationRegistry;

/** The built-in operations with their default limits, for benchmarks outside this package. */
public final class BenchOperations {

    private BenchOperations() {
    }

    /** Every built-in operation, as the service registers them. */
    public static List<Operation> all() {
        return BuiltInOperations.all();
    }

    /** The built-in operation called {@code name}. */
    public static Operation named(String name) {
        return new OperationRegistry(all()).find(name).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** The inputs the benchmarks use for {@code name}: 100k odd numbers from 10^9 + 1 for is_prime, else 1 … n. */
    public static long[] inputs(String name, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (name) {
                case "is_prime" -> 1_000_000_001L + 2L * i;
                case "factorial", "fibonacci" -> 1 + i % 200;
                case "sleep" -> 0;
                default -> i + 1L;
            };
        }
        return values;
    }
}

package io.poolmap.operation;

import java.util.List;

/** Lets tests in other packages run the twelve built-in operations without Spring. */
public final class BuiltInOperations {

    private BuiltInOperations() {
    }

    public static List<Operation> all(OperationLimits limits) {
        return NumbersFixtures.allOperations(limits);
    }
}

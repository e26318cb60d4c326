package io.poolmap.operation;

import java.math.BigInteger;


/** Test data for operations: batches from plain Java values and one-item calls. */
public final class NumbersFixtures {

    private NumbersFixtures() {
    }

    /** A batch of {@code Integer}/{@code Long}, {@code Double} and {@code BigInteger} values, in order. */
    public static Numbers numbers(Object... values) {
        NumbersBuilder builder = Numbers.builder();
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
    public static Object apply(Operation operation, Object value) throws InterruptedException {
        Numbers out = Numbers.forResults(1);
        operation.apply(numbers(value), 0, out);
        return out.valueAt(0);
    }

    /** Why {@code operation} refuses {@code value}, or null when it accepts it. */
    public static String refusal(Operation operation, Object value) {
        return operation.refusal(numbers(value), 0).orElse(null);
    }

    /** An integer as {@link Numbers} holds it: a {@code Long} when it fits, otherwise the {@code BigInteger}. */
    public static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** A value boxed as {@link Numbers#valueAt} boxes it: an {@code Integer} or small {@code BigInteger} is a Long. */
    public static Object normalised(Object value) {
        return switch (value) {
            case Integer n -> (long) n;
            case BigInteger n -> integer(n);
            default -> value;
        };
    }
}

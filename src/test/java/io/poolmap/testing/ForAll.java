package io.poolmap.testing;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks a property on many values from a seeded {@link Generator} inside one plain JUnit test; a failure names the
 * seed, the try and the value, and {@code -Dpoolmap.seed=<seed>} replays it (each run draws a fresh seed otherwise).
 */
public final class ForAll {

    /** The system property that fixes the seed of every property in a run, to replay a reported failure. */
    public static final String SEED_PROPERTY = "poolmap.seed";

    private static final int MAX_VALUE_CHARS = 2_000;

    private ForAll() {
    }

    /** One check of a property: throws (an assertion error or any exception) when the value breaks it. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T value) throws Exception;
    }

    /** Checks {@code tries} values, from the seed of {@value #SEED_PROPERTY} when set, or from a fresh one. */
    public static <T> void forAll(int tries, Generator<T> generator, Check<? super T> check) {
        forAll(seed(), tries, generator, check);
    }

    /** Checks {@code tries} values drawn from {@code seed}: the same seed checks the same values in the same order. */
    public static <T> void forAll(long seed, int tries, Generator<T> generator, Check<? super T> check) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            T value = null;
            boolean generated = false;
            try {
                value = generator.next(random);
                generated = true;
                check.check(value);
            } catch (Exception | AssertionError failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new AssertionError(message(seed, attempt, tries, generated ? describe(value) : "(the generator failed)",
                        failure), failure);
            }
        }
    }

    private static long seed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed == null || fixed.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(fixed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, not '" + fixed + "'", e);
        }
    }

    private static String message(long seed, int attempt, int tries, String value, Throwable failure) {
        return "property failed on try %d of %d with seed %d (replay with -D%s=%d)%n  value: %s%n  failure: %s"
                .formatted(attempt, tries, seed, SEED_PROPERTY, seed, value, failure);
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE_CHARS ? text
                : text.substring(0, MAX_VALUE_CHARS) + "… (" + text.length() + " characters; replay the seed for all)";
    }
}

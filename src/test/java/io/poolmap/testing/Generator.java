package io.poolmap.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** A source of test values drawn from a seeded random, so that one seed gives the same values in the same order. */
@FunctionalInterface
public interface Generator<T> {

    T next(RandomGenerator random);

    default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** Lists of {@code minSize} to {@code maxSize} values; the shortest and longest sizes come up as edge values. */
    default Generator<List<T>> lists(int minSize, int maxSize) {
        Generator<Integer> sizes = Generators.ints(minSize, maxSize);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** This generator's values, or null with the given probability: for parameters where null means "the default". */
    default Generator<T> orNull(double probability) {
        return random -> random.nextDouble() < probability ? null : next(random);
    }
}

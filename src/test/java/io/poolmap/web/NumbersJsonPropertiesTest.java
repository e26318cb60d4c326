package io.poolmap.web;

import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.doubles;
import static io.poolmap.testing.Generators.longs;
import static io.poolmap.testing.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersBuilder;
import io.poolmap.testing.Generator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers are exact on the wire: any batch of longs, integers of up to {@code max-digits} digits and finite doubles,
 * written as JSON and read back, gives the same values of the same kinds, and integers are never written with a
 * decimal point or an exponent.
 */
class NumbersJsonPropertiesTest {

    private static final int MAX_DIGITS = 1000;
    private final JsonMapper json = JsonMapper.builder().addModule(NumbersJson.module(10_000, MAX_DIGITS)).build();

    @Test
    void writingAndReadingBackChangesNoNumber() {
        forAll(500, batches(), this::roundTripsExactly);
    }

    private void roundTripsExactly(List<Object> values) {
        NumbersBuilder builder = Numbers.builder();
        for (Object value : values) {
            switch (value) {
                case Long l -> builder.add(l);
                case BigInteger b -> builder.add(b);
                case Double d -> builder.add(d);
                default -> throw new IllegalArgumentException(String.valueOf(value));
            }
        }
        Numbers written = builder.build();

        String text = json.writeValueAsString(written);
        Numbers read = json.readValue(text, Numbers.class);

        assertThat(read.size()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(read.isInteger(i)).as("item %d of %s", i, text).isEqualTo(written.isInteger(i));
            if (written.isInteger(i)) {
                assertThat(read.bigIntegerAt(i)).isEqualTo(written.bigIntegerAt(i));
                assertThat(written.toJson(i)).doesNotContain(".", "e", "E");
            } else {
                assertThat(Double.doubleToLongBits(read.doubleAt(i))).as("%s", written.doubleAt(i))
                        .isEqualTo(Double.doubleToLongBits(written.doubleAt(i)));
            }
        }
    }

    private static Generator<List<Object>> batches() {
        Generator<BigInteger> bigs = bigIntegers(BigInteger.TEN.pow(MAX_DIGITS - 1).negate().add(BigInteger.ONE),
                BigInteger.TEN.pow(MAX_DIGITS - 1));
        Generator<Object> item = oneOf(longs(), bigs, doubles());
        return item.lists(1, 50);
    }
}

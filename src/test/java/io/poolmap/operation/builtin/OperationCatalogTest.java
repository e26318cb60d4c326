package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.normalised;
import static io.poolmap.operation.NumbersFixtures.numbers;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.operation.NumbersFixtures;

/** Checks what {@code GET /api/v1/operations} will show: every operation, its example, domain and limit. */
class OperationCatalogTest {

    private static final List<String> BUILT_IN = List.of("double", "square", "cube", "negate", "abs", "increment",
            "sqrt", "factorial", "fibonacci", "is_prime", "collatz_steps", "sleep");

    private final List<Operation> operations = BuiltInOperations.all(BuiltInOperations.defaultLimits());

    @Test
    void theRegistryFindsAllTwelveBuiltInOperationsByName() {
        OperationRegistry registry = new OperationRegistry(operations);
        assertThat(registry.names()).containsExactlyInAnyOrderElementsOf(BUILT_IN);
        for (String name : BUILT_IN) {
            assertThat(registry.find(name)).map(Operation::name).contains(name);
        }
        assertThat(registry.find("Square")).isEmpty();
    }

    @Test
    void everyExampleIsReproducedByApply() throws Exception {
        for (Operation operation : operations) {
            OperationInfo.Example example = operation.info().example();
            Numbers in = numbers(example.numbers().toArray());
            Numbers out = Numbers.forResults(in.size());
            assertThat(example.results()).as(operation.name()).hasSize(in.size());
            for (int i = 0; i < in.size(); i++) {
                assertThat(operation.refusal(in, i).orElse(null)).as("%s example item %d", operation.name(), i).isNull();
                operation.apply(in, i, out);
                assertThat(out.valueAt(i)).as("%s(%s)", operation.name(), in.valueAt(i))
                        .isEqualTo(normalised(example.results().get(i)));
            }
        }
    }

    @Test
    void everyOperationDescribesItselfForPeople() {
        for (Operation operation : operations) {
            assertThat(operation.name()).matches("[a-z]+(_[a-z]+)*").isEqualTo(operation.info().name());
            assertThat(operation.info().description()).as(operation.name()).isNotBlank().endsWith(".");
            assertThat(operation.info().domain()).as(operation.name()).isNotBlank();
            assertThat(operation.info().limit()).as(operation.name()).isNotBlank();
            assertThat(operation.info().costNanos()).as(operation.name()).isPositive();
            assertThat(operation.info().kind()).as(operation.name())
                    .isEqualTo(operation.name().equals("sleep") ? OperationKind.IO : OperationKind.CPU);
        }
    }

    @Test
    void everyConfigurableLimitNamesItsProperty() {
        OperationRegistry registry = new OperationRegistry(operations);
        assertThat(registry.find("factorial").orElseThrow().info().limit()).contains("poolmap.operations.factorial-max");
        assertThat(registry.find("fibonacci").orElseThrow().info().limit()).contains("poolmap.operations.fibonacci-max");
        assertThat(registry.find("is_prime").orElseThrow().info().limit()).contains("poolmap.operations.is-prime-max-digits");
        assertThat(registry.find("collatz_steps").orElseThrow().info().limit())
                .contains("poolmap.operations.collatz-max-steps", "poolmap.operations.collatz-max-digits");
        assertThat(registry.find("sleep").orElseThrow().info().limit()).contains("poolmap.operations.sleep-max-ms");
    }

    @Test
    void configuredLimitsChangeTheDomain() {
        List<Operation> strict = BuiltInOperations.all(new OperationLimits(10, 50, 1000, 5, 5, 100));
        OperationRegistry registry = new OperationRegistry(strict);
        assertThat(registry.find("factorial").orElseThrow().refusal(numbers(11), 0).orElse(null)).isNotNull();
        assertThat(registry.find("fibonacci").orElseThrow().refusal(numbers(51), 0).orElse(null)).isNotNull();
        assertThat(registry.find("is_prime").orElseThrow().refusal(numbers(123_456), 0).orElse(null)).isNotNull();
        assertThat(registry.find("collatz_steps").orElseThrow().refusal(numbers(123_456), 0).orElse(null)).isNotNull();
        assertThat(registry.find("sleep").orElseThrow().refusal(numbers(101), 0).orElse(null)).isNotNull();
        assertThat(registry.find("factorial").orElseThrow().info().domain()).isEqualTo("integer 0 ≤ n ≤ 10");
    }

    @Test
    void anOperationThatAcceptsEveryLongAcceptsEachWithinItsBound() {
        forAll(3000, longs(), this::acceptsWithinItsBound);
    }

    private void acceptsWithinItsBound(long x) {
        Numbers one = Numbers.ofLongs(x);
        for (Operation operation : operations) {
            OptionalLong anyLong = operation.resultDigitsOfAnyLong();
            if (anyLong.isPresent()) {
                long bound = anyLong.getAsLong();
                assertThat(operation.refusal(one, 0).orElse(null)).as("%s(%d)", operation.name(), x).isNull();
                assertThat(operation.resultDigits(one, 0)).as("%s(%d)", operation.name(), x).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void theArithmeticOperationsAndIsPrimeAcceptEveryLong() {
        assertThat(operations).filteredOn(operation -> operation.resultDigitsOfAnyLong().isPresent()).extracting(Operation::name)
                .containsExactlyInAnyOrder("double", "square", "cube", "negate", "abs", "increment", "is_prime");
    }
}

package io.poolmap.operation;

import static io.poolmap.operation.NumbersFixtures.normalised;
import static io.poolmap.operation.NumbersFixtures.numbers;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Checks what {@code GET /api/v1/operations} will show: every operation, its example, domain and limit. */
class OperationCatalogTest {

    private static final List<String> BUILT_IN = List.of("double", "square", "cube", "negate", "abs", "increment",
            "sqrt", "factorial", "fibonacci", "is_prime", "collatz_steps", "sleep");

    private final List<Operation> operations = NumbersFixtures.allOperations(OperationLimits.defaults());

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
            Operation.Example example = operation.example();
            Numbers in = numbers(example.numbers().toArray());
            Numbers out = Numbers.forResults(in.size());
            assertThat(example.results()).as(operation.name()).hasSize(in.size());
            for (int i = 0; i < in.size(); i++) {
                assertThat(operation.checkDomain(in, i)).as("%s example item %d", operation.name(), i).isNull();
                operation.apply(in, i, out);
                assertThat(out.valueAt(i)).as("%s(%s)", operation.name(), in.valueAt(i))
                        .isEqualTo(normalised(example.results().get(i)));
            }
        }
    }

    @Test
    void everyOperationDescribesItselfForPeople() {
        for (Operation operation : operations) {
            assertThat(operation.name()).matches("[a-z]+(_[a-z]+)*");
            assertThat(operation.description()).as(operation.name()).isNotBlank().endsWith(".");
            assertThat(operation.domain()).as(operation.name()).isNotBlank();
            assertThat(operation.limit()).as(operation.name()).isNotBlank();
            assertThat(operation.costNanos()).as(operation.name()).isPositive();
            assertThat(operation.kind()).as(operation.name())
                    .isEqualTo(operation.name().equals("sleep") ? OperationKind.IO : OperationKind.CPU);
        }
    }

    @Test
    void everyConfigurableLimitNamesItsProperty() {
        OperationRegistry registry = new OperationRegistry(operations);
        assertThat(registry.find("factorial").orElseThrow().limit()).contains("poolmap.operations.factorial-max");
        assertThat(registry.find("fibonacci").orElseThrow().limit()).contains("poolmap.operations.fibonacci-max");
        assertThat(registry.find("is_prime").orElseThrow().limit()).contains("poolmap.operations.is-prime-max-digits");
        assertThat(registry.find("collatz_steps").orElseThrow().limit())
                .contains("poolmap.operations.collatz-max-steps", "poolmap.operations.collatz-max-digits");
        assertThat(registry.find("sleep").orElseThrow().limit()).contains("poolmap.operations.sleep-max-ms");
    }

    @Test
    void configuredLimitsChangeTheDomain() {
        List<Operation> strict = NumbersFixtures.allOperations(new OperationLimits(10, 50, 1000, 5, 5, 100));
        OperationRegistry registry = new OperationRegistry(strict);
        assertThat(registry.find("factorial").orElseThrow().checkDomain(numbers(11), 0)).isNotNull();
        assertThat(registry.find("fibonacci").orElseThrow().checkDomain(numbers(51), 0)).isNotNull();
        assertThat(registry.find("is_prime").orElseThrow().checkDomain(numbers(123_456), 0)).isNotNull();
        assertThat(registry.find("collatz_steps").orElseThrow().checkDomain(numbers(123_456), 0)).isNotNull();
        assertThat(registry.find("sleep").orElseThrow().checkDomain(numbers(101), 0)).isNotNull();
        assertThat(registry.find("factorial").orElseThrow().domain()).isEqualTo("integer 0 ≤ n ≤ 10");
    }

    @Test
    void anOperationThatAcceptsEveryLongAcceptsEachWithinItsBound() {
        forAll(3000, longs(), this::acceptsWithinItsBound);
    }

    private void acceptsWithinItsBound(long x) {
        Numbers one = Numbers.ofLongs(x);
        for (Operation operation : operations) {
            long bound = operation.resultDigitsOfAnyLong();
            if (bound >= 0) {
                assertThat(operation.checkDomain(one, 0)).as("%s(%d)", operation.name(), x).isNull();
                assertThat(operation.resultDigits(one, 0)).as("%s(%d)", operation.name(), x).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void theArithmeticOperationsAndIsPrimeAcceptEveryLong() {
        assertThat(operations).filteredOn(operation -> operation.resultDigitsOfAnyLong() >= 0).extracting(Operation::name)
                .containsExactlyInAnyOrder("double", "square", "cube", "negate", "abs", "increment", "is_prime");
    }
}

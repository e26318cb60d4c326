package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.integer;
import static io.poolmap.operation.NumbersFixtures.numbers;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.NumbersFixtures;

class FactorialOperationTest {

    private final Operation factorial = new FactorialOperation(BuiltInOperations.defaultLimits());

    @Test
    void factorialMatchesTheProductOfOneToNForEveryNUpTo300() throws Exception {
        BigInteger expected = BigInteger.ONE;
        for (int n = 0; n <= 300; n++) {
            expected = n == 0 ? BigInteger.ONE : expected.multiply(BigInteger.valueOf(n));
            assertThat(apply(factorial, n)).as("factorial(%d)", n).isEqualTo(integer(expected));
        }
    }

    @Test
    void factorialOfLargeNIsExact() throws Exception {
        assertThat(apply(factorial, 2000)).isEqualTo(reference(2000));
        assertThat(apply(factorial, 1234)).isEqualTo(reference(1234));
        assertThat(apply(factorial, 2000).toString()).hasSize(5736);
        Operation larger = new FactorialOperation(new OperationLimits(20_000, 20_000, 100_000, 100, 300, 10_000));
        assertThat(apply(larger, 20_000)).isEqualTo(reference(20_000));
    }

    @Test
    void factorialOfTwentyIsTheLargestThatFitsALong() throws Exception {
        assertThat(apply(factorial, 20)).isEqualTo(2432902008176640000L);
        assertThat(apply(factorial, 21)).isEqualTo(new BigInteger("51090942171709440000"));
    }

    @Test
    void resultDigitsIsAnUpperEstimateOfTheDigitsOfNFactorialForEveryNUpTo3000() {
        Operation factorialTo3000 =
                new FactorialOperation(new OperationLimits(3000, 20_000, 100_000, 100, 300, 10_000));
        BigInteger value = BigInteger.ONE;
        BigInteger tenToDigits = BigInteger.TEN;
        long digits = 1;
        for (int n = 0; n <= 3000; n++) {
            value = n == 0 ? BigInteger.ONE : value.multiply(BigInteger.valueOf(n));
            for (; value.compareTo(tenToDigits) >= 0; digits++) {
                tenToDigits = tenToDigits.multiply(BigInteger.TEN);
            }
            assertThat(factorialTo3000.resultDigits(numbers(n), 0)).as("digits of %d!", n)
                    .isGreaterThanOrEqualTo(digits).isLessThanOrEqualTo(Math.max(digits + 3, 19));
        }
    }

    @Test
    void decimalsNegativesAndNumbersAboveTheLimitAreOutsideTheDomain() {
        String reason = "factorial needs an integer 0 ≤ n ≤ 2000";
        assertThat(refusal(factorial, 5.0)).isEqualTo(reason);
        assertThat(refusal(factorial, -1)).isEqualTo(reason);
        assertThat(refusal(factorial, 2001)).isEqualTo(reason);
        assertThat(refusal(factorial, BigInteger.TEN.pow(30))).isEqualTo(reason);
        assertThat(refusal(factorial, 0)).isNull();
        assertThat(refusal(factorial, 2000)).isNull();
    }

    @Test
    void applyRefusesAnItemOutsideTheDomainInsteadOfComputingIt() {
        assertThatThrownBy(() -> apply(factorial, 1_000_000)).isInstanceOf(OperationException.class)
                .hasMessage("factorial needs an integer 0 ≤ n ≤ 2000");
    }

    @Test
    void domainAndLimitNameTheConfiguredMaximumAndItsProperty() {
        assertThat(factorial.info().domain()).isEqualTo("integer 0 ≤ n ≤ 2000");
        assertThat(factorial.info().limit()).isEqualTo("n ≤ 2000 (poolmap.operations.factorial-max)");
    }

    private static BigInteger reference(int n) {
        BigInteger product = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            product = product.multiply(BigInteger.valueOf(k));
        }
        return product;
    }
}

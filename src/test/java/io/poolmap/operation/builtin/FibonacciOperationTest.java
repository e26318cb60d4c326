package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.integer;
import static io.poolmap.operation.NumbersFixtures.numbers;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.NumbersFixtures;

class FibonacciOperationTest {

    private final Operation fibonacci = new FibonacciOperation(BuiltInOperations.defaultLimits());

    @Test
    void fibonacciMatchesTheRecurrenceForEveryNUpTo300() throws Exception {
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ZERO;
        for (int n = 0; n <= 300; n++) {
            assertThat(apply(fibonacci, n)).as("F(%d)", n).isEqualTo(integer(current));
            BigInteger next = previous.add(current);
            previous = current;
            current = next;
        }
    }

    @Test
    void fibonacciOfLargeNIsExact() throws Exception {
        for (int n : new int[] {1000, 1023, 1024, 4095, 12345, 20_000}) {
            assertThat(apply(fibonacci, n)).as("F(%d)", n).isEqualTo(reference(n));
        }
        assertThat(apply(fibonacci, 20_000).toString()).hasSize(4180);
    }

    @Test
    void fibonacciOfNinetyTwoIsTheLargestThatFitsALong() throws Exception {
        assertThat(apply(fibonacci, 92)).isEqualTo(7540113804746346429L);
        assertThat(apply(fibonacci, 93)).isEqualTo(new BigInteger("12200160415121876738"));
    }

    @Test
    void resultDigitsIsAnUpperEstimateOfTheDigitsOfFibonacciForEveryNUpTo3000() {
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ZERO;
        BigInteger tenToDigits = BigInteger.TEN;
        long digits = 1;
        for (int n = 0; n <= 3000; n++) {
            for (; current.compareTo(tenToDigits) >= 0; digits++) {
                tenToDigits = tenToDigits.multiply(BigInteger.TEN);
            }
            assertThat(fibonacci.resultDigits(numbers(n), 0)).as("digits of F(%d)", n)
                    .isGreaterThanOrEqualTo(digits).isLessThanOrEqualTo(digits + 2);
            BigInteger next = previous.add(current);
            previous = current;
            current = next;
        }
    }

    @Test
    void decimalsNegativesAndNumbersAboveTheLimitAreOutsideTheDomain() {
        String reason = "fibonacci needs an integer 0 ≤ n ≤ 20000";
        assertThat(refusal(fibonacci, 10.0)).isEqualTo(reason);
        assertThat(refusal(fibonacci, -1)).isEqualTo(reason);
        assertThat(refusal(fibonacci, 20_001)).isEqualTo(reason);
        assertThat(refusal(fibonacci, BigInteger.TEN.pow(30))).isEqualTo(reason);
        assertThat(refusal(fibonacci, 20_000)).isNull();
        assertThat(fibonacci.info().limit()).isEqualTo("n ≤ 20000 (poolmap.operations.fibonacci-max)");
    }

    private static BigInteger reference(int n) {
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ZERO;
        for (int k = 0; k < n; k++) {
            BigInteger next = previous.add(current);
            previous = current;
            current = next;
        }
        return current;
    }
}

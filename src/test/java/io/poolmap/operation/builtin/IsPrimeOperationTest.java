package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.ints;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.BitSet;

import io.poolmap.testing.Generator;
import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.NumbersFixtures;

class IsPrimeOperationTest {

    private final Operation isPrime = new IsPrimeOperation(BuiltInOperations.defaultLimits());

    @Test
    void isPrimeOfAnyLongAgreesWithBigInteger() {
        forAll(5000, longs(), n -> assertThat(apply(isPrime, n)).as("is_prime(%d)", n).isEqualTo(reference(n)));
    }

    @Test
    void isPrimeOfLargeLongsAgreesWithBigInteger() {
        forAll(5000, longs(3_037_000_499L, Long.MAX_VALUE),
                n -> assertThat(apply(isPrime, n)).as("is_prime(%d)", n).isEqualTo(reference(n)));
    }

    @Test
    void theNextPrimeAfterAnyLargeLongIsPrime() {
        forAll(2000, longs(3_037_000_499L, Long.MAX_VALUE - 10_000), start -> {
            long prime = BigInteger.valueOf(start).nextProbablePrime().longValueExact();
            assertThat(apply(isPrime, prime)).as("is_prime(%d)", prime).isEqualTo(true);
        });
    }

    @Test
    void aProductOfTwoLargePrimesIsNotPrime() {
        record Factors(int a, int b) {
        }
        Generator<Integer> from101 = ints(101, Integer.MAX_VALUE);
        forAll(2000, random -> new Factors(from101.next(random), from101.next(random)), factors -> {
            long p = BigInteger.valueOf(factors.a()).nextProbablePrime().longValueExact();
            long q = BigInteger.valueOf(factors.b()).nextProbablePrime().longValueExact();
            assertThat(apply(isPrime, p * q)).as("is_prime(%d × %d)", p, q).isEqualTo(false);
        });
    }

    @Test
    void isPrimeAgreesWithASieveForEveryNumberBelowTwoMillion() {
        int limit = 2_000_000;
        BitSet composite = new BitSet(limit);
        composite.set(0, 2);
        for (int p = 2; (long) p * p < limit; p++) {
            if (!composite.get(p)) {
                for (int multiple = p * p; multiple < limit; multiple += p) {
                    composite.set(multiple);
                }
            }
        }
        for (int n = 0; n < limit; n++) {
            assertThat(LongPrimality.isPrime(n)).as("is_prime(%d)", n).isEqualTo(!composite.get(n));
        }
    }

    @Test
    void strongPseudoprimesToTheFirstBasesAreNotPrime() {
        long[] smallestStrongPseudoprimes = {2_047L, 1_373_653L, 25_326_001L, 3_215_031_751L, 2_152_302_898_747L,
            3_474_749_660_383L, 341_550_071_728_321L, 3_825_123_056_546_413_051L};
        for (long n : smallestStrongPseudoprimes) {
            assertThat(LongPrimality.isPrime(n)).as("is_prime(%d)", n).isFalse();
        }
    }

    @Test
    void carmichaelNumbersAreNotPrime() {
        long[] carmichael = {561, 1105, 1729, 41041, 825265, 321197185, 5394826801L, 232250619601L, 9746347772161L,
            1436697831295441L, 60977817398996785L, 7156857700403137441L,
            2301745249L, 8878895925979035529L};
        for (long n : carmichael) {
            assertThat(LongPrimality.isPrime(n)).as("is_prime(%d)", n).isFalse();
        }
    }

    @Test
    void knownLargePrimesArePrime() {
        long[] primes = {2_147_483_647L, 3_037_000_493L, 3_037_000_507L, (1L << 61) - 1, 4_611_686_018_427_387_847L,
            Long.MAX_VALUE - 24};
        for (long n : primes) {
            assertThat(LongPrimality.isPrime(n)).as("is_prime(%d)", n).isTrue();
        }
        assertThat(LongPrimality.isPrime(Long.MAX_VALUE)).isFalse();
        assertThat(LongPrimality.isPrime(3_037_000_499L)).isFalse();
    }

    @Test
    void integersBelowTwoAreNotPrime() throws Exception {
        for (long n : new long[] {1, 0, -1, -2, -7, Long.MIN_VALUE}) {
            assertThat(apply(isPrime, n)).as("is_prime(%d)", n).isEqualTo(false);
        }
        assertThat(apply(isPrime, BigInteger.TWO.pow(127).subtract(BigInteger.ONE).negate())).isEqualTo(false);
    }

    @Test
    void bigIntegersAreTestedProbabilistically() throws Exception {
        BigInteger mersenne127 = BigInteger.TWO.pow(127).subtract(BigInteger.ONE);
        assertThat(apply(isPrime, mersenne127)).isEqualTo(true);
        assertThat(apply(isPrime, mersenne127.multiply(BigInteger.valueOf(3)))).isEqualTo(false);
        assertThat(apply(isPrime, BigInteger.TWO.pow(64).add(BigInteger.ONE))).isEqualTo(false);
        assertThat(apply(isPrime, new BigInteger("18446744073709551557"))).isEqualTo(true);
    }

    @Test
    void decimalsAndIntegersWithTooManyDigitsAreOutsideTheDomain() {
        String reason = "is_prime needs an integer of at most 300 digits";
        assertThat(refusal(isPrime, 7.0)).isEqualTo(reason);
        assertThat(refusal(isPrime, BigInteger.TEN.pow(300))).isEqualTo(reason);
        assertThat(refusal(isPrime, BigInteger.TEN.pow(300).negate())).isEqualTo(reason);
        assertThat(refusal(isPrime, BigInteger.TEN.pow(300).subtract(BigInteger.ONE))).isNull();
        assertThat(refusal(isPrime, -7)).isNull();
        Operation fiveDigits = new IsPrimeOperation(new OperationLimits(2000, 20_000, 100_000, 100, 5, 10_000));
        assertThat(refusal(fiveDigits, 99_999)).isNull();
        assertThat(refusal(fiveDigits, 100_000)).isEqualTo("is_prime needs an integer of at most 5 digits");
        assertThat(refusal(fiveDigits, -100_000)).isEqualTo("is_prime needs an integer of at most 5 digits");
        assertThat(fiveDigits.info().limit()).contains("poolmap.operations.is-prime-max-digits");
    }

    private static boolean reference(long n) {
        return n >= 2 && BigInteger.valueOf(n).isProbablePrime(64);
    }
}

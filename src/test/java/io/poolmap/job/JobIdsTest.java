package io.poolmap.job;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Job ids: version-4 UUIDs, never the same twice in a process, without SecureRandom on the request's path. */
class JobIdsTest {

    @Test
    void idsAreDistinctVersionFourUuidsOfTheIetfVariant() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = JobIds.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("id %s seen before", id).isTrue();
        }
    }

    @Test
    void theScrambledHalfIsABijectionOfItsSixtyTwoBits() {
        // the unique half stays unique only if the scramble maps distinct counters to distinct values: invert it
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            long value = i < 10 ? i : random.nextLong() & ((1L << 62) - 1);
            long scrambled = JobIds.scramble62(value);
            assertThat(scrambled >>> 62).isZero();
            assertThat(unscramble62(scrambled)).as("seed %d, value %d", seed, value).isEqualTo(value);
        }
    }

    private static long unscramble62(long value) {
        long mask = (1L << 62) - 1;
        long x = value ^ value >>> 32;
        x = x * inverse(0xBF58_476D_1CE4_E5B9L) & mask;
        x = x ^ x >>> 29 ^ x >>> 58;
        return x * inverse(0x9E37_79B9_7F4A_7C15L) & mask;
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (so also modulo 2^62), by Newton's iteration. */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }
}

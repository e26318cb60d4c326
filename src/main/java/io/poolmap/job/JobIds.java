package io.poolmap.job;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Job ids, made without a lock on the submit path. */
final class JobIds {

    private static final long LOW_62 = (1L << 62) - 1;
    private static final long ID_START = new SecureRandom().nextLong();
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private JobIds() {
    }

    /**
     * A version-4 UUID: 60 random bits, and 62 bits unique in this process (a bijection of a counter from a random
     * start), so unique across processes by chance. Not {@code UUID.randomUUID()}: its SecureRandom reads one shared
     * source under a lock on every tiny job, and an id names a job, it is no secret (every client allowed to read jobs
     * may list them all).
     */
    static String next() {
        long high = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFF_0FFFL | 0x4000L;
        long low = scramble62(ID_START + NEXT_ID.getAndIncrement()) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** A bijection of the 62 low bits (odd multiplications and right xor-shifts are each invertible on them). */
    static long scramble62(long value) {
        long x = value & LOW_62;
        x = x * 0x9E37_79B9_7F4A_7C15L & LOW_62;
        x ^= x >>> 29;
        x = x * 0xBF58_476D_1CE4_E5B9L & LOW_62;
        return x ^ x >>> 32;
    }
}

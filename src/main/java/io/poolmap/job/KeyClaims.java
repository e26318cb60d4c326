package io.poolmap.job;

import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

import io.poolmap.store.IdempotentSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims of {@code Idempotency-Key}s on a map of key → job, request hash and claiming member: the store's replicated
 * cache, or a plain map where nothing is stored; only the map's atomic operations, so that two submissions of one key
 * race safely.
 */
final class KeyClaims {

    private static final Logger log = LoggerFactory.getLogger(KeyClaims.class);

    private final ConcurrentMap<String, IdempotentSubmission> keys;
    private final String member;

    /** @param member this member's name, written in its claims */
    KeyClaims(ConcurrentMap<String, IdempotentSubmission> keys, String member) {
        this.keys = keys;
        this.member = member;
    }

    /** See {@link JobArchive#claimKey}. */
    Optional<IdempotentSubmission> claim(String key, String requestHash, String jobId) {
        IdempotentSubmission before = keys.putIfAbsent(key, new IdempotentSubmission(jobId, requestHash, member));
        if (before == null) {
            return Optional.empty();
        }
        if (!before.requestHash().equals(requestHash)) {
            throw JobRefusedException.idempotencyKeyReused(key, before.jobId());
        }
        return Optional.of(before);
    }

    /** Best effort: a key that a failing store leaves claimed names a job that does not exist, and the retry takes it over. */
    void release(String key, String jobId) {
        try {
            IdempotentSubmission claimed = keys.get(key);
            if (claimed != null && claimed.jobId().equals(jobId)) {
                keys.remove(key, claimed);
            }
        } catch (RuntimeException failed) {
            log.warn("the Idempotency-Key of refused job {} could not be released; a retry takes it over", jobId, failed);
        }
    }

    /** See {@link JobArchive#takeOverKey}. */
    boolean takeOver(String key, IdempotentSubmission stale, String jobId) {
        return keys.replace(key, stale, new IdempotentSubmission(jobId, stale.requestHash(), member));
    }
}

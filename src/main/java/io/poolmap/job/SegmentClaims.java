package io.poolmap.job;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.poolmap.store.ChunkKey;
import io.poolmap.store.Claim;
import org.infinispan.Cache;

/**
 * This member's claims on the segments of shared jobs, in the {@code claims} cache: a segment is computed by the member
 * whose {@code putIfAbsent} won it, until its result is stored and the claim removed. The claims of a member that left
 * the view become orphans, which the next claimer takes over and knows to count as a segment computed again.
 */
final class SegmentClaims {

    /** A claim this member holds; {@code rerun} when it took over an orphan. */
    record Held(ChunkKey key, Claim claim, boolean rerun) {
    }

    private final Cache<ChunkKey, Claim> claims;
    private final String member;
    private final String incarnation = UUID.randomUUID().toString();
    private final Clock clock;

    SegmentClaims(Cache<ChunkKey, Claim> claims, String member, Clock clock) {
        this.claims = claims;
        this.member = member;
        this.clock = clock;
    }

    /** Claims the segment, or returns null when another member holds it. */
    Held tryClaim(ChunkKey key) {
        Claim mine = new Claim(member, clock.millis(), incarnation, false);
        Claim before = claims.putIfAbsent(key, mine);
        if (before == null) {
            return new Held(key, mine, false);
        }
        if (before.orphaned() && claims.replace(key, before, mine)) {
            return new Held(key, mine, true);
        }
        return null;
    }

    /** Gives the segment up (stored, or its job ended); nothing if the claim is no longer this member's. */
    void release(Held held) {
        claims.remove(held.key(), held.claim());
    }

    /**
     * Orphans every claim of a member outside {@code view}, and this member's own from an earlier run of its process
     * (a member restarted under its name before the others noticed); returns how many this call orphaned. Every
     * survivor runs it after a view change: each claim is orphaned once, by whoever comes first.
     */
    int orphanOutside(Collection<String> view) {
        int orphaned = 0;
        for (Map.Entry<ChunkKey, Claim> entry : claims.entrySet()) {
            Claim claim = entry.getValue();
            boolean gone = !view.contains(claim.member())
                    || claim.member().equals(member) && claim.incarnation() != null && !incarnation.equals(claim.incarnation());
            if (!claim.orphaned() && gone && claims.replace(entry.getKey(), claim, claim.orphan())) {
                orphaned++;
            }
        }
        return orphaned;
    }
}

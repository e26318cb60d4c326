package io.poolmap.store;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * A member's claim on a chunk in the {@code claims} cache, taken with {@code putIfAbsent} so that one member computes
 * it; it names the member so that survivors can drop the claims of a member that left the view.
 *
 * @param member the claiming member's name ({@link Store#member()})
 * @param since when the claim was taken, in epoch milliseconds
 */
@Proto
public record Claim(@ProtoField(1) String member, @ProtoField(2) long since) {
}

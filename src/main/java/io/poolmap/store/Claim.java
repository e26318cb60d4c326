package io.poolmap.store;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * A member's claim on a segment in the {@code claims} cache, taken with {@code putIfAbsent} so that one member computes
 * it; it names the member (and the process, since a restarted member keeps its name) so that survivors can release the
 * claims of a member that left the view. A released claim stays as an orphan until another member takes it over, so
 * that the taker knows it computes the segment again.
 *
 * @param member the claiming member's name ({@link Store#member()})
 * @param since when the claim was taken, in epoch milliseconds
 * @param incarnation which run of the member's process took it (a new one at each start), or null
 * @param orphaned true once the member left the view with the claim: anyone may take it over
 *        <p>No other constructor: the schema's marshaller is generated from the one declared, and a shorter one
 *        dropped {@code incarnation} and {@code orphaned} from every claim another member or the disk held
 *        ({@code StoreSchemaTest}).
 */
@Proto
public record Claim(@ProtoField(1) String member, @ProtoField(2) long since, @ProtoField(3) String incarnation,
        @ProtoField(4) boolean orphaned) {

    /** This claim, released by the member's departure. */
    public Claim orphan() {
        return new Claim(member, since, incarnation, true);
    }
}

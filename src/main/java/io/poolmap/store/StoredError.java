package io.poolmap.store;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * Why a stored job failed, as the fields of its problem detail, so that any member answers a failed job's
 * {@code GET} with the same problem.
 *
 * @param slug the problem type's slug ({@code urn:poolmap:problem:<slug>})
 * @param title the problem's title
 * @param detail the problem's detail
 * @param index the failing item's index, or null when no item failed (a timeout)
 * @param value the failing item's value as JSON text, or null
 * @param exception what an expression raised for the failing item ({@code ZeroDivisionError} …), or null
 */
@Proto
public record StoredError(@ProtoField(1) String slug, @ProtoField(2) String title, @ProtoField(3) String detail,
        @ProtoField(4) Integer index, @ProtoField(5) String value, @ProtoField(6) String exception) {
}

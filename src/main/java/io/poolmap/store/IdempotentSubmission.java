package io.poolmap.store;

import org.infinispan.protostream.annotations.Proto;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * What an {@code Idempotency-Key} stands for in the {@code idempotency} cache: the job it created and a hash of the
 * request body, so that a retry with the same body finds the job and one with another body is told apart.
 *
 * @param jobId the job the key created
 * @param requestHash a hash of the request that created it (e.g. SHA-256 of the body, hex)
 * @param member the member that claimed the key, so that a retry on another member waits for that member's job to
 *        appear rather than run it again; null in a claim written before poolmap recorded it. No other constructor: the
 *        schema's marshaller is generated from the one declared ({@code StoreSchemaTest})
 */
@Proto
public record IdempotentSubmission(@ProtoField(1) String jobId, @ProtoField(2) String requestHash, @ProtoField(3) String member) {
}

package io.poolmap.job.web;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.poolmap.job.JobSubmission;
import io.poolmap.operation.NumberSink;
import io.poolmap.web.ProblemException;
import io.poolmap.web.ProblemType;

/**
 * An {@code Idempotency-Key} header and the SHA-256 of what its request asks (operation or expression, numbers,
 * options; not {@code async}, which changes how it is answered, not the job), so that the same key with another request is told
 * apart from a retry. A key is 1 to 255 visible ASCII characters, as the IETF draft suggests.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static JobSubmission.Idempotency of(String key, JobRequest request) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "the Idempotency-Key must be 1 to 255 visible ASCII characters").with("parameter", "Idempotency-Key");
        }
        return new JobSubmission.Idempotency(key, hash(request));
    }

    private static String hash(JobRequest request) {
        MessageDigest digest = sha256();
        text(digest, request.operation());
        text(digest, request.expression());
        text(digest, String.valueOf(request.parallelism()));
        text(digest, String.valueOf(request.chunkSize()));
        text(digest, String.valueOf(request.timeoutMs()));
        ByteBuffer item = ByteBuffer.allocate(9);
        request.numbers().read(0, request.numbers().size(), new NumberSink() {
            @Override
            public void acceptLong(int index, long value) {
                digest.update(item.clear().put((byte) 0).putLong(value).array());
            }

            @Override
            public void acceptDouble(int index, double value) {
                digest.update(item.clear().put((byte) 1).putDouble(value).array());
            }

            @Override
            public void acceptBig(int index, BigInteger value) {
                digest.update((byte) 2);
                text(digest, value.toString());
            }

            @Override
            public void acceptBoolean(int index, boolean value) {
                digest.update(item.clear().put((byte) 3).putLong(value ? 1 : 0).array());
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}

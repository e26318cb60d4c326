package io.poolmap.job.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;

/**
 * A request body read into one array for {@link JobRequestReader}, or else the input that Jackson is to read in its
 * place: the bytes read so far again, then the rest of the body, or the same I/O error that stopped the reading, so
 * that Jackson meets what it would have met reading the request itself. A small body that declares its length is read
 * into an array of that size; any other is read in chunks that grow as its bytes arrive (so that a declared length
 * never makes the heap be taken before the bytes that {@code RequestSizeLimitFilter} reserves it for), joined once at
 * the end (twice its size for a moment), and left to Jackson beyond {@code maxBuffered} bytes.
 *
 * @param bytes the whole body, or {@code null} when it is to be replayed
 * @param replay what Jackson reads instead, or {@code null} when the body was read whole
 */
record BodyBytes(byte[] bytes, InputStream replay) {

    /** The largest declared length read into an array of its size at once: Tomcat's own buffers hold as much. */
    private static final int SMALL = 16 * 1024;
    private static final int FIRST_CHUNK = 1024;
    private static final int LARGEST_CHUNK = 1 << 20;

    static BodyBytes read(HttpInputMessage input, long maxBuffered) throws IOException {
        InputStream in = input.getBody();
        long declared = input.getHeaders().getContentLength();
        if (declared >= 0 && declared <= SMALL) {
            return declared(in, (int) declared);
        }
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        byte[] chunk = new byte[FIRST_CHUNK];
        int n = 0;
        try {
            while (true) {
                if (n == chunk.length) {
                    chunks.add(chunk);
                    if (total > maxBuffered) {
                        return replayed(chunks, chunk.length, in);
                    }
                    chunk = new byte[Math.min(LARGEST_CHUNK, chunk.length * 2)];
                    n = 0;
                }
                int read = in.read(chunk, n, chunk.length - n);
                if (read < 0) {
                    break;
                }
                n += read;
                total += read;
            }
        } catch (IOException failed) {
            chunks.add(chunk);
            return replayed(chunks, n, failing(failed));
        }
        if (total > maxBuffered) {
            chunks.add(chunk);
            return replayed(chunks, n, InputStream.nullInputStream());
        }
        byte[] whole = new byte[(int) total];
        int at = 0;
        for (byte[] full : chunks) {
            System.arraycopy(full, 0, whole, at, full.length);
            at += full.length;
        }
        System.arraycopy(chunk, 0, whole, at, n);
        return new BodyBytes(whole, null);
    }

    private static BodyBytes declared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int n = 0;
        try {
            while (n < length) {
                int read = in.read(bytes, n, length - n);
                if (read < 0) {
                    return new BodyBytes(Arrays.copyOf(bytes, n), null); // it ended early: Jackson would meet the same end
                }
                n += read;
            }
        } catch (IOException failed) {
            return replayed(List.of(bytes), n, failing(failed));
        }
        return new BodyBytes(bytes, null);
    }

    /** The chunks again (all of them full but the last, of which {@code inLast} bytes were read), then {@code rest}. */
    private static BodyBytes replayed(List<byte[]> chunks, int inLast, InputStream rest) {
        List<InputStream> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            parts.add(new ByteArrayInputStream(chunk, 0, i == chunks.size() - 1 ? inLast : chunk.length));
        }
        parts.add(rest);
        return new BodyBytes(null, new SequenceInputStream(Collections.enumeration(parts)));
    }

    private static InputStream failing(IOException failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
    }

    /** The message that Jackson reads: the request's own headers over {@code body}. */
    static HttpInputMessage message(HttpHeaders headers, InputStream body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}

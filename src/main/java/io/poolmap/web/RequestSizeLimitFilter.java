package io.poolmap.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.poolmap.MemoryBudget;
import io.poolmap.OutOfMemoryExit;
import io.poolmap.PoolmapProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code poolmap.max-request-size} with 413 while they are read, whether
 * or not they declare a {@code Content-Length}, so that no body can fill the heap before it is parsed; it runs
 * before every other filter, so none of them can read a body past the limit first. As a body is read it reserves
 * the heap that reading it into numbers takes from the {@link MemoryBudget} (503 when there is none left), and gives
 * it back once the body is parsed ({@link #bodyParsed}: from then on the job's own estimate counts its numbers) or
 * when the request ends; and it ends the process at an {@link OutOfMemoryError} that any later filter or
 * handler let through, rather than answer 500 from a JVM that may have lost threads ({@link OutOfMemoryExit}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Heap taken per byte of body read: a short number ("1,") becomes a {@code long} in a block and in the final array. */
    static final long HEAP_PER_BODY_BYTE = 8;

    private static final String BODY_HEAP = RequestSizeLimitFilter.class.getName() + ".bodyHeap";

    private final long maxBytes;
    private final long maxHeapPerBody;
    private final MemoryBudget memory;

    RequestSizeLimitFilter(PoolmapProperties properties, MemoryBudget memory) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.maxHeapPerBody = maxHeapPerBody(properties);
        this.memory = memory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LimitedRequest limited = new LimitedRequest(request, maxBytes, new BodyHeap(memory, maxHeapPerBody));
        request.setAttribute(BODY_HEAP, limited.heap);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException | Error failure) {
            OutOfMemoryExit.exitIfOutOfMemory(failure);
            throw failure;
        } finally {
            limited.heap.releaseAll();
        }
    }

    /**
     * The heap reserved for a body of {@code bodyBytes} bytes once it has been read: what a reader may hold while it
     * turns that body into numbers, the body's own bytes included if it keeps them.
     */
    public static long heapFor(PoolmapProperties properties, long bodyBytes) {
        return Math.min(maxHeapPerBody(properties), bodyBytes * HEAP_PER_BODY_BYTE);
    }

    /** The most heap one body reserves: enough for the largest batch as a {@code long}, a kind and a copy each. */
    public static long maxHeapPerBody(PoolmapProperties properties) {
        return (long) properties.maxBatchSize() * 17 + (1 << 20);
    }

    /**
     * Gives back the heap this request's body reserved: it has been parsed, and what it became is counted from now on
     * by whoever keeps it (a job's admission counts its inputs and results), so that one body is not counted twice.
     */
    public static void bodyParsed(ServletRequest request) {
        if (request.getAttribute(BODY_HEAP) instanceof BodyHeap heap) {
            heap.releaseAll();
        }
    }

    static ProblemException noMemory(long capacity) {
        return new ProblemException(ProblemType.MEMORY_FULL, "there is no heap left to read this body into numbers now ("
                + capacity / (1024 * 1024) + " MB may be taken by work at once, poolmap.memory.in-flight); retry later")
                .withHeader("Retry-After", "2");
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemType.REQUEST_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes (poolmap.max-request-size)")
                .with("limit", maxBytes);
    }

    /** The heap one request's body has reserved so far, taken in steps as it is read and given back at its end. */
    private static final class BodyHeap {

        private static final long STEP = 512 * 1024;

        private final MemoryBudget memory;
        private final long cap;
        private long reserved;

        BodyHeap(MemoryBudget memory, long cap) {
            this.memory = memory;
            this.cap = cap;
        }

        /** Reserves enough for {@code bodyBytes} read so far, up to the cap, or throws 503. */
        void cover(long bodyBytes) {
            long needed = Math.min(cap, bodyBytes * HEAP_PER_BODY_BYTE);
            while (reserved < needed) {
                long step = Math.min(STEP, cap - reserved);
                if (!memory.tryReserve(step)) {
                    throw noMemory(memory.capacity());
                }
                reserved += step;
            }
        }

        void releaseAll() {
            memory.release(reserved);
            reserved = 0;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final BodyHeap heap;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, BodyHeap heap) {
            super(request);
            this.maxBytes = maxBytes;
            this.heap = heap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (getContentLengthLong() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, heap);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final BodyHeap heap;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes, BodyHeap heap) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.heap = heap;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge(maxBytes);
            }
            heap.cover(read);
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}

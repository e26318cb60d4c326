package io.poolmap.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletException;

import io.poolmap.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body being read takes its heap from the budget, gives it back when the request ends, and is refused without it. */
class RequestBodyHeapTest {

    private static MockHttpServletRequest post(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/jobs");
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void aBodyReservesHeapWhileItIsReadAndGivesItBackAtTheEnd() throws ServletException, IOException {
        MemoryBudget memory = new MemoryBudget(64L << 20, 90, () -> 0);
        AtomicLong duringTheRequest = new AtomicLong();
        var properties = aPoolmapProperties().build();
        RequestSizeLimitFilter filter = new RequestSizeLimitFilter(properties, memory);

        filter.doFilter(post(200_000), new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                duringTheRequest.set(memory.reserved());
            }
        });

        long cap = properties.maxBatchSize() * 17L + (1 << 20);
        assertThat(duringTheRequest.get()).as("8 bytes a byte read, at most what the largest batch holds")
                .isEqualTo(Math.min(cap, 200_000L * RequestSizeLimitFilter.HEAP_PER_BODY_BYTE));
        assertThat(memory.reserved()).isZero();
    }

    @Test
    void aParsedBodyGivesItsHeapBackBeforeTheRequestEnds() throws ServletException, IOException {
        MemoryBudget memory = new MemoryBudget(64L << 20, 90, () -> 0);
        AtomicLong afterParsing = new AtomicLong(-1);
        RequestSizeLimitFilter filter = new RequestSizeLimitFilter(aPoolmapProperties().build(), memory);

        filter.doFilter(post(200_000), new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                assertThat(memory.reserved()).isPositive();
                RequestSizeLimitFilter.bodyParsed(request);
                afterParsing.set(memory.reserved());
            }
        });

        assertThat(afterParsing.get()).isZero();
        assertThat(memory.reserved()).isZero();
    }

    @Test
    void aBodyThatFindsNoHeapLeftIsRefusedWith503AndRetryAfter() {
        MemoryBudget memory = new MemoryBudget(1 << 20, 90, () -> 0);
        RequestSizeLimitFilter filter = new RequestSizeLimitFilter(aPoolmapProperties().build(), memory);

        assertThatThrownBy(() -> filter.doFilter(post(400_000), new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
            }
        })).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(503);
            assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:memory-full");
            assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        });
        assertThat(memory.reserved()).isZero();
    }
}

package io.poolmap.operation.builtin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda ms: time.sleep(ms / 1000) or ms}, the I/O-bound operation: it waits, so it runs on a
 * virtual thread, and an interrupt (a cancelled or timed-out job) ends the wait; capped by
 * {@code poolmap.operations.sleep-max-ms}.
 */
@Component
class SleepOperation implements Operation {

    private static final long NANOS_PER_MS = 1_000_000;

    private final long maxMs;
    private final OperationInfo info;

    SleepOperation(OperationLimits limits) {
        this.maxMs = limits.sleepMaxMs();
        this.info = new OperationInfo("sleep", "Waits x milliseconds, then returns x unchanged.", OperationKind.IO,
                "number of milliseconds 0 ≤ x ≤ " + maxMs + " (fractions allowed)",
                "x ≤ " + maxMs + " ms (poolmap.operations.sleep-max-ms)",
                new OperationInfo.Example(List.of(0L, 1L, 2.5), List.of(0L, 1L, 2.5)), NANOS_PER_MS);
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        boolean inside = switch (numbers.kind(i)) {
            case LONG -> numbers.longAt(i) >= 0 && numbers.longAt(i) <= maxMs;
            case DOUBLE -> numbers.doubleAt(i) >= 0 && numbers.doubleAt(i) <= maxMs;
            case BIG, BOOLEAN -> false;
        };
        return inside ? Optional.empty() : Optional.of("sleep needs a number of milliseconds 0 ≤ x ≤ " + maxMs);
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) throws InterruptedException {
        requireInDomain(in, i);
        if (in.kind(i) == Numbers.Kind.LONG) {
            Thread.sleep(Duration.ofMillis(in.longAt(i)));
            out.setLong(i, in.longAt(i));
        } else {
            Thread.sleep(Duration.ofNanos(Math.round(in.doubleAt(i) * NANOS_PER_MS)));
            out.setDouble(i, in.doubleAt(i));
        }
    }
}

package io.poolmap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the heap poolmap lets work take, under {@code poolmap.memory.*}, so that a full heap refuses work at
 * once instead of leaving a live but deaf process. By default every figure follows the maximum heap ({@code -Xmx},
 * or the container's share of memory), so the same settings hold from 256 MB to 64 GB.
 *
 * @param inFlight the heap that admitted, unfinished jobs (their inputs and results) and request bodies being read
 *        may take at once; a job or body that does not fit is refused with 503 and {@code Retry-After}; {@code 0}
 *        means {@code in-flight-percent} of the maximum heap
 * @param inFlightPercent the share of the maximum heap that {@code in-flight} takes when it is {@code 0}
 * @param retainedPercent the share of the maximum heap that finished jobs kept for {@code poolmap.retention} may
 *        take, when {@code poolmap.max-retained-items} is {@code 0} (about 25 bytes an item, input and result)
 * @param pressurePercent how full the old generation may be after a garbage collection before poolmap is under
 *        memory pressure: health reports OUT_OF_SERVICE and new jobs are refused with 503 until it drops
 */
@ConfigurationProperties("poolmap.memory")
@Validated
public record MemoryProperties(
        @DefaultValue("0") @NotNull DataSize inFlight,
        @DefaultValue("30") @Min(1) @Max(90) int inFlightPercent,
        @DefaultValue("15") @Min(1) @Max(90) int retainedPercent,
        @DefaultValue("90") @Min(10) @Max(100) int pressurePercent) {

    /** What an item of a finished job costs on the heap, input and result, about. */
    public static final long RETAINED_BYTES_PER_ITEM = 25;

    /** The bytes of {@code in-flight}, or its share of {@code maxHeap} when it is {@code 0}. */
    public long inFlightBytes(long maxHeap) {
        return inFlight.toBytes() > 0 ? inFlight.toBytes() : maxHeap / 100 * inFlightPercent;
    }

    /** The items of finished jobs that {@code retained-percent} of {@code maxHeap} holds. */
    public long retainedItems(long maxHeap) {
        return maxHeap / 100 * retainedPercent / RETAINED_BYTES_PER_ITEM;
    }
}

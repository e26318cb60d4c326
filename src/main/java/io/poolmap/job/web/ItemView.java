package io.poolmap.job.web;

import io.poolmap.job.JobItem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One item of a job, as Python's example that prints {@code current_process().name} for each number shows it.
 *
 * @param index the item's position in {@code numbers}
 * @param input the number sent
 * @param result the result, or {@code null} while it is not computed (or never was)
 * @param worker the worker that computed it ({@code worker-N}; {@code io-N} for I/O operations; {@code member/worker-N} in a cluster), or {@code null}
 */
@Schema(description = "One item of a job: its input, its result and the worker that computed it.")
record ItemView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") int index,
        @Schema(ref = "#/components/schemas/ExactNumber", requiredMode = Schema.RequiredMode.REQUIRED, description = "The number sent.")
        Object input,
        @Schema(ref = "#/components/schemas/Result", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The result; null while it is not computed (or never was).")
        Object result,
        @Schema(example = "worker-1", types = {"string", "null"}, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "worker-N; io-N for I/O operations; in a cluster prefixed by the member (member/worker-N); null while not computed")
        String worker) {

    static ItemView of(JobItem item) {
        return new ItemView(item.index(), item.input(), item.result(), item.worker());
    }
}

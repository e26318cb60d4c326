package io.poolmap.job;

/**
 * One item of a job, as Python's example that prints {@code current_process().name} for each number shows it.
 *
 * @param index the item's position in the batch
 * @param input the number sent
 * @param result the result, or {@code null} while it is not computed (or never was)
 * @param worker the worker that computed it ({@code worker-N}, {@code io-N}), or {@code null}
 */
public record JobItem(int index, Object input, Object result, String worker) {
}

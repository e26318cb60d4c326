package io.poolmap.worker;

/**
 * One worker as the actuator shows it.
 *
 * @param name stable name, {@code worker-1} … {@code worker-N}
 * @param busy whether it is running a chunk now
 * @param currentJob the id of the job whose chunk it runs, or {@code null}
 * @param chunksCompleted chunks it has finished since start-up
 * @param itemsCompleted items it has computed since start-up
 * @param busySeconds time spent running chunks, including the running chunk so far
 * @param utilization1m fraction 0…1 of the last minute spent busy
 * @param utilization5m fraction 0…1 of the last five minutes spent busy
 * @param utilization15m fraction 0…1 of the last fifteen minutes spent busy
 */
public record WorkerStatus(String name, boolean busy, String currentJob, long chunksCompleted, long itemsCompleted,
        double busySeconds, double utilization1m, double utilization5m, double utilization15m) {
}

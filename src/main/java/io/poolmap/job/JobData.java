package io.poolmap.job;

import java.util.List;
import java.util.Map;

import io.poolmap.operation.NumberRange;

/**
 * Where a job's progress, who computed what, and its numbers are read from: the heap while the job lives in this
 * process ({@link LiveJobData}), or the store once a finished job's numbers have moved there ({@code StoredJobData}),
 * so that a finished job holds no array of its own on the heap.
 */
interface JobData {

    /** Items computed; frozen when the job has ended. */
    long completed();

    /** The size of the next chunk (the last one used, once the job has ended). */
    int chunkSize();

    /** Worker name → items it computed, in name order. */
    Map<String, Long> itemsByWorker();

    /** Items {@code offset} … {@code offset + limit - 1} that exist: result and worker when computed, else nulls. */
    List<JobItem> items(int offset, int limit);

    /** Up to {@code max} chunks from number {@code first} on, in item order, each with how many of its items are computed. */
    List<ChunkProgress> chunks(int first, int max);

    /** The results in input order; complete only once the job has succeeded. */
    NumberRange results();
}

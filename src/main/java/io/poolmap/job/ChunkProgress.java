package io.poolmap.job;

/**
 * How far one handed-out chunk of a job has got, for readers that stream results as they are computed: a chunk
 * computes its items in order from its first, so items {@code from} … {@code from + computed - 1} have results.
 * Chunks are numbered in the order they were handed out, which is item order; a stream keeps a chunk number as
 * its cursor and reads only the chunks from there on, however large the job.
 *
 * @param chunk the chunk's number, from 0, in item order
 * @param from the chunk's first item
 * @param to the item after its last
 * @param computed how many of its items, from its first, are computed
 */
public record ChunkProgress(int chunk, int from, int to, int computed) {

    /** The item after the last computed one. */
    public int computedTo() {
        return from + computed;
    }

    /** Whether every item of the chunk is computed. */
    public boolean complete() {
        return computed == to - from;
    }
}

package io.poolmap.job.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolmap.job.ChunkProgress;
import io.poolmap.job.Job;
import io.poolmap.job.JobError;
import io.poolmap.job.JobItem;
import io.poolmap.job.JobStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a job's results as NDJSON while it runs, one line per item as poolmap sees its chunk compute it, then one
 * end line when the job has ended. It holds at most one page of items and writes through a fixed buffer that it
 * flushes after each look at the job, so a slow client blocks the write (parking this virtual thread) instead of
 * making poolmap buffer results; it looks at the job every 5 ms while results flow and backs off to every 100 ms
 * while none do, and never waits once the job has ended. Items are read only through {@link Job#chunks} and
 * {@link Job#items}.
 */
final class ResultStream {

    /** Items read from the job at once: the most this stream holds. */
    static final int PAGE = 1_000;
    private static final int CHUNKS = 256;
    private static final Duration FIRST_WAIT = Duration.ofMillis(5);
    private static final Duration LONGEST_WAIT = Duration.ofMillis(100);

    private final Job job;
    private final ResultOrder order;
    private final int from;
    private final Writer out;
    private final JsonMapper json;
    /** Input order: the next item to send. */
    private int next;
    /** The first chunk not yet read to its end (input order) or not yet seen (completion order). */
    private int cursor;
    /** Completion order: chunks seen before they were complete → items of each already sent. */
    private final Map<Integer, Integer> open = new TreeMap<>();
    private long count;

    ResultStream(Job job, ResultOrder order, int from, Writer out, JsonMapper json) {
        this.job = job;
        this.order = order;
        this.from = from;
        this.next = from;
        this.out = out;
        this.json = json;
    }

    /** Writes until the job has ended and its end line is written; an {@link IOException} means the client has gone. */
    void write() throws IOException, InterruptedException {
        Duration wait = FIRST_WAIT;
        for (;;) {
            JobStatus status = job.status(); // read first: once terminal, what the chunks show next is final
            boolean sent = order == ResultOrder.INPUT ? sendInInputOrder() : sendAsCompleted();
            if (status.isTerminal()) {
                sendFailedItem(job.error());
                sendEnd(status, job.error());
                out.flush();
                return;
            }
            if (sent) {
                out.flush();
                wait = FIRST_WAIT;
            } else {
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
            job.await(wait);
        }
    }

    private boolean sendInInputOrder() throws IOException {
        boolean sent = false;
        for (;;) {
            List<ChunkProgress> chunks = job.chunks(cursor, CHUNKS);
            for (ChunkProgress chunk : chunks) {
                if (chunk.to() > next) {
                    if (chunk.computedTo() > next) {
                        sendItems(next, chunk.computedTo());
                        next = chunk.computedTo();
                        sent = true;
                    }
                    if (!chunk.complete()) {
                        return sent;
                    }
                }
                cursor = chunk.chunk() + 1;
            }
            if (chunks.size() < CHUNKS) {
                return sent;
            }
        }
    }

    private boolean sendAsCompleted() throws IOException {
        boolean sent = false;
        for (Iterator<Map.Entry<Integer, Integer>> seen = open.entrySet().iterator(); seen.hasNext(); ) {
            Map.Entry<Integer, Integer> entry = seen.next();
            ChunkProgress chunk = job.chunks(entry.getKey(), 1).getFirst();
            sent |= sendNew(chunk, entry.getValue());
            if (chunk.complete()) {
                seen.remove();
            } else {
                entry.setValue(chunk.computed());
            }
        }
        for (;;) {
            List<ChunkProgress> chunks = job.chunks(cursor, CHUNKS);
            for (ChunkProgress chunk : chunks) {
                sent |= sendNew(chunk, 0);
                if (!chunk.complete()) {
                    open.put(chunk.chunk(), chunk.computed());
                }
                cursor = chunk.chunk() + 1;
            }
            if (chunks.size() < CHUNKS) {
                return sent;
            }
        }
    }

    private boolean sendNew(ChunkProgress chunk, int alreadySent) throws IOException {
        if (chunk.computed() <= alreadySent) {
            return false;
        }
        sendItems(chunk.from() + alreadySent, chunk.computedTo());
        return true;
    }

    /** Items {@code start} … {@code end - 1}, all computed, a page at a time. */
    private void sendItems(int start, int end) throws IOException {
        for (int offset = start; offset < end; offset += PAGE) {
            for (JobItem item : job.items(offset, Math.min(PAGE, end - offset))) {
                out.write("{\"index\":");
                out.write(Integer.toString(item.index()));
                out.write(",\"result\":");
                out.write(String.valueOf(item.result()));
                out.write("}\n");
                count++;
            }
        }
    }

    /** The item that failed the job, with the job's problem, unless the client asked to start after it. */
    private void sendFailedItem(JobError error) throws IOException {
        if (error != null && error.kind() == JobError.Kind.ITEM_FAILED && error.index() != null
                && (order == ResultOrder.COMPLETION || error.index() >= from)) {
            out.write(json.writeValueAsString(new FailedItem(error.index(), JobProblems.endedAsMap(job, error, job.completed()))));
            out.write('\n');
            count++;
        }
    }

    private void sendEnd(JobStatus status, JobError error) throws IOException {
        Map<String, Object> problem = error == null ? null : JobProblems.endedAsMap(job, error, job.completed());
        out.write(json.writeValueAsString(new End(true, status, count, job.size(), problem)));
        out.write('\n');
    }

    /** The line of an item that could not be computed. */
    record FailedItem(int index, Map<String, Object> error) {
    }

    /** The last line of every complete stream; a stream without it was cut. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record End(boolean end, JobStatus status, long count, int total, Map<String, Object> error) {
    }
}

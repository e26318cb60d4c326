package io.poolmap.job.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.poolmap.job.Job;
import io.poolmap.job.JobStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a job's progress as Server-Sent Events: a {@code progress} event whenever the job has moved, at most one per
 * {@link #INTERVAL}, then one {@code status} event when it has ended, and returns. It looks at the job once per
 * interval from the request's own (virtual) thread, and {@link Job#await} ends that wait as soon as the job ends; a
 * comment every {@link #KEEP_ALIVE} keeps proxies from closing a quiet stream and finds clients that have gone.
 * Each event's id is how far the job had got: 0 while it is queued, then 1 + the items computed; a client that
 * reconnects with {@code Last-Event-ID} gets a progress event only once the job has moved past that id, and the
 * {@code status} event in any case.
 */
final class EventStream {

    /** The shortest time between two progress events of one stream. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    /** The longest a stream stays silent. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** What an SSE client waits before it reconnects, in milliseconds. */
    static final long RETRY_MS = 1_000;

    private final Job job;
    private final Writer out;
    private final JsonMapper json;
    private final Clock clock;

    EventStream(Job job, Writer out, JsonMapper json, Clock clock) {
        this.job = job;
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    /** Writes until the job has ended; an {@link IOException} means the client has gone. */
    void write(long lastEventId) throws IOException, InterruptedException {
        out.write("retry: " + RETRY_MS + "\n\n");
        out.flush();
        long sentPosition = lastEventId;
        long sentCompleted = -1;
        long sentAt = clock.millis();
        long wroteAt = sentAt;
        for (;;) {
            JobStatus status = job.status();
            long completed = job.completed();
            long position = status == JobStatus.QUEUED ? 0 : completed + 1;
            long now = clock.millis();
            if (status.isTerminal()) {
                event(position, "status", JobSummary.of(job, clock.instant()));
                return;
            }
            if (position > sentPosition) {
                double rate = sentCompleted < 0 ? averageRate(completed, now) : perSecond(completed - sentCompleted, now - sentAt);
                event(position, "progress", new ProgressEvent(JobSummary.of(job, Instant.ofEpochMilli(now)), rate));
                sentPosition = position;
                sentCompleted = completed;
                sentAt = now;
                wroteAt = now;
            } else if (now - wroteAt >= KEEP_ALIVE.toMillis()) {
                out.write(": keep-alive\n\n");
                out.flush();
                wroteAt = now;
            }
            job.await(INTERVAL);
        }
    }

    private double averageRate(long completed, long now) {
        Instant started = job.startedAt();
        return started == null ? 0 : perSecond(completed, now - started.toEpochMilli());
    }

    private static double perSecond(long items, long millis) {
        return millis <= 0 ? 0 : Math.round(items * 10_000.0 / millis) / 10.0;
    }

    private void event(long id, String name, Object data) throws IOException {
        out.write("id: " + id + "\nevent: " + name + "\ndata: ");
        out.write(json.writeValueAsString(data));
        out.write("\n\n");
        out.flush();
    }
}

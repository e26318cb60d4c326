package io.poolmap.job.web;

/** The OpenAPI descriptions and examples of the two streams, {@code /results} and {@code /events}: real answers of poolmap. */
final class StreamExamples {

    private StreamExamples() {
    }

    static final String RESULTS_DESCRIPTION = """
            The results as they are computed, while the job runs and after it ended. **Accept: application/x-ndjson** \
            (the default) streams one JSON object per line, flushed as chunks complete:
            * `{"index":i,"result":r}` per computed item; `{"index":i,"error":{…}}` for the item that failed the job;
            * `order=input` (default; Python's `imap`): item i is sent once items 0 … i-1 are; `order=completion` \
            (`imap_unordered`): as they complete;
            * **the end line**, once the job has ended: `{"end":true,"status":…,"count":…,"total":…}` (`count`: item \
            lines in this response; `error`: the job's problem if it did not succeed); then the response ends. **A stream \
            without it was cut**: resume with `from` = 1 + the last index received (input order), or start a \
            completion-order stream again. Items never computed (cancelled, timed out) are not sent.

            **Accept: application/json**: the finished results array (409 while the job runs).""";

    // One line each: the document's schema for application/x-ndjson is the schema of a line (ResultLine), and linters
    // and generators check an example against it. The whole streams of the README were real answers of these.

    static final String ITEM_LINE = """
            {"index":0,"result":1500}""";

    static final String FAILED_ITEM_LINE = """
            {"index":1,"error":{"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,"detail":"numbers[1] = 1.0E200: square(1.0E200) is not a finite number","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","pointer":"/numbers/1","index":1,"value":1.0E200,"progress":{"completed":1,"total":3}}}""";

    static final String END_LINE = """
            {"end":true,"status":"SUCCEEDED","count":4,"total":4}""";

    static final String FAILED_END_LINE = """
            {"end":true,"status":"FAILED","count":2,"total":3,"error":{"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,"detail":"numbers[1] = 1.0E200: square(1.0E200) is not a finite number","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","pointer":"/numbers/1","index":1,"value":1.0E200,"progress":{"completed":1,"total":3}}}""";

    static final String NOT_FINISHED = """
            {"type":"urn:poolmap:problem:job-not-finished","title":"Job not finished","status":409,
             "detail":"job 0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21 is RUNNING: its results array exists once it has succeeded; stream the results computed so far with Accept: application/x-ndjson, or wait for the end with GET /api/v1/jobs/0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21?wait=60s",
             "instance":"/api/v1/jobs/0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21/results","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","jobStatus":"RUNNING",
             "progress":{"completed":120000,"total":1000000}}""";

    static final String EVENTS_DESCRIPTION = """
            Server-Sent Events: the job's progress as it runs, then how it ended.
            * `progress`: the job as `GET /api/v1/jobs/{id}` shows it (without `results`) plus `itemsPerSecond`; sent when \
            the job has moved, at most one every 250 ms;
            * `status`: once, when the job has ended (at once for a job that already has): the job as it ended; then the \
            stream ends. A stream that ends without a `status` event was cut: reconnect.
            * Each event's `id` is how far the job had got (0 while queued, then 1 + the items computed): reconnect with \
            `Last-Event-ID` and the stream resumes after it (a progress event once the job has moved past it; the \
            `status` event in any case).
            * A comment line (`: keep-alive`) every 15 s while nothing happens; `retry: 1000` asks clients to reconnect after 1 s.

            Browsers' `EventSource` cannot send `Authorization`: with API keys, read the stream with `fetch`.""";

    static final String EVENTS = """
            retry: 1000

            id: 5
            event: progress
            data: {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"sleep","status":"RUNNING","size":40,"progress":{"completed":4,"total":40},"parallelism":4,"chunkSize":2,"timeoutMs":3600000,"workers":{"io-1":1,"io-2":1,"io-3":1,"io-4":1},"submittedAt":"2026-11-30T09:00:00.085Z","startedAt":"2026-11-30T09:00:00.086Z","durationMs":396,"itemsPerSecond":15.6}

            id: 41
            event: status
            data: {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"sleep","status":"SUCCEEDED","size":40,"progress":{"completed":40,"total":40},"parallelism":4,"chunkSize":1,"timeoutMs":3600000,"workers":{"io-1":10,"io-2":10,"io-3":10,"io-4":10},"submittedAt":"2026-11-30T09:00:00.085Z","startedAt":"2026-11-30T09:00:00.086Z","finishedAt":"2026-11-30T09:00:02.613Z","durationMs":2527}

            """;

    static final String EVENTS_ENDED = """
            retry: 1000

            id: 6
            event: status
            data: {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"square","status":"SUCCEEDED","size":5,"progress":{"completed":5,"total":5},"parallelism":2,"chunkSize":5,"timeoutMs":3600000,"workers":{"worker-1":5},"submittedAt":"2026-11-30T09:00:00.269Z","startedAt":"2026-11-30T09:00:00.285Z","finishedAt":"2026-11-30T09:00:00.286Z","durationMs":16}

            """;
}

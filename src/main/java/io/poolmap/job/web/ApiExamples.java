package io.poolmap.job.web;

/** Example bodies for the OpenAPI documentation, real answers of poolmap kept in one place. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String REQUEST = """
            {"operation": "double", "numbers": [1, 2, 3, 4, 5], "parallelism": 4}""";

    static final String ASYNC_REQUEST = """
            {"operation": "collatz_steps", "numbers": [27, 97, 871, 6171, 77031, 837799], "async": true}""";

    static final String EXPRESSION_REQUEST = """
            {"expression": "x**2 + 3*x + 1", "numbers": [1, 2, 3, -2, 1.5, 100000000000000000000]}""";

    static final String ACCEPTED = """
            {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"collatz_steps","status":"RUNNING","size":6,
             "progress":{"completed":0,"total":6},"parallelism":2,"chunkSize":1,"timeoutMs":3600000,"workers":{},
             "submittedAt":"2026-11-30T09:00:00.000Z","startedAt":"2026-11-30T09:00:00.001Z","durationMs":1}""";

    static final String SUCCEEDED = """
            {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"double","status":"SUCCEEDED","size":5,
             "progress":{"completed":5,"total":5},"parallelism":4,"chunkSize":1,"timeoutMs":3600000,
             "results":[2,4,6,8,10],"workers":{"worker-1":3,"worker-2":2},
             "submittedAt":"2026-11-30T09:00:00.000Z","startedAt":"2026-11-30T09:00:00.001Z",
             "finishedAt":"2026-11-30T09:00:00.002Z","durationMs":2}""";

    static final String UNKNOWN_FIELD = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"unknown field 'parallelsm'; the fields are [async, chunkSize, expression, numbers, operation, parallelism, timeoutMs]",
             "instance":"/api/v1/jobs","pointer":"/parallelsm"}""";

    static final String UNKNOWN_OPERATION = """
            {"type":"urn:poolmap:problem:unknown-operation","title":"Unknown operation","status":400,
             "detail":"unknown operation 'triple'; the operations are abs, collatz_steps, cube, double, factorial, fibonacci, increment, is_prime, negate, sleep, sqrt, square",
             "instance":"/api/v1/jobs","pointer":"/operation","operations":["abs","collatz_steps","cube","double","factorial","fibonacci","increment","is_prime","negate","sleep","sqrt","square"]}""";

    static final String INVALID_EXPRESSION = """
            {"type":"urn:poolmap:problem:invalid-expression","title":"Invalid expression","status":400,
             "detail":"unexpected '*' (column 5)\n    x ** * 2\n         ^",
             "instance":"/api/v1/jobs","pointer":"/expression","line":1,"column":5}""";

    static final String OUTSIDE_DOMAIN = """
            {"type":"urn:poolmap:problem:outside-domain","title":"Number outside the operation's domain","status":422,
             "detail":"numbers[2] = -1 is outside the domain of sqrt: sqrt needs a number ≥ 0",
             "instance":"/api/v1/jobs","pointer":"/numbers/2","index":2,"value":-1}""";

    static final String ITEM_FAILED = """
            {"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,
             "detail":"numbers[1] = 1.0E200: square(1.0E200) is not a finite number",
             "instance":"/api/v1/jobs","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","pointer":"/numbers/1","index":1,"value":1.0E200,
             "progress":{"completed":1,"total":2}}""";

    static final String EXPRESSION_ITEM_FAILED = """
            {"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,
             "detail":"numbers[2] = 3: ZeroDivisionError: integer division or modulo by zero",
             "instance":"/api/v1/jobs","jobId":"7d19c74b-a0a7-4da4-a271-183ba887b696","pointer":"/numbers/2","index":2,"value":3,
             "exception":"ZeroDivisionError","progress":{"completed":2,"total":4}}""";

    static final String CANCELLED = """
            {"type":"urn:poolmap:problem:job-cancelled","title":"Job cancelled","status":409,"detail":"cancelled by a client",
             "instance":"/api/v1/jobs","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","progress":{"completed":120,"total":1000}}""";

    static final String TIMED_OUT = """
            {"type":"urn:poolmap:problem:job-timed-out","title":"Job timed out","status":504,
             "detail":"the job did not finish within 100 ms; 40 of 1000 items were computed",
             "instance":"/api/v1/jobs","jobId":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","progress":{"completed":40,"total":1000}}""";

    static final String BATCH_TOO_LARGE = """
            {"type":"urn:poolmap:problem:batch-too-large","title":"Batch too large","status":413,
             "detail":"a job holds at most 1000000 numbers (poolmap.max-batch-size)","instance":"/api/v1/jobs","pointer":"/numbers","limit":1000000}""";

    static final String QUEUE_FULL = """
            {"type":"urn:poolmap:problem:queue-full","title":"Queue full","status":429,
             "detail":"the job's 1000000 items do not fit the 250000 items of room left in the queue (poolmap.queue-capacity = 4000000); retry later",
             "instance":"/api/v1/jobs"}""";

    static final String NOT_FOUND = """
            {"type":"urn:poolmap:problem:job-not-found","title":"Job not found","status":404,
             "detail":"no job with id 'nope' (finished jobs are kept for poolmap.retention)","instance":"/api/v1/jobs/nope","jobId":"nope"}""";
}

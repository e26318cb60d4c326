package io.poolmap.job.web;

/**
 * Example bodies for the OpenAPI documentation: real answers of poolmap on a machine with two workers (ids, times and
 * the adaptive chunk size vary from run to run), kept in one place; {@code ApiContractTest} validates each against its
 * schema.
 */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String REQUEST = """
            {"operation": "double", "numbers": [1, 2, 3, 4, 5], "parallelism": 4}""";

    static final String ASYNC_REQUEST = """
            {"operation": "sleep", "numbers": [2000], "async": true}""";

    static final String EXPRESSION_REQUEST = """
            {"expression": "x**2 + 3*x + 1", "numbers": [1, 2, 3, -2, 1.5, 100000000000000000000]}""";

    static final String SUCCEEDED = """
            {"id":"f8db9cb9-29d3-4f1e-9754-decd9c644c70","operation":"double","status":"SUCCEEDED","size":5,
             "progress":{"completed":5,"total":5},"parallelism":2,"chunkSize":5,"timeoutMs":3600000,
             "workers":{"worker-1":5},"submittedAt":"2026-11-30T09:00:00.773Z","startedAt":"2026-11-30T09:00:00.773Z",
             "finishedAt":"2026-11-30T09:00:00.773Z","durationMs":0,"results":[2,4,6,8,10]}""";

    static final String ACCEPTED = """
            {"id":"6ba72bf7-1eac-4a54-87c0-6c12d0d79623","operation":"sleep","status":"QUEUED","size":1,
             "progress":{"completed":0,"total":1},"parallelism":2,"chunkSize":1,"timeoutMs":3600000,"workers":{},
             "submittedAt":"2026-11-30T09:00:00.260Z","durationMs":3}""";

    static final String ACCEPTED_FINISHED = """
            {"id":"0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21","operation":"collatz_steps","status":"SUCCEEDED","size":6,
             "progress":{"completed":6,"total":6},"parallelism":2,"chunkSize":6,"timeoutMs":3600000,"workers":{"worker-2":6},
             "submittedAt":"2026-11-30T09:00:00.000Z","startedAt":"2026-11-30T09:00:00.000Z","finishedAt":"2026-11-30T09:00:00.001Z",
             "durationMs":1,"results":[111,118,178,261,350,524]}""";

    static final String RUNNING = """
            {"id":"85190850-9250-4e9f-96b3-023ac1614a2e","operation":"collatz_steps","status":"RUNNING","size":1000000,
             "progress":{"completed":352941,"total":1000000},"parallelism":2,"chunkSize":17635,"timeoutMs":3600000,
             "workers":{"worker-1":176470,"worker-2":176471},"submittedAt":"2026-11-30T09:00:00.000Z",
             "startedAt":"2026-11-30T09:00:00.002Z","durationMs":48}""";

    static final String FAILED = """
            {"id":"9196ccb2-ded9-4773-bb5e-fd9c2e4c4bcf","operation":"square","status":"FAILED","size":2,
             "progress":{"completed":1,"total":2},"parallelism":2,"chunkSize":2,"timeoutMs":3600000,
             "error":{"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,
              "detail":"numbers[1] = 1.0E200: square(1.0E200) is not a finite number","jobId":"9196ccb2-ded9-4773-bb5e-fd9c2e4c4bcf",
              "pointer":"/numbers/1","index":1,"value":1.0E200,"progress":{"completed":1,"total":2}},
             "workers":{"worker-1":1},"submittedAt":"2026-11-30T09:00:00.000Z","startedAt":"2026-11-30T09:00:00.000Z",
             "finishedAt":"2026-11-30T09:00:00.001Z","durationMs":1}""";

    static final String CANCELLED_JOB = """
            {"id":"85190850-9250-4e9f-96b3-023ac1614a2e","operation":"collatz_steps","status":"CANCELLED","size":1000000,
             "progress":{"completed":352941,"total":1000000},"parallelism":2,"chunkSize":17635,"timeoutMs":3600000,
             "error":{"type":"urn:poolmap:problem:job-cancelled","title":"Job cancelled","status":409,"detail":"cancelled by a client",
              "jobId":"85190850-9250-4e9f-96b3-023ac1614a2e","progress":{"completed":352941,"total":1000000}},
             "workers":{"worker-1":176470,"worker-2":176471},"submittedAt":"2026-11-30T09:00:00.000Z",
             "startedAt":"2026-11-30T09:00:00.002Z","finishedAt":"2026-11-30T09:00:00.050Z","durationMs":50}""";

    static final String PAGE = """
            {"jobs":[{"id":"f8db9cb9-29d3-4f1e-9754-decd9c644c70","operation":"double","status":"SUCCEEDED","size":5,
              "progress":{"completed":5,"total":5},"parallelism":2,"chunkSize":5,"timeoutMs":3600000,"workers":{"worker-1":5},
              "submittedAt":"2026-11-30T09:00:00.773Z","startedAt":"2026-11-30T09:00:00.773Z","finishedAt":"2026-11-30T09:00:00.773Z",
              "durationMs":0}],"page":0,"size":20,"total":1}""";

    static final String ITEMS = """
            {"items":[{"index":0,"input":1,"result":2,"worker":"worker-1"},{"index":1,"input":2,"result":4,"worker":"worker-1"},
              {"index":2,"input":3,"result":6,"worker":"worker-2"}],"offset":0,"limit":3,"total":5}""";

    static final String EXACT = """
            {"id":"3f0c9a57-2d7e-4d8b-a1c4-5b6e7f809a1b","operation":"square","status":"SUCCEEDED","size":2,
             "progress":{"completed":2,"total":2},"parallelism":2,"chunkSize":2,"timeoutMs":3600000,"workers":{"worker-1":2},
             "submittedAt":"2026-11-30T09:00:00.000Z","startedAt":"2026-11-30T09:00:00.000Z","finishedAt":"2026-11-30T09:00:00.000Z",
             "durationMs":0,"results":[9,"9223372037000250000"]}""";

    static final String UNKNOWN_FIELD = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"unknown field 'parallelsm'; the fields are [async, chunkSize, expression, numbers, operation, parallelism, timeoutMs]",
             "instance":"/api/v1/jobs","pointer":"/parallelsm",
             "errors":[{"detail":"unknown field 'parallelsm'; the fields are [async, chunkSize, expression, numbers, operation, parallelism, timeoutMs]","pointer":"/parallelsm"}]}""";

    static final String OUT_OF_RANGE = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"'parallelism' must be greater than or equal to 1","instance":"/api/v1/jobs","pointer":"/parallelism",
             "errors":[{"detail":"'parallelism' must be greater than or equal to 1","pointer":"/parallelism"},
                       {"detail":"'chunkSize' must be greater than or equal to 1","pointer":"/chunkSize"}]}""";

    static final String UNKNOWN_OPERATION = """
            {"type":"urn:poolmap:problem:unknown-operation","title":"Unknown operation","status":400,
             "detail":"unknown operation 'triple'; the operations are abs, collatz_steps, cube, double, factorial, fibonacci, increment, is_prime, negate, sleep, sqrt, square",
             "instance":"/api/v1/jobs","pointer":"/operation","operations":["abs","collatz_steps","cube","double","factorial","fibonacci","increment","is_prime","negate","sleep","sqrt","square"],
             "errors":[{"detail":"unknown operation 'triple'; the operations are abs, collatz_steps, cube, double, factorial, fibonacci, increment, is_prime, negate, sleep, sqrt, square","pointer":"/operation"}]}""";

    static final String BAD_WAIT = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"'wait' must be a duration such as 10s, 500ms or PT10S, not 'soon'","instance":"/api/v1/jobs/85190850-9250-4e9f-96b3-023ac1614a2e",
             "parameter":"wait","errors":[{"detail":"'wait' must be a duration such as 10s, 500ms or PT10S, not 'soon'","parameter":"wait"}]}""";

    static final String BAD_STATUS = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"'status' must be one of [QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT], not 'DONE'","instance":"/api/v1/jobs",
             "parameter":"status","errors":[{"detail":"'status' must be one of [QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT], not 'DONE'","parameter":"status"}]}""";

    static final String BAD_LIMIT = """
            {"type":"urn:poolmap:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"'limit' must be greater than or equal to 1","instance":"/api/v1/jobs/85190850-9250-4e9f-96b3-023ac1614a2e/items",
             "parameter":"limit","errors":[{"detail":"'limit' must be greater than or equal to 1","parameter":"limit"}]}""";

    static final String INVALID_EXPRESSION = """
            {"type":"urn:poolmap:problem:invalid-expression","title":"Invalid expression","status":400,
             "detail":"unexpected '*' (column 5)\\n    x ** * 2\\n         ^",
             "instance":"/api/v1/jobs","pointer":"/expression","line":1,"column":5,
             "errors":[{"detail":"unexpected '*' (column 5)\\n    x ** * 2\\n         ^","pointer":"/expression"}]}""";

    static final String OUTSIDE_DOMAIN = """
            {"type":"urn:poolmap:problem:outside-domain","title":"Number outside the operation's domain","status":422,
             "detail":"numbers[2] = -1 is outside the domain of sqrt: sqrt needs a number ≥ 0",
             "instance":"/api/v1/jobs","pointer":"/numbers/2","index":2,"value":-1}""";

    static final String ITEM_FAILED = """
            {"type":"urn:poolmap:problem:item-failed","title":"Item failed","status":422,
             "detail":"numbers[1] = 1.0E200: square(1.0E200) is not a finite number",
             "instance":"/api/v1/jobs","jobId":"9196ccb2-ded9-4773-bb5e-fd9c2e4c4bcf","pointer":"/numbers/1","index":1,"value":1.0E200,
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

    static final String UNSUPPORTED_TYPE = """
            {"type":"urn:poolmap:problem:unsupported-media-type","title":"Unsupported Media Type","status":415,
             "detail":"Content-Type 'text/plain' is not supported.","instance":"/api/v1/jobs"}""";

    static final String QUEUE_FULL = """
            {"type":"urn:poolmap:problem:queue-full","title":"Queue full","status":429,
             "detail":"the job's 1000000 items do not fit the 250000 items of room left in the queue (poolmap.queue-capacity = 4000000); retry later",
             "instance":"/api/v1/jobs"}""";

    static final String SHUTTING_DOWN = """
            {"type":"urn:poolmap:problem:shutting-down","title":"Shutting down","status":503,
             "detail":"poolmap is shutting down and accepts no new jobs; retry on another instance or after the restart","instance":"/api/v1/jobs"}""";

    static final String NOT_FOUND = """
            {"type":"urn:poolmap:problem:job-not-found","title":"Job not found","status":404,
             "detail":"no job with id 'nope' (finished jobs are kept for poolmap.retention)","instance":"/api/v1/jobs/nope","jobId":"nope"}""";
}

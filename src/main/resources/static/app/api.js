/**
 * Everything the page knows about poolmap's HTTP API: the URLs, the API key, problem details, and how live data
 * arrives. Views never call fetch() themselves, so that a change of transport is a change in this module only.
 *
 * Live data:
 * - `watchJob`: the job's Server-Sent Events, `GET /api/v1/jobs/{id}/events`, read with fetch and a stream reader
 *   (EventSource cannot send the Authorization header that API keys need): a `progress` event when the job has moved
 *   (at most four a second), then one `status` event; a dropped stream is opened again with `Last-Event-ID`, so that
 *   it resumes where it was;
 * - `watchJobs`: a page of recent jobs, polled once a second;
 * - `watchPool`: `/actuator/workers`, the `pool` health component and the finished-jobs counter, once a second.
 * The results themselves stream from `GET /api/v1/jobs/{id}/results` (NDJSON); the job page links to it.
 */

/** Where the key lives: this tab's session only, never a URL, a cookie or localStorage. */
const KEY_ITEM = 'poolmap.api-key';
/** The ends a job can reach; the long poll stops at them. */
export const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT']);

/** An answer that is not a success, as its RFC 9457 problem detail (or as much of one as the answer had). */
export class Problem extends Error {
    constructor(status, body = {}) {
        super(body.detail || body.title || `HTTP ${status}`);
        this.name = 'Problem';
        this.status = status;
        this.body = body;
        this.title = body.title || `HTTP ${status}`;
        this.detail = body.detail || '';
        this.pointer = body.pointer || null;
    }

    static async of(response) {
        const text = await response.text();
        try {
            const body = JSON.parse(text, exactNumbers);
            return new Problem(response.status, body && typeof body === 'object' ? body : {});
        } catch {
            return new Problem(response.status, {detail: text.slice(0, 300)});
        }
    }
}

/**
 * A JSON.parse reviver that keeps an item's `input` and `result` (and a problem's `value`) as the digits the server wrote, where the browser
 * gives revivers the source text (JSON.parse source text access): integers past 2^53 and decimals such as 2.0 are
 * shown exactly as poolmap computed them. Elsewhere they fall back to JavaScript's own rendering.
 */
export function exactNumbers(key, value, context) {
    if ((key === 'input' || key === 'result' || key === 'value') && typeof value === 'number') {
        return context && typeof context.source === 'string' ? context.source : String(value);
    }
    return value;
}

/** The sum of a counter's samples in Prometheus' text format, or null when it has none. */
export function sumOfCounter(text, name) {
    let sum = null;
    for (const line of text.split('\n')) {
        if (line.startsWith(name) && (line[name.length] === '{' || line[name.length] === ' ')) {
            const value = Number(line.slice(line.lastIndexOf(' ') + 1));
            if (Number.isFinite(value)) {
                sum = (sum ?? 0) + value;
            }
        }
    }
    return sum;
}

/**
 * The events of a Server-Sent Events body (a ReadableStream of bytes), as the HTML standard parses them: one
 * `{id, event, data, retry}` per block that sets any of them (comments and blank blocks are skipped; `data` lines are
 * joined with newlines). Stopping the loop early cancels the body, which closes the connection.
 */
export async function* serverSentEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let block = {};
    try {
        for (;;) {
            const {value, done} = await reader.read();
            if (done) {
                return;
            }
            buffer += value;
            const lines = buffer.split(/\r\n|\r|\n/);
            buffer = lines.pop(); // the last line may be incomplete ('\r' at the end is taken as a line's end: SSE allows it)
            for (const line of lines) {
                if (line === '') {
                    if (Object.keys(block).length > 0) {
                        yield block;
                    }
                    block = {};
                    continue;
                }
                if (line.startsWith(':')) {
                    continue;
                }
                const colon = line.indexOf(':');
                const field = colon === -1 ? line : line.slice(0, colon);
                const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'data') {
                    block.data = block.data === undefined ? value : `${block.data}\n${value}`;
                } else if (field === 'id' || field === 'event') {
                    block[field] = value;
                } else if (field === 'retry' && /^\d+$/.test(value)) {
                    block.retry = Number(value);
                }
            }
        }
    } finally {
        reader.cancel().catch(() => undefined);
    }
}

/**
 * poolmap's API for one page.
 *
 * @param fetch the browser's fetch (a stand-in in tests)
 * @param storage where the key is kept: the tab's sessionStorage
 * @param askForKey `({rejected, problem}) => Promise<string>`: shows the key dialog; `rejected` when a key was sent and refused
 * @param clock monotonic milliseconds, for the pool's rates
 * @param visibility `{hidden(): boolean, onVisible(resolve, signal)}`: polling pauses while the tab is hidden
 */
export function createApi({fetch, storage, askForKey, clock = () => performance.now(), visibility = alwaysVisible}) {
    let pendingKey = null;

    async function keyAfter401(problem, rejected) {
        pendingKey ??= Promise.resolve(askForKey({problem, rejected}))
            .then(key => {
                storage.setItem(KEY_ITEM, key.trim());
            })
            .finally(() => {
                pendingKey = null;
            });
        return pendingKey;
    }

    /**
     * Any request to poolmap, with the key when there is one; a 401 asks for a key and tries again. It answers the
     * Response itself, so that a stream (SSE, NDJSON) can be read from its body; `headers` adds e.g. Last-Event-ID.
     */
    async function request(path, {method = 'GET', body, accept = 'application/json', headers: extra = {}, signal} = {}) {
        for (;;) {
            const key = storage.getItem(KEY_ITEM);
            const headers = {...extra, Accept: accept};
            if (key) {
                headers.Authorization = `Bearer ${key}`;
            }
            if (body !== undefined) {
                headers['Content-Type'] = 'application/json';
            }
            const response = await fetch(path, {method, headers, body, signal, cache: 'no-store', credentials: 'omit'});
            if (response.status !== 401) {
                return response;
            }
            const problem = await Problem.of(response);
            if (storage.getItem(KEY_ITEM) === key) { // else another request has already been given a new key
                await keyAfter401(problem, key !== null);
            }
            signal?.throwIfAborted();
        }
    }

    async function json(path, options) {
        const response = await request(path, options);
        if (!response.ok) {
            throw await Problem.of(response);
        }
        return response.json();
    }

    /** A job without its results array: the page never shows it whole (it can be millions of numbers). */
    function withoutResults(job) {
        const {results, ...rest} = job;
        return rest;
    }

    async function job(id, {wait, signal} = {}) {
        const query = wait ? `?wait=${encodeURIComponent(wait)}` : '';
        return withoutResults(await json(`/api/v1/jobs/${encodeURIComponent(id)}${query}`, {signal}));
    }

    async function items(id, offset, limit, {signal} = {}) {
        const response = await request(`/api/v1/jobs/${encodeURIComponent(id)}/items?offset=${offset}&limit=${limit}`, {signal});
        if (!response.ok) {
            throw await Problem.of(response);
        }
        return JSON.parse(await response.text(), exactNumbers);
    }

    /**
     * The events of one connection to a job's event stream, resuming after `lastEventId`; a connection that fails or
     * drops just ends (the caller opens another), while a refusal rejects with its {@link Problem}.
     */
    async function* jobEvents(id, lastEventId, signal) {
        let response;
        try {
            response = await request(`/api/v1/jobs/${encodeURIComponent(id)}/events`, {
                accept: 'text/event-stream', headers: lastEventId === null ? {} : {'Last-Event-ID': lastEventId}, signal});
        } catch (error) {
            if (error.name === 'AbortError') {
                throw error;
            }
            return;
        }
        if (!response.ok) {
            throw await Problem.of(response);
        }
        try {
            yield* serverSentEvents(response.body);
        } catch (error) {
            if (error.name === 'AbortError') {
                throw error;
            }
        }
    }

    /**
     * Jobs finished since start-up (poolmap_jobs_finished_total); null where /actuator/prometheus is not exposed.
     * The Prometheus client filters counters by their name without `_total`; both are asked for.
     */
    async function finishedJobs(signal) {
        const response = await request('/actuator/prometheus?includedNames=poolmap_jobs_finished,poolmap_jobs_finished_total',
            {accept: 'text/plain', signal});
        return response.ok ? sumOfCounter(await response.text(), 'poolmap_jobs_finished_total') ?? 0 : null;
    }

    /** Runs `tick` now and again `intervalMs` after each run ends, while the tab is visible, until `signal` aborts. */
    async function every(intervalMs, tick, signal) {
        try {
            while (!signal.aborted) {
                if (visibility.hidden()) {
                    await new Promise(resolve => visibility.onVisible(resolve, signal));
                    continue;
                }
                await tick();
                await sleep(intervalMs, signal);
            }
        } catch (error) {
            if (!signal.aborted) {
                throw error;
            }
        }
    }

    return {
        /** Whether a key is kept for this tab. */
        hasKey: () => storage.getItem(KEY_ITEM) !== null,
        forgetKey: () => storage.removeItem(KEY_ITEM),

        operations: () => json('/api/v1/operations'),
        expressionLanguage: () => json('/api/v1/operations/expression'),
        job,
        cancel: async id => withoutResults(await json(`/api/v1/jobs/${encodeURIComponent(id)}`, {method: 'DELETE'})),

        /**
         * Submits a job of an `operation` or, when it is given, an `expression`. `numbers` is the JSON text of the
         * array's items (see numbers.js), spliced in as it is so that no integer passes through a JavaScript number.
         *
         * @returns {{job, accepted: boolean}} the job (accepted: answered 202, it runs on); a refusal throws a {@link Problem}
         */
        async submit({operation, expression, numbers, parallelism, chunkSize, timeoutMs, async: asynchronous}) {
            const options = {parallelism, chunkSize, timeoutMs, async: asynchronous || undefined};
            const rest = Object.entries(options).filter(([, value]) => value !== undefined && value !== null && value !== '')
                .map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`).join('');
            const what = expression === undefined ? `"operation":${JSON.stringify(operation)}` : `"expression":${JSON.stringify(expression)}`;
            const body = `{${what},"numbers":[${numbers}]${rest}}`;
            const response = await request('/api/v1/jobs', {method: 'POST', body});
            if (response.status !== 200 && response.status !== 202) {
                throw await Problem.of(response);
            }
            return {job: withoutResults(await response.json()), accepted: response.status === 202};
        },

        /**
         * Follows a job until it ends, from its Server-Sent Events: `onUpdate(job)` with the job of each `progress`
         * event and of the final `status` event; resolves with the ended job. A stream that drops, or ends without its
         * `status` event, is opened again after the server's `retry` (1 s) with `Last-Event-ID`; an unknown job (404)
         * or any other refusal rejects with its {@link Problem}.
         */
        async watchJob(id, onUpdate, {signal} = {}) {
            let lastEventId = null;
            let retryMs = 1000;
            for (;;) {
                signal?.throwIfAborted();
                for await (const event of jobEvents(id, lastEventId, signal)) {
                    retryMs = event.retry ?? retryMs;
                    lastEventId = event.id ?? lastEventId;
                    if (event.event === 'progress' || event.event === 'status') {
                        const current = JSON.parse(event.data);
                        onUpdate(current);
                        if (event.event === 'status') {
                            return current;
                        }
                    }
                }
                await sleep(retryMs, signal);
            }
        },

        /** Where a job's results stream from as NDJSON, in input order, while it runs and after (`curl -N` it). */
        resultsPath: id => `/api/v1/jobs/${encodeURIComponent(id)}/results`,

        /** Polls a page of recent jobs every second: `onPage(page)` or `onPage(null, error)`. */
        watchJobs(query, onPage, {signal}) {
            return every(1000, async () => {
                try {
                    onPage(await json(jobsPath(query), {signal}));
                } catch (error) {
                    if (error.name !== 'AbortError') {
                        onPage(null, error);
                    }
                }
            }, signal);
        },

        /**
         * Samples the pool every second: `onSample({at, workers, pool, status, finished})` with the workers
         * report, the `pool` health component's details, the overall health status and the finished-jobs counter,
         * or `onSample(null, error)` when poolmap cannot be reached.
         */
        watchPool(onSample, {signal}) {
            return every(1000, async () => {
                try {
                    const [workers, health, finished] = await Promise.all([
                        json('/actuator/workers', {signal}), json('/actuator/health', {signal}).catch(healthProblem),
                        finishedJobs(signal).catch(() => null)]);
                    onSample({at: clock(), workers, pool: health.components?.pool?.details ?? null, status: health.status, finished});
                } catch (error) {
                    if (error.name !== 'AbortError') {
                        onSample(null, error);
                    }
                }
            }, signal);
        },

        /** The first `limit` items (input, result, worker), exact. */
        firstItems: (id, limit, options) => items(id, 0, limit, options),

        /** Reads the pages a per-worker picture needs (picture.js's plan), six at a time, in the plan's order. */
        async pages(id, reads, {signal} = {}) {
            const pages = new Array(reads.length);
            let next = 0;
            const worker = async () => {
                while (next < reads.length) {
                    const i = next++;
                    const page = await items(id, reads[i].offset, reads[i].limit, {signal});
                    pages[i] = {offset: reads[i].offset, items: page.items};
                }
            };
            await Promise.all(Array.from({length: Math.min(6, reads.length)}, worker));
            return pages;
        },
    };
}

function jobsPath({status, page = 0, size = 20} = {}) {
    return `/api/v1/jobs?page=${page}&size=${size}${status ? `&status=${encodeURIComponent(status)}` : ''}`;
}

/** A DOWN or OUT_OF_SERVICE health answers 503 with the same body: it is still the health. */
function healthProblem(error) {
    if (error instanceof Problem && error.body && error.body.status) {
        return error.body;
    }
    throw error;
}

const alwaysVisible = {hidden: () => false, onVisible: resolve => resolve()};

function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, {once: true});
    });
}

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Problem, createApi, exactNumbers, serverSentEvents, sumOfCounter} from '../../../main/resources/static/app/api.js';

const KEY = 'the-right-key-0123456789';
const json = (status, body, type = 'application/json') => new Response(JSON.stringify(body), {status, headers: {'Content-Type': type}});
const unauthorized = () => json(401, {type: 'urn:poolmap:problem:unauthorized', title: 'Unauthorized', status: 401}, 'application/problem+json');

function storage() {
    const items = new Map();
    return {getItem: name => items.get(name) ?? null, setItem: (name, value) => items.set(name, value), removeItem: name => items.delete(name)};
}

/** poolmap as the page sees it: answers 401 without the right key, and records every request. */
function server(answer) {
    const calls = [];
    const fetch = async (path, options) => {
        calls.push({path, ...options});
        if (options.headers.Authorization !== `Bearer ${KEY}`) {
            return unauthorized();
        }
        return answer(path, options);
    };
    return {fetch, calls};
}

/** A body that arrives in these pieces. */
function body(...pieces) {
    const encoder = new TextEncoder();
    return new ReadableStream({
        start(controller) {
            pieces.forEach(piece => controller.enqueue(encoder.encode(piece)));
            controller.close();
        },
    });
}

function chunks(text, size) {
    return Array.from({length: Math.ceil(text.length / size)}, (_, i) => text.slice(i * size, (i + 1) * size));
}

/** An event stream answer made of these pieces. */
const sse = (...pieces) => new Response(body(...pieces), {status: 200, headers: {'Content-Type': 'text/event-stream'}});

const progress = (id, status, completed) =>
    `id: ${id}\nevent: progress\ndata: ${JSON.stringify({id: 'j1', status, progress: {completed, total: 3}, itemsPerSecond: 1.5})}\n\n`;

describe('api', () => {
    it('asks for a key on a 401, keeps it and sends it as a bearer token, never in the URL', async () => {
        const {fetch, calls} = server(() => json(200, []));
        const asked = [];
        const api = createApi({fetch, storage: storage(), askForKey: async reason => {
            asked.push(reason);
            return asked.length === 1 ? 'a-wrong-key-0123456789' : ` ${KEY} `;
        }});

        assert.deepEqual(await api.operations(), []);

        assert.deepEqual(asked.map(reason => reason.rejected), [false, true], 'the second prompt says the first key was refused');
        assert.equal(asked[0].problem.status, 401);
        assert.deepEqual(calls.map(call => call.headers.Authorization), [undefined, 'Bearer a-wrong-key-0123456789', `Bearer ${KEY}`]);
        assert.ok(calls.every(call => !call.path.includes('key') && call.credentials === 'omit'));
        assert.equal(api.hasKey(), true);
        api.forgetKey();
        assert.equal(api.hasKey(), false);
    });

    it('asks once for requests refused together', async () => {
        const {fetch} = server(() => json(200, {id: 'j1', status: 'RUNNING'}));
        let prompts = 0;
        const api = createApi({fetch, storage: storage(), askForKey: async () => {
            prompts++;
            await new Promise(resolve => setTimeout(resolve, 10));
            return KEY;
        }});
        await Promise.all([api.operations(), api.operations(), api.job('j1')]);
        assert.equal(prompts, 1);
    });

    it('splices the numbers into the body as typed, so that no integer passes through a JavaScript number', async () => {
        let body;
        const {fetch} = server((path, options) => {
            body = options.body;
            return json(202, {id: 'j1', status: 'RUNNING', results: null});
        });
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const api = createApi({fetch, storage: keys, askForKey: () => assert.fail('no prompt with a kept key')});

        const {job, accepted} = await api.submit({operation: 'square', numbers: '3037000500,9007199254740993,2.0', parallelism: 2, chunkSize: '', async: true});

        assert.equal(body, '{"operation":"square","numbers":[3037000500,9007199254740993,2.0],"parallelism":2,"async":true}');
        assert.equal(accepted, true);
        assert.deepEqual(job, {id: 'j1', status: 'RUNNING'}, 'the results array is dropped');
    });

    it('sends an expression instead of an operation when it is given one', async () => {
        let body;
        const {fetch} = server((path, options) => {
            body = options.body;
            return json(200, {id: 'j2', status: 'SUCCEEDED', expression: 'x**2 + 1', results: [2, 100000000000000000001]});
        });
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const api = createApi({fetch, storage: keys, askForKey: () => assert.fail('no prompt with a kept key')});

        const {accepted} = await api.submit({operation: 'expression', expression: 'x**2 + 1', numbers: '1,10000000000', async: false});

        assert.equal(body, '{"expression":"x**2 + 1","numbers":[1,10000000000]}');
        assert.equal(accepted, false);
    });

    it('turns a refusal into a problem detail with its pointer, and its value exactly', async () => {
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const {fetch} = server(() => new Response('{"type":"urn:poolmap:problem:outside-domain","title":"Number outside the operation\'s domain",'
            + '"status":422,"detail":"numbers[1] = -1 …","pointer":"/numbers/1","index":1,"value":-123456789012345678901234567890}',
        {status: 422, headers: {'Content-Type': 'application/problem+json'}}));
        const api = createApi({fetch, storage: keys, askForKey: assert.fail});

        const problem = await api.submit({operation: 'sqrt', numbers: '4,-1'}).catch(error => error);

        assert.ok(problem instanceof Problem);
        assert.equal(problem.status, 422);
        assert.equal(problem.title, 'Number outside the operation\'s domain');
        assert.equal(problem.pointer, '/numbers/1');
        assert.equal(problem.body.index, 1);
        assert.equal(typeof problem.body.value, 'string', 'kept as text (exactly so where the engine gives revivers the source)');
    });

    it('follows a job from its Server-Sent Events, and resumes a dropped stream with Last-Event-ID', async () => {
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const connections = [
            () => sse('retry: 5\n\n', progress(1, 'RUNNING', 0), progress(2, 'RUNNING', 1)), // then drops: no status event
            () => {
                throw new TypeError('fetch failed');
            },
            () => sse(progress(3, 'RUNNING', 2), ': keep-alive\n\n', 'id: 4\nevent: status\ndata: {"id":"j1","status":"SUCCEEDED",\n',
                'data: "progress":{"completed":3,"total":3}}\n\n'),
        ];
        const {fetch, calls} = server(() => connections.shift()());
        const api = createApi({fetch, storage: keys, askForKey: assert.fail});
        const seen = [];

        const ended = await api.watchJob('j1', job => seen.push(`${job.status} ${job.progress.completed}`));

        assert.equal(ended.status, 'SUCCEEDED');
        assert.deepEqual(seen, ['RUNNING 0', 'RUNNING 1', 'RUNNING 2', 'SUCCEEDED 3']);
        assert.ok(calls.every(call => call.path === '/api/v1/jobs/j1/events' && call.headers.Accept === 'text/event-stream'));
        assert.deepEqual(calls.map(call => call.headers['Last-Event-ID']), [undefined, '2', '2'], 'reconnections resume after the last event');
    });

    it('rejects with the problem when the job is unknown, and with what the view threw', async () => {
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const unknown = createApi({fetch: server(() => json(404, {type: 'urn:poolmap:problem:job-not-found', title: 'Job not found', status: 404},
            'application/problem+json')).fetch, storage: keys, askForKey: assert.fail});
        const problem = await unknown.watchJob('nope', assert.fail).catch(error => error);
        assert.ok(problem instanceof Problem);
        assert.equal(problem.status, 404);

        const api = createApi({fetch: server(() => sse(progress(1, 'RUNNING', 0))).fetch, storage: keys, askForKey: assert.fail});
        const thrown = await api.watchJob('j1', () => {
            throw new RangeError('a bug in the view');
        }).catch(error => error);
        assert.ok(thrown instanceof RangeError, 'a view\'s error is not taken for a dropped connection');
    });

    it('parses Server-Sent Events as the standard does, whatever the chunks', async () => {
        const text = 'retry: 1000\r\n\r\n: a comment\nid: 7\nevent: progress\ndata: {"a":\ndata:1}\n\nid: 8\n\ndata\n\nevent: status\ndata: x\n\n';
        for (const size of [1, 3, 7, text.length]) {
            const events = [];
            for await (const event of serverSentEvents(body(...chunks(text, size)))) {
                events.push(event);
            }
            assert.deepEqual(events, [{retry: 1000}, {id: '7', event: 'progress', data: '{"a":\n1}'}, {id: '8'}, {data: ''},
                {event: 'status', data: 'x'}], `in chunks of ${size}`);
        }
    });

    it('samples the pool: workers, the pool health component and the finished-jobs counter', async () => {
        const keys = storage();
        keys.setItem('poolmap.api-key', KEY);
        const {fetch} = server(path => {
            if (path === '/actuator/workers') {
                return json(200, {poolSize: 1, workers: []});
            }
            if (path === '/actuator/health') {
                return json(503, {status: 'OUT_OF_SERVICE', components: {pool: {status: 'OUT_OF_SERVICE', details: {queuedItems: 3, queueCapacity: 10}}}});
            }
            return new Response('# TYPE poolmap_jobs_finished_total counter\npoolmap_jobs_finished_total{operation="double",status="SUCCEEDED"} 3.0\n', {status: 200});
        });
        const api = createApi({fetch, storage: keys, askForKey: assert.fail, clock: () => 42});
        const stop = new AbortController();
        const samples = [];

        await api.watchPool((sample, error) => {
            samples.push(sample ?? error);
            stop.abort();
        }, {signal: stop.signal});

        assert.deepEqual(samples, [{at: 42, workers: {poolSize: 1, workers: []}, pool: {queuedItems: 3, queueCapacity: 10}, status: 'OUT_OF_SERVICE', finished: 3}]);
    });

    it('keeps an item\'s input and result as the server wrote them where the browser gives the source text', () => {
        assert.equal(exactNumbers('input', 1e39, {source: '1000000000000000000000000000000000000000'}), '1000000000000000000000000000000000000000');
        assert.equal(exactNumbers('result', 2, {source: '2.0'}), '2.0');
        assert.equal(exactNumbers('result', 7, undefined), '7');
        assert.equal(exactNumbers('result', true, undefined), true);
        assert.equal(exactNumbers('index', 3, {source: '3'}), 3);
    });

    it('sums a counter over its labels in Prometheus\' text format', () => {
        const text = '# HELP poolmap_jobs_finished_total Jobs\npoolmap_jobs_finished_total{status="A"} 2.0\npoolmap_jobs_finished_total{status="B"} 5.0\n'
            + 'poolmap_jobs_finished_totalx 100\n';
        assert.equal(sumOfCounter(text, 'poolmap_jobs_finished_total'), 7);
        assert.equal(sumOfCounter('', 'poolmap_jobs_finished_total'), null);
    });
});

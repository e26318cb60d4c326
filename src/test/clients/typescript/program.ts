/**
 * The seed examples of poolmap's README through the TypeScript client (typescript-fetch) that openapi-generator made
 * from the running jar's OpenAPI document, compiled next to it (./generated). Usage: node program.js http://localhost:PORT
 *
 * JSON.parse rounds integers beyond ±(2^53 − 1); the client that asks for them exactly sends
 * Accept: application/json; IEEE754Compatible=true, and gets such integers as strings for BigInt.
 * Exits 0 when every check holds; prints what it saw either way, and the first check that failed.
 */
import {Configuration, JobsApi, OperationsApi, ResponseError} from './generated/index';
import type {JobView, Problem, Result} from './generated/index';

/** Node's process, declared here so that the program needs no @types/node. */
declare const process: {argv: string[]; exit(code: number): never};

const base = process.argv[2];
const EXACT = 'application/json; IEEE754Compatible=true';

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`check failed: ${what}`);
    }
    console.log(`ok   ${what}`);
}

function results(job: JobView): Result[] {
    check(job.results !== undefined, `${job.status} job ${job.id} has results`);
    return job.results ?? [];
}

/** A result as an exact BigInt: a number that JSON.parse read exactly, or the string of a larger integer. */
function exact(result: Result): bigint {
    if (typeof result === 'string' || (typeof result === 'number' && Number.isSafeInteger(result))) {
        return BigInt(result);
    }
    throw new Error(`not an exact integer: ${String(result)}`);
}

/** Runs a call that must fail and returns its status and the Problem read from its body. */
async function problemOf(call: () => Promise<unknown>): Promise<[number, Problem]> {
    try {
        await call();
    } catch (failure) {
        if (failure instanceof ResponseError) {
            const type = failure.response.headers.get('Content-Type') ?? '';
            check(type.startsWith('application/problem+json'), `the ${failure.response.status} answer is ${type}`);
            return [failure.response.status, await failure.response.json() as Problem];
        }
        throw failure;
    }
    throw new Error('the call did not fail');
}

async function main(): Promise<void> {
    const jobs = new JobsApi(new Configuration({basePath: base}));
    const exactJobs = new JobsApi(new Configuration({basePath: base, headers: {Accept: EXACT}}));
    const operations = new OperationsApi(new Configuration({basePath: base}));

    const names = (await operations.listOperations()).map(operation => operation.name);
    check(['double', 'square', 'is_prime', 'sleep'].every(name => names.includes(name)), `the operations are listed: ${names.join(', ')}`);

    // Pool(processes=4).map(double, [1, 2, 3, 4, 5])
    let job = await jobs.submitJob({jobRequest: {operation: 'double', numbers: [1, 2, 3, 4, 5], parallelism: 4}});
    check(job.status === 'SUCCEEDED' && JSON.stringify(results(job)) === '[2,4,6,8,10]', `double over 1..5: ${JSON.stringify(job.results)}`);
    check(job.parallelism >= 1 && job.parallelism <= 4, `parallelism 4 is clamped to the pool: ${job.parallelism}`);
    check(Object.values(job.workers).reduce((a, b) => a + b, 0) === 5, `named workers computed the five items: ${JSON.stringify(job.workers)}`);

    // p = Process(target=f, args=(x,)); p.start(); p.join()
    const accepted = await jobs.submitJobRaw({jobRequest: {operation: 'sleep', numbers: [300], async: true}});
    const started = await accepted.value();
    check(accepted.raw.status === 202, `an asynchronous job is accepted: ${accepted.raw.status}`);
    check(accepted.raw.headers.get('Location') === `/api/v1/jobs/${started.id}`, `at ${accepted.raw.headers.get('Location')}`);
    const joined = await jobs.getJob({id: started.id, wait: '10s'});
    check(joined.status === 'SUCCEEDED' && JSON.stringify(results(joined)) === '[300]', `joined: ${joined.status} ${JSON.stringify(joined.results)}`);

    // print(current_process().name) for each number
    job = await jobs.submitJob({jobRequest: {operation: 'fibonacci', numbers: [20000, 19999, 19998, 19997, 19996, 19995, 19994, 19993], chunkSize: 1}});
    const page = await exactJobs.listItems({id: job.id});
    check(page.total === 8 && page.items.every((item, i) => item.index === i && item.worker?.startsWith('worker-')),
        `each item names its worker: ${page.items.map(item => `${String(item.input)}→${item.worker}`).join(', ')}`);
    check(exact(page.items[0].result as Result).toString().length === 4180, 'F(20000) has 4,180 digits, exact (IEEE754Compatible)');

    // square(3037000500) = 9223372037000250000: rounded by JSON.parse, exact with the opt-in
    const plain = results(await jobs.submitJob({jobRequest: {operation: 'square', numbers: [3037000500]}}))[0];
    check(typeof plain === 'number' && BigInt(plain as number) !== 9223372037000250000n, `without the opt-in JSON.parse rounds it: ${BigInt(plain as number)}`);
    const squared = await exactJobs.submitJobRaw({jobRequest: {operation: 'square', numbers: [3, 3037000500]}});
    check(squared.raw.headers.get('Content-Type') === 'application/json;IEEE754Compatible=true', `the answer says so: ${squared.raw.headers.get('Content-Type')}`);
    const exactResults = results(await squared.value());
    check(exactResults[0] === 9 && exact(exactResults[1]) === 9223372037000250000n, `with it, square(3037000500) is exact: ${JSON.stringify(exactResults)}`);

    // a JavaScript number cannot even hold 9223372036854775783, the README's large prime: 2^53 − 111 is the largest it holds
    job = await jobs.submitJob({jobRequest: {operation: 'is_prime', numbers: [2, 15, 97, 1000000007, 9007199254740881]}});
    check(JSON.stringify(results(job)) === '[true,false,true,true,true]', `is_prime gives booleans: ${JSON.stringify(job.results)}`);

    // errors, read through the client's error type, with their problem members
    let [status, problem] = await problemOf(() => exactJobs.submitJob({jobRequest: {operation: 'fibonacci', numbers: [3, -100000000000000000000]}}));
    check(status === 422 && problem.type === 'urn:poolmap:problem:outside-domain' && problem.index === 1 && problem.pointer === '/numbers/1'
        && problem.value === '-100000000000000000000', `422 outside-domain names the item and its exact value: ${problem.detail}`);
    [status, problem] = await problemOf(() => jobs.getJob({id: 'no-such-job'}));
    check(status === 404 && problem.type === 'urn:poolmap:problem:job-not-found' && problem.jobId === 'no-such-job', `404 job-not-found: ${problem.detail}`);
    [status, problem] = await problemOf(() => jobs.submitJob({jobRequest: {operation: 'double', numbers: [1], parallelism: 0, chunkSize: 0}}));
    check(status === 400 && problem.type === 'urn:poolmap:problem:invalid-request' && problem.errors?.length === 2
        && problem.errors.map(error => error.pointer).sort().join(' ') === '/chunkSize /parallelism', `400 lists every fault: ${problem.detail}`);
}

main().then(() => console.log('typescript client: every check passed'), failure => {
    console.error(failure);
    process.exit(1);
});

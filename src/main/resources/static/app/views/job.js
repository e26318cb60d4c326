/**
 * One job's page (/#/jobs/{id}, bookmarkable): its live progress and timing, which worker computed which items —
 * Python's "print current_process().name for each number", as a picture — and its first results, exact.
 */
import {h, byId, fill} from '../dom.js';
import {ENDED, Problem} from '../api.js';
import {shareBar, strip, swatch} from '../charts.js';
import {clock, count, duration, exact, jobName, rate} from '../format.js';
import {plan, runs, WINDOW, WINDOWS} from '../picture.js';
import {jobProgress} from './progress.js';
import {showProblem} from './problem.js';

const FIRST_ITEMS = 20;
/** How often the picture is redrawn while the job runs: each redraw reads up to WINDOWS pages. */
const PICTURE_EVERY_MS = 2000;

export function jobView(api) {
    let watching = null;
    let draws = 0;

    async function show(id) {
        watching?.abort();
        watching = new AbortController();
        const signal = watching.signal;
        byId('job-title').textContent = 'Job';
        byId('job-id').textContent = id;
        for (const part of ['job-progress', 'job-error', 'job-facts', 'job-share', 'job-picture', 'job-picture-note', 'job-items-note']) {
            byId(part).replaceChildren();
        }
        byId('job-items').tBodies[0].replaceChildren();
        byId('job-cancel').hidden = true;
        try {
            const job = await api.job(id, {signal});
            const progress = jobProgress(job, {large: true});
            const share = shareBar('how the items split between workers');
            fill(byId('job-progress'), progress.el);
            fill(byId('job-share'), share.el);
            let pictureAt = -Infinity;
            let drawing = false;
            const update = current => {
                render(current, progress, share);
                if (!ENDED.has(current.status) && !drawing && performance.now() - pictureAt > PICTURE_EVERY_MS) {
                    pictureAt = performance.now();
                    drawing = true;
                    // a redraw that fails is followed by the next one, and by the final picture once the job ends
                    draw(current, signal).catch(() => undefined).finally(() => {
                        drawing = false;
                    });
                }
            };
            update(job);
            setUpCancel(job, progress);
            const ended = ENDED.has(job.status) ? job : await api.watchJob(id, update, {signal});
            byId('job-cancel').hidden = true;
            render(ended, progress, share);
            await draw(ended, signal);
        } catch (error) {
            if (error.name === 'AbortError') {
                return;
            }
            const unknown = error instanceof Problem && error.status === 404;
            showProblem(byId('job-error'), error, unknown ? 'No such job (finished jobs are kept for poolmap.retention)' : 'The job could not be read');
        }
    }

    function setUpCancel(job, progress) {
        const cancel = byId('job-cancel');
        cancel.hidden = ENDED.has(job.status);
        cancel.disabled = false;
        cancel.onclick = async () => {
            cancel.disabled = true;
            try {
                progress.update(await api.cancel(job.id));
            } catch (error) {
                showProblem(byId('job-error'), error, 'The job could not be cancelled');
            }
        };
    }

    function render(job, progress, share) {
        byId('job-title').textContent = `${jobName(job)} × ${count(job.size)}`;
        progress.update(job);
        share.update(job.workers);
        if (job.error) {
            showProblem(byId('job-error'), new Problem(job.error.status ?? 0, job.error), `The job ended ${job.status}`);
        }
        const submitted = Date.parse(job.submittedAt);
        const started = job.startedAt ? Date.parse(job.startedAt) : null;
        // while it runs, durationMs is the server's "so far": no clock of this browser is compared with the server's
        const ran = started === null ? null : job.finishedAt ? Date.parse(job.finishedAt) - started : job.durationMs - (started - submitted);
        const facts = [
            ['parallelism', `${job.parallelism} ${job.parallelism === 1 ? 'worker' : 'workers'}`],
            ['chunk size', `${count(job.chunkSize)} ${job.chunkSize === 1 ? 'item' : 'items'}`],
            ['submitted', clock(job.submittedAt)],
            ['started', clock(job.startedAt)],
            ['finished', clock(job.finishedAt)],
            ['waited in the queue', started !== null ? duration(started - submitted) : '–'],
            [job.finishedAt ? 'computed for' : 'computing for', ran !== null ? duration(ran) : '–'],
            ['in all', duration(job.durationMs)],
            ['throughput', ran ? `${rate(job.progress.completed / (ran / 1000))} items/s` : '–'],
            ['computing now', !ENDED.has(job.status) && job.itemsPerSecond !== undefined ? `${rate(job.itemsPerSecond)} items/s` : '–'],
            ['timeout', duration(job.timeoutMs)],
        ];
        fill(byId('job-facts'), facts.map(([name, value]) => h('div', h('dt', {text: name}), h('dd', {text: value}))));
    }

    /** Draws the picture and the first items; a draw that returns after a later one has started is dropped. */
    async function draw(job, signal) {
        const mine = ++draws;
        const {exact: everyItem, reads} = plan(job.size);
        const [pages, first] = await Promise.all([api.pages(job.id, reads, {signal}), api.firstItems(job.id, FIRST_ITEMS, {signal})]);
        if (mine !== draws) {
            return;
        }
        fill(byId('job-picture'), strip(runs(job.size, everyItem, pages), job.size, job.workers));
        byId('job-picture-note').textContent = everyItem
            ? 'Every item, in input order, coloured by the worker that computed it: Python\'s print(current_process().name) for each number, as a picture.'
            : `Sampled: ${WINDOW} consecutive items at each of ${WINDOWS} points spread over the ${count(job.size)} items, `
              + 'coloured by the worker that computed them; the counts per worker are exact.';
        fill(byId('job-items').tBodies[0], first.items.map(item => h('tr',
            h('td', {class: 'num', text: item.index}),
            h('td', {class: 'num', title: String(item.input)}, exact(item.input, 48)),
            h('td', {class: 'num', title: String(item.result)}, item.result === null ? '–' : exact(item.result, 48)),
            h('td', item.worker ? h('span', {class: 'worker-cell'}, swatch(item.worker), item.worker) : '–'))));
        fill(byId('job-items-note'), job.size > first.items.length
            ? `The first ${count(first.items.length)} of ${count(job.size)} items. Every result, streamed in input order as it is computed: `
            : `All ${count(job.size)} items. Streamed in input order as they are computed: `, resultsLink(job.id));
    }

    /** The streamed results: a link to download them, or with an API key (a link cannot send it) the curl command. */
    function resultsLink(id) {
        const url = `${location.origin}${api.resultsPath(id)}`;
        return api.hasKey()
            ? h('code', {class: 'results-link', text: `curl -N -H 'Authorization: Bearer <your key>' ${url}`})
            : h('a', {class: 'results-link', href: api.resultsPath(id), download: `job-${id}.ndjson`, text: 'results as NDJSON'});
    }

    return {
        show,
        hide: () => watching?.abort(),
    };
}

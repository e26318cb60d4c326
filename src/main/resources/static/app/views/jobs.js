/** Recent jobs, newest first, each with its status, live progress and how its items split between workers. */
import {h, byId} from '../dom.js';
import {shareBar} from '../charts.js';
import {ago, count, items, jobName, shortId} from '../format.js';
import {keyed} from './keyed.js';
import {jobProgress} from './progress.js';
import {showProblem} from './problem.js';

const PAGE_SIZE = 15;

export function jobsView(api) {
    const list = byId('jobs');
    const status = byId('jobs-status');
    const older = byId('jobs-older');
    const newer = byId('jobs-newer');
    const summary = byId('jobs-summary');
    const error = byId('jobs-error');
    let query = {page: 0, size: PAGE_SIZE, status: ''};
    let watching = null;

    function watch() {
        watching?.abort();
        watching = new AbortController();
        api.watchJobs(query, (page, problem) => {
            if (!page) {
                showProblem(error, problem, 'The recent jobs could not be read');
                return;
            }
            error.replaceChildren();
            render(page);
        }, {signal: watching.signal});
    }

    function render(page) {
        keyed(list, page.jobs, job => job.id, jobRow);
        const first = page.page * page.size;
        summary.textContent = page.total === 0
            ? (query.status ? `No ${query.status} jobs.` : 'No jobs yet: submit one.')
            : `${count(first + 1)}–${count(first + page.jobs.length)} of ${count(page.total)}`;
        newer.disabled = page.page === 0;
        older.disabled = first + page.jobs.length >= page.total;
    }

    status.addEventListener('change', () => {
        query = {...query, page: 0, status: status.value};
        watch();
    });
    older.addEventListener('click', () => {
        query = {...query, page: query.page + 1};
        watch();
    });
    newer.addEventListener('click', () => {
        query = {...query, page: Math.max(0, query.page - 1)};
        watch();
    });

    return {
        start: watch,
        stop: () => watching?.abort(),
    };
}

function jobRow(job) {
    const progress = jobProgress(job, {compact: true});
    const share = shareBar(`workers of job ${shortId(job.id)}`);
    const when = h('span', {class: 'job-when'});
    const el = h('li', {class: 'job', 'data-job': job.id},
        h('a', {class: 'job-link', href: `#/jobs/${encodeURIComponent(job.id)}`},
            h('strong', {text: jobName(job)}), h('span', {class: 'job-id'}, `${items(job.size)} · `, h('code', {text: shortId(job.id)}))),
        progress.el, share.el, when);
    return {
        el,
        update(current) {
            progress.update(current);
            share.update(current.workers);
            when.textContent = ago(current.submittedAt);
            when.title = current.submittedAt;
        },
    };
}

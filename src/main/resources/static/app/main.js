/**
 * Starts the page: the API client with its key dialog, the pool's sampling, and the view the URL's fragment names
 * (#/ the dashboard, #/jobs/{id} one job), so that a job's page can be bookmarked and shared.
 */
import {createApi} from './api.js';
import {byId} from './dom.js';
import {PoolHistory} from './pool.js';
import {keyDialog} from './views/key.js';
import {workersView} from './views/workers.js';
import {jobsView} from './views/jobs.js';
import {submitView} from './views/submit.js';
import {jobView} from './views/job.js';

/** Polling pauses while the tab is hidden and resumes when it is shown again. */
const visibility = {
    hidden: () => document.hidden,
    onVisible(resolve, signal) {
        const done = () => {
            document.removeEventListener('visibilitychange', listener);
            resolve();
        };
        const listener = () => !document.hidden && done();
        document.addEventListener('visibilitychange', listener);
        signal?.addEventListener('abort', done, {once: true});
    },
};

const api = createApi({fetch: (...args) => fetch(...args), storage: sessionStorage, askForKey: keyDialog(), visibility});
const workers = workersView();
const jobs = jobsView(api);
const submit = submitView(api);
const job = jobView(api);
const history = new PoolHistory();

function showHealth(status, reachable) {
    const health = byId('health');
    health.textContent = reachable ? `poolmap ${status === 'UP' ? 'is up' : status}` : 'poolmap cannot be reached';
    health.className = `health health-${reachable ? String(status).toLowerCase() : 'unreachable'}`;
}

function route() {
    const match = /^#\/jobs\/([^/?#]+)$/.exec(location.hash);
    const onJob = match !== null;
    byId('dashboard-view').hidden = onJob;
    byId('job-view').hidden = !onJob;
    if (onJob) {
        jobs.stop();
        job.show(decodeURIComponent(match[1]));
        document.title = 'poolmap · job';
    } else {
        job.hide();
        jobs.start();
        document.title = 'poolmap';
    }
    window.scrollTo(0, 0);
}

byId('forget-key').hidden = !api.hasKey();
byId('forget-key').addEventListener('click', () => {
    api.forgetKey();
    location.reload();
});
api.watchPool((sample, error) => {
    if (!sample) {
        showHealth(null, false);
        return;
    }
    showHealth(sample.status, true);
    workers.render(history.add(sample));
}, {signal: new AbortController().signal}); // for the page's lifetime
submit.start();
window.addEventListener('hashchange', route);
route();

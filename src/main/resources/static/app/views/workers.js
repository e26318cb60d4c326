/**
 * The pool at a glance: its utilisation, busy workers, the queue against its capacity and jobs per second, then
 * one row per worker with its utilisation now (a bar and a one-minute sparkline), its state and current job.
 */
import {h, byId, fill} from '../dom.js';
import {bar, sparkline, swatch} from '../charts.js';
import {count, items, percent, rate, shortId} from '../format.js';
import {keyed} from './keyed.js';

export function workersView() {
    const poolSpark = sparkline('pool utilisation over the last minute', {max: 1});
    const jobsSpark = sparkline('jobs finished per second over the last minute');
    const queueBar = bar('queue fill against its capacity');
    fill(byId('pool-spark'), poolSpark.el);
    fill(byId('jobs-spark'), jobsSpark.el);
    fill(byId('queue-bar'), queueBar.el);
    const list = byId('workers');

    return {
        render(pool) {
            byId('pool-util').textContent = percent(pool.pool.now);
            poolSpark.update(pool.pool.series);
            byId('pool-busy').textContent = `${pool.busy} of ${pool.poolSize}`;
            byId('pool-busy-note').textContent = pool.busy === 1 ? 'worker busy' : 'workers busy';
            const {queued, capacity, fill: queueFill} = pool.queue;
            byId('queue-items').textContent = queued === null ? '–' : count(queued);
            byId('queue-capacity').textContent = capacity ? `items waiting, of ${count(capacity)} (${percent(queueFill)})` : 'queue not reported';
            queueBar.update(queueFill ?? 0, capacity ? `${count(queued)} of ${count(capacity)} items` : 'unknown');
            byId('jobs-rate').textContent = rate(pool.jobsPerSecond);
            jobsSpark.update(pool.jobsSeries);
            byId('workers-count').textContent = `${pool.poolSize} ${pool.poolSize === 1 ? 'worker' : 'workers'}`;
            keyed(list, pool.workers, worker => worker.name, workerRow);
        },
    };
}

function workerRow(worker) {
    const utilisation = bar(`utilisation of ${worker.name} in the last second`);
    const spark = sparkline(`utilisation of ${worker.name} over the last minute`, {max: 1, width: 100, height: 24});
    const state = h('span', {class: 'badge'});
    const now = h('span', {class: 'num'});
    const job = h('span', {class: 'worker-job'});
    const detail = h('span', {class: 'worker-detail'});
    let shownJob = {}; // matches no job, so that the first update fills the cell
    const el = h('li', {class: 'worker', 'data-worker': worker.name},
        h('span', {class: 'worker-name'}, swatch(worker.name), h('strong', {text: worker.name})),
        state,
        h('span', {class: 'worker-util'}, utilisation.el, now),
        spark.el, job, detail);
    return {
        el,
        update(current) {
            state.textContent = current.state;
            state.className = `badge state-${current.state.toLowerCase()}`;
            utilisation.update(current.now);
            now.textContent = percent(current.now);
            spark.update(current.series);
            if ((current.currentJob ?? null) !== shownJob) {
                shownJob = current.currentJob ?? null;
                fill(job, shownJob ? h('a', {href: `#/jobs/${encodeURIComponent(shownJob)}`, title: shownJob}, 'job ', h('code', {text: shortId(shownJob)})) : h('span', {class: 'muted', text: 'idle'}));
            }
            detail.textContent = `${items(current.itemsCompleted)} · 1m ${percent(current.utilization?.['1m'])}`;
        },
    };
}

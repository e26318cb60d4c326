import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PoolHistory} from '../../../main/resources/static/app/pool.js';

const worker = (name, busySeconds, state = 'IDLE', oneMinute = 0) => ({name, state, busySeconds, itemsCompleted: 0, utilization: {'1m': oneMinute}});
const sample = (at, workers, {finished = 0, queued = 0, capacity = 100} = {}) =>
    ({at, status: 'UP', workers: {poolSize: workers.length, workers}, pool: {queuedItems: queued, queueCapacity: capacity}, finished});

describe('PoolHistory', () => {
    it('measures each worker by the busy seconds it gained over the seconds that passed', () => {
        const history = new PoolHistory();
        history.add(sample(0, [worker('worker-1', 10), worker('worker-2', 4)]));
        const pool = history.add(sample(2000, [worker('worker-1', 11.5, 'BUSY'), worker('worker-2', 4)]));
        assert.deepEqual(pool.workers.map(w => w.now), [0.75, 0]);
        assert.equal(pool.pool.now, 0.375);
        assert.equal(pool.busy, 1);
        assert.equal(pool.poolSize, 2);
    });

    it('starts from the one-minute utilisation, and keeps a measure within 0…1', () => {
        const history = new PoolHistory();
        assert.equal(history.add(sample(0, [worker('worker-1', 10, 'IDLE', 0.2)])).workers[0].now, 0.2);
        assert.equal(history.add(sample(1000, [worker('worker-1', 11.2)])).workers[0].now, 1, 'jitter above 1 is clamped');
        assert.equal(history.add(sample(2000, [worker('worker-1', 0)])).workers[0].now, 0, 'a restarted poolmap reads 0, not less');
    });

    it('keeps the last samples for the sparklines and forgets a worker that is gone', () => {
        const history = new PoolHistory(3);
        let pool;
        for (let i = 0; i <= 5; i++) {
            pool = history.add(sample(i * 1000, i < 5 ? [worker('worker-1', i), worker('worker-2', 0)] : [worker('worker-1', i)]));
        }
        assert.deepEqual(pool.workers[0].series, [1, 1, 1]);
        assert.equal(pool.pool.series.length, 3);
        assert.deepEqual([...history.series.keys()], ['worker-1']);
    });

    it('counts jobs per second over the last five seconds, and starts again when the counter does', () => {
        const history = new PoolHistory();
        assert.equal(history.add(sample(0, [], {finished: 10})).jobsPerSecond, null);
        assert.equal(history.add(sample(1000, [], {finished: 14})).jobsPerSecond, 4);
        assert.equal(history.add(sample(2000, [], {finished: 14})).jobsPerSecond, 2);
        for (let t = 3000; t <= 7000; t += 1000) {
            history.add(sample(t, [], {finished: 14}));
        }
        assert.equal(history.add(sample(8000, [], {finished: 14})).jobsPerSecond, 0);
        assert.equal(history.add(sample(9000, [], {finished: 1})).jobsPerSecond, null, 'a restarted counter');
        assert.equal(history.add(sample(9000, [], {finished: null})).jobsPerSecond, null, 'no Prometheus endpoint');
    });

    it('gives the queue\'s fill against its capacity', () => {
        const pool = new PoolHistory().add(sample(0, [], {queued: 25, capacity: 100}));
        assert.deepEqual(pool.queue, {queued: 25, capacity: 100, fill: 0.25});
    });
});

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EXACT_LIMIT, WINDOW, WINDOWS, byName, plan, runs} from '../../../main/resources/static/app/picture.js';

const item = (index, worker) => ({index, worker});

describe('the per-worker picture', () => {
    it('reads a job of up to 10,000 items in one page, item by item', () => {
        assert.deepEqual(plan(EXACT_LIMIT), {exact: true, reads: [{offset: 0, limit: EXACT_LIMIT}]});
        assert.deepEqual(plan(5), {exact: true, reads: [{offset: 0, limit: 5}]});
        assert.deepEqual(plan(0), {exact: true, reads: []});
    });

    it('reads a larger job in the same number of short windows spread evenly, whatever its size', () => {
        for (const total of [EXACT_LIMIT + 1, 200_000, 1_000_000, 20_000_000]) {
            const {exact, reads} = plan(total);
            assert.equal(exact, false);
            assert.equal(reads.length, WINDOWS);
            assert.equal(reads[0].offset, 0);
            assert.ok(reads.every(read => read.limit === WINDOW && read.offset + WINDOW <= total), `${total}`);
            assert.ok(reads.every((read, i) => i === 0 || read.offset > reads[i - 1].offset), `${total}: increasing offsets`);
        }
    });

    it('merges neighbouring items of one worker into one run, and keeps items not computed yet apart', () => {
        const pages = [{offset: 0, items: [item(0, 'worker-1'), item(1, 'worker-1'), item(2, 'worker-2'), item(3, null), item(4, null), item(5, 'worker-1')]}];
        assert.deepEqual(runs(6, true, pages), [
            {from: 0, to: 2, worker: 'worker-1'}, {from: 2, to: 3, worker: 'worker-2'}, {from: 3, to: 5, worker: null}, {from: 5, to: 6, worker: 'worker-1'}]);
    });

    it('lets each sampled window stand for the stretch up to the next one, so that the runs cover the whole range', () => {
        const total = 100_000;
        const pages = plan(total).reads.map(({offset, limit}, i) => ({
            offset, items: Array.from({length: limit}, (_, j) => item(offset + j, `worker-${1 + (i % 3)}`)),
        }));
        const result = runs(total, false, pages);
        assert.equal(result[0].from, 0);
        assert.equal(result[result.length - 1].to, total);
        result.forEach((run, i) => i > 0 && assert.equal(run.from, result[i - 1].to));
        assert.equal(result.length, WINDOWS, 'one run per window when each window has one worker');
    });

    it('orders workers as a person counts: worker-2 before worker-10', () => {
        assert.deepEqual(['worker-10', 'worker-2', 'io-1', 'worker-1'].sort(byName), ['io-1', 'worker-1', 'worker-2', 'worker-10']);
    });
});

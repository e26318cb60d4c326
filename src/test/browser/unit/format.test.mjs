import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ago, count, duration, exact, items, jobName, percent, rate, shortId} from '../../../main/resources/static/app/format.js';

describe('format', () => {
    it('groups counts, also of integers beyond 2^53 given as text', () => {
        assert.equal(count(300000), '300,000');
        assert.equal(count('9223372037000250000'), '9,223,372,037,000,250,000');
        assert.equal(count(null), '–');
        assert.deepEqual([0, 1, 2, 300000].map(items), ['0 items', '1 item', '2 items', '300,000 items']);
    });

    it('names a job by its operation, or by its expression when it has one', () => {
        assert.equal(jobName({operation: 'square', size: 3}), 'square');
        assert.equal(jobName({expression: 'x**2 + 1', size: 3}), 'x**2 + 1');
    });

    it('writes a duration in the unit a person would use', () => {
        assert.deepEqual([39, 999.6, 1250, 59_940, 60_000, 125_000, 3_600_000, 3_780_000].map(duration),
            ['39 ms', '1,000 ms', '1.3 s', '59.9 s', '1 min', '2 min 5 s', '1 h', '1 h 3 min']);
    });

    it('writes rates and percentages briefly', () => {
        assert.deepEqual([0, 0.42, 12.4, 23_456, 2_500_000].map(rate), ['0', '0.4', '12', '23 k', '2.5 M']);
        assert.equal(percent(0.456), '46 %');
        assert.equal(percent(-0.01), '0 %');
    });

    it('shortens a long number around an ellipsis and says how many digits it has', () => {
        assert.equal(exact('12345'), '12345');
        const fibonacci = '1'.repeat(4180);
        assert.equal(exact(fibonacci, 21), `${'1'.repeat(10)}…${'1'.repeat(10)} (4,180 digits)`);
        assert.match(exact(`-${'2'.repeat(40)}.5`, 10), /\(40 digits\)$/);
    });

    it('says how long ago something was', () => {
        const now = Date.parse('2026-12-04T12:00:00Z');
        assert.deepEqual(['2026-12-04T12:00:00Z', '2026-12-04T11:59:48Z', '2026-12-04T11:57:00Z', '2026-12-04T09:00:00Z'].map(iso => ago(iso, now)),
            ['just now', '12 s ago', '3 min ago', '3 h ago']);
        assert.equal(shortId('0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21'), '0b6c1d1e');
    });
});

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {MAX_ITEMS, NumbersError, parseNumbers} from '../../../main/resources/static/app/numbers.js';

/** A seeded generator (mulberry32), so that a failure names a seed that replays it. */
function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const EDGES = [0n, 1n, -1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, 2n ** 63n, 10n ** 39n, -(10n ** 99n)];

function anInteger(next) {
    const roll = next();
    if (roll < 0.3) {
        return EDGES[Math.floor(next() * EDGES.length)] + BigInt(Math.floor(next() * 5) - 2);
    }
    if (roll < 0.7) {
        return BigInt(Math.floor(next() * 2001) - 1000);
    }
    return BigInt(Math.floor(next() * 1e15)) * BigInt(Math.floor(next() * 1e15)) * (next() < 0.5 ? -1n : 1n);
}

describe('parseNumbers', () => {
    it('reads numbers separated by commas, spaces and new lines', () => {
        assert.deepEqual(parseNumbers('1, 2,3 4\n5'), {json: '1,2,3,4,5', count: 5});
    });

    it('passes decimals and exponents through as they were typed', () => {
        assert.deepEqual(parseNumbers('-0.5, 2.0, 1e3, 6.02E+23'), {json: '-0.5,2.0,1e3,6.02E+23', count: 4});
    });

    it('expands a range with both ends included, up or down, with spaces around the dots', () => {
        assert.equal(parseNumbers('1..5').json, '1,2,3,4,5');
        assert.equal(parseNumbers('3 .. -1').json, '3,2,1,0,-1');
        assert.equal(parseNumbers('7..7').json, '7');
    });

    it('keeps integers beyond 2^53 exact, in ranges too', () => {
        assert.equal(parseNumbers('9007199254740991..9007199254740993').json, '9007199254740991,9007199254740992,9007199254740993');
        assert.equal(parseNumbers('99999999999999999999999999999999999999').json, '99999999999999999999999999999999999999');
    });

    it('names the token that is neither a number nor a range', () => {
        for (const text of ['1, two, 3', '007', '1..', '..5', '1.5..3', '+4', '0x10', 'NaN', '1,,Infinity']) {
            assert.throws(() => parseNumbers(text), error => error instanceof NumbersError && text.includes(error.token) && error.message.includes(error.token), text);
        }
    });

    it('asks for numbers when there are none', () => {
        assert.throws(() => parseNumbers('  , \n'), /Type some numbers/);
    });

    it('refuses more than the most items it builds, before building them', () => {
        assert.throws(() => parseNumbers(`1..${MAX_ITEMS + 1}`), /More than 5,000,000 numbers/);
        assert.throws(() => parseNumbers('1..10, 11', 10), /More than 10 numbers/);
        assert.equal(parseNumbers('1..10', 10).count, 10);
    });

    it('reads any mixture of integers and ranges as a reference expansion in BigInt does', () => {
        const seed = Number(process.env.NUMBERS_SEED ?? Date.now() % 1_000_000);
        const next = random(seed);
        for (let run = 0; run < 300; run++) {
            const tokens = [];
            const expected = [];
            const parts = 1 + Math.floor(next() * 6);
            for (let i = 0; i < parts; i++) {
                const from = anInteger(next);
                if (next() < 0.4) {
                    const to = from + BigInt(Math.floor(next() * 41) - 20);
                    tokens.push(`${from}..${to}`);
                    for (let n = from; to >= from ? n <= to : n >= to; n += to >= from ? 1n : -1n) {
                        expected.push(n.toString());
                    }
                } else {
                    tokens.push(from.toString());
                    expected.push(from.toString());
                }
            }
            const text = tokens.join(next() < 0.5 ? ', ' : ' ');
            const parsed = parseNumbers(text);
            assert.deepEqual(parsed.json.split(','), expected, `seed ${seed} (NUMBERS_SEED=${seed} replays it), run ${run}: ${text}`);
            assert.equal(parsed.count, expected.length, `seed ${seed}, run ${run}`);
        }
    });
});

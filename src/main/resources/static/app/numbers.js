/**
 * Reads the numbers a person types ("1, 2, 3", "1..100000", "0.5 -3 1e3", "10..1") into the items of a JSON array,
 * exactly: integers of any size stay the digits typed and never pass through a JavaScript number, so poolmap
 * receives what was typed (its integers are exact, as Python's).
 */

/** A JSON number, as poolmap reads one. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** Two integers, both ends included, going up or down (10..1 is 10, 9, … 1). */
const RANGE = /^(-?\d+)\.\.(-?\d+)$/;

/** The most items the page builds into one request: above it the text alone would take a tab's memory. */
export const MAX_ITEMS = 5_000_000;

/** Text that is not numbers and ranges; `token` is the part at fault. */
export class NumbersError extends Error {
    constructor(message, token) {
        super(message);
        this.name = 'NumbersError';
        this.token = token;
    }
}

/**
 * The numbers in `text`, separated by commas or white space, each a number or a range `a..b`.
 *
 * @returns {{json: string, count: number}} the array's items as JSON text (without brackets) and how many there are
 * @throws {NumbersError} for anything else, or for more than `max` items
 */
export function parseNumbers(text, max = MAX_ITEMS) {
    const tokens = String(text).replace(/\s*\.\.\s*/g, '..').split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0) {
        throw new NumbersError('Type some numbers, such as 1, 2, 3, or a range such as 1..100000.', '');
    }
    const parts = [];
    let count = 0;
    for (const token of tokens) {
        const range = RANGE.exec(token);
        if (range) {
            const from = BigInt(range[1]);
            const to = BigInt(range[2]);
            const size = (to >= from ? to - from : from - to) + 1n;
            if (BigInt(count) + size > BigInt(max)) {
                throw tooMany(max, token);
            }
            parts.push(expand(from, to));
            count += Number(size);
        } else if (NUMBER.test(token)) {
            if (count + 1 > max) {
                throw tooMany(max, token);
            }
            parts.push(token);
            count++;
        } else {
            throw new NumbersError(`“${token}” is neither a number nor a range such as 1..100 (integers, both ends included).`, token);
        }
    }
    return {json: parts.join(','), count};
}

function expand(from, to) {
    const step = to >= from ? 1 : -1;
    const items = [];
    if (isSafe(from) && isSafe(to)) {
        for (let n = Number(from), end = Number(to); step > 0 ? n <= end : n >= end; n += step) {
            items.push(n);
        }
    } else {
        for (let n = from, big = BigInt(step); step > 0 ? n <= to : n >= to; n += big) {
            items.push(n.toString());
        }
    }
    return items.join(',');
}

function isSafe(n) {
    return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER);
}

function tooMany(max, token) {
    return new NumbersError(`More than ${max.toLocaleString('en-US')} numbers: the page does not build requests that large `
        + '(poolmap itself takes at most poolmap.max-batch-size in one job).', token);
}

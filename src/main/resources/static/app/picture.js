/**
 * A job's per-worker picture: which worker computed which items, over the job's index range. It reads every item
 * of a job up to {@link EXACT_LIMIT} items and, above that, a fixed number of short windows spread evenly over the
 * range, so that the picture costs the same few requests for a job of a million items as for one of ten thousand.
 */

/** Jobs up to this many items are drawn item by item (one page of /items). */
export const EXACT_LIMIT = 10_000;
/** Above it: this many windows… */
export const WINDOWS = 120;
/** …of this many consecutive items each. */
export const WINDOW = 20;

/** The pages of /items to read for a job of `total` items. */
export function plan(total) {
    if (total <= 0) {
        return {exact: true, reads: []};
    }
    if (total <= EXACT_LIMIT) {
        return {exact: true, reads: [{offset: 0, limit: total}]};
    }
    const reads = [];
    for (let i = 0; i < WINDOWS; i++) {
        reads.push({offset: Math.floor(i * total / WINDOWS), limit: WINDOW});
    }
    return {exact: false, reads};
}

/**
 * Runs of one worker each, `[from, to)` in index units (fractional when sampled), from the pages read by
 * {@link plan}: exactly item by item, or with each window standing for the stretch up to the next window.
 * A run's worker is null for items not computed yet.
 *
 * @param pages `[{offset, items: [{index, worker}]}]` in the order of the plan's reads
 */
export function runs(total, exact, pages) {
    const spans = [];
    if (exact) {
        for (const page of pages) {
            for (const item of page.items) {
                spans.push({from: item.index, to: item.index + 1, worker: item.worker ?? null});
            }
        }
    } else {
        pages.forEach((page, i) => {
            const start = page.offset;
            const end = i + 1 < pages.length ? pages[i + 1].offset : total;
            const width = (end - start) / Math.max(1, page.items.length);
            page.items.forEach((item, j) => spans.push({from: start + j * width, to: start + (j + 1) * width, worker: item.worker ?? null}));
        });
    }
    const merged = [];
    for (const span of spans) {
        const last = merged[merged.length - 1];
        if (last && last.worker === span.worker && last.to === span.from) {
            last.to = span.to;
        } else {
            merged.push({...span});
        }
    }
    return merged;
}

/** Worker names in a person's order: worker-2 before worker-10. */
export function byName(a, b) {
    return a.localeCompare(b, 'en', {numeric: true});
}

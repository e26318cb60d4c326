/**
 * The page's small pictures — bars, sparklines, status badges, worker colours and the per-worker strip — drawn with
 * plain DOM and SVG (no chart library), each with a text alternative for screen readers. Each returns
 * `{el, update(...)}`, so that a picture redrawn every second keeps its element (and the focus around it).
 */
import {h, svg, fill} from './dom.js';
import {byName} from './picture.js';
import {count, percent} from './format.js';

/** Tableau 10: ten colours told apart also by most colour-blind readers, legible on light and dark backgrounds. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e'];

/** A worker's colour, the same everywhere on the page: worker-k and io-k by k, anything else (a cluster member's worker) by its name. */
export function colourOf(worker) {
    const numbered = /^(?:worker|io)-(\d+)$/.exec(worker);
    if (numbered) {
        return PALETTE[(Number(numbered[1]) - 1) % PALETTE.length];
    }
    let hash = 0;
    for (const char of worker) {
        hash = (hash * 31 + char.codePointAt(0)) >>> 0;
    }
    return PALETTE[hash % PALETTE.length];
}

/** A coloured square beside a worker's name. */
export function swatch(worker) {
    return h('span', {class: 'swatch', 'aria-hidden': 'true', style: {'--c': colourOf(worker)}});
}

/**
 * A horizontal bar: `role` progressbar for a job's progress, meter for a utilisation or a fill.
 * update(fraction, text) sets its length and what a screen reader hears.
 */
export function bar(label, role = 'meter', extraClass = '') {
    const fillEl = h('span', {class: 'bar-fill'});
    const el = h('div', {class: `bar ${extraClass}`, role, 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100}, fillEl);
    return {
        el,
        update(fraction, text) {
            const value = Math.round(Math.min(1, Math.max(0, fraction ?? 0)) * 1000) / 10;
            el.style.setProperty('--fill', String(value / 100));
            el.setAttribute('aria-valuenow', String(value));
            el.setAttribute('aria-valuetext', text ?? percent(fraction));
            el.dataset.value = String(value);
        },
    };
}

/** A sparkline of the last samples, 0 at the bottom, `max` (or the largest sample) at the top. */
export function sparkline(label, {max = null, width = 120, height = 28} = {}) {
    const area = svg('path', {class: 'spark-area'});
    const line = svg('polyline', {class: 'spark-line', fill: 'none'});
    const el = svg('svg', {class: 'spark', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': label},
        area, line);
    return {
        el,
        update(values, capacity = 60) {
            const top = max ?? Math.max(1, ...values);
            const step = width / Math.max(1, capacity - 1);
            const offset = (capacity - values.length) * step;
            const points = values.map((value, i) =>
                `${(offset + i * step).toFixed(1)},${(height - 1 - (value / top) * (height - 2)).toFixed(1)}`);
            line.setAttribute('points', points.join(' '));
            area.setAttribute('d', points.length ? `M${offset.toFixed(1)},${height} L${points.join(' L')} L${width},${height} Z` : '');
        },
    };
}

/** A job's status as a badge whose words, not only its colour, say it. */
export function statusBadge(status) {
    const el = h('span', {class: 'badge'});
    const update = value => {
        el.textContent = value ?? '–';
        el.className = `badge status-${String(value).toLowerCase()}`;
    };
    update(status);
    return {el, update};
}

/** How a job's items split between workers: one bar in the workers' colours, from the job's `workers` counts. */
export function shareBar(label) {
    const el = h('div', {class: 'share', role: 'img', 'aria-label': label});
    return {
        el,
        update(workers) {
            const entries = Object.entries(workers ?? {}).sort(([a], [b]) => byName(a, b));
            const total = entries.reduce((sum, [, items]) => sum + items, 0);
            fill(el, entries.map(([worker, items]) =>
                h('span', {class: 'share-part', title: `${worker}: ${count(items)}`, style: {'--c': colourOf(worker), '--part': items / total}})));
            el.setAttribute('aria-label', total ? entries.map(([worker, items]) => `${worker} ${count(items)} items`).join(', ') : 'no items computed yet');
        },
    };
}

/**
 * The per-worker picture: one row for the whole index range coloured by worker, then one lane per worker showing
 * where its items lie, over an axis from item 0 to the last. The runs come from picture.js.
 */
export function strip(runs, total, workers) {
    const names = Object.keys(workers ?? {}).sort(byName);
    const row = (label, runsOfRow, caption) => h('div', {class: 'lane'},
        h('span', {class: 'lane-name'}, label === 'all' ? null : swatch(label), label === 'all' ? 'all items' : label),
        h('span', {class: 'lane-count', text: caption}),
        stripSvg(runsOfRow, total, label === 'all' ? `all ${count(total)} items, coloured by the worker that computed each`
            : `the items ${label} computed`));
    const sum = names.reduce((s, name) => s + workers[name], 0);
    return h('div', {class: 'strip'},
        row('all', runs.filter(run => run.worker), `${count(sum)} of ${count(total)}`),
        names.map(name => row(name, runs.filter(run => run.worker === name), `${count(workers[name])} · ${percent(workers[name] / total)}`)),
        h('div', {class: 'lane axis', 'aria-hidden': 'true'}, h('span'), h('span'),
            h('span', {class: 'axis-ticks'}, h('span', {text: 'item 0'}), h('span', {text: count(Math.floor(total / 2))}),
                h('span', {text: count(Math.max(0, total - 1))}))));
}

function stripSvg(runs, total, label) {
    const width = 1000;
    return svg('svg', {class: 'lane-bar', viewBox: `0 0 ${width} 10`, preserveAspectRatio: 'none', role: 'img', 'aria-label': label},
        svg('rect', {class: 'lane-bg', x: 0, y: 0, width, height: 10}),
        runs.map(run => svg('rect', {
            x: (run.from / total * width).toFixed(2), y: 0, height: 10,
            width: Math.max(0.6, (run.to - run.from) / total * width).toFixed(2),
            fill: colourOf(run.worker),
        })));
}

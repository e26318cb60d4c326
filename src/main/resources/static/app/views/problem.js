/**
 * Shows a problem detail (RFC 9457) as a person reads it: the title and status, the detail, the pointer to the
 * field or item at fault with the value the request had there, and the job it concerns.
 */
import {h, fill} from '../dom.js';
import {Problem} from '../api.js';

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'instance', 'pointer', 'jobId', 'index', 'value']);

/**
 * Fills `container` with the problem; `context` says what was being done ("The job was not accepted");
 * `valueAt(pointer)` tells what the request had at the pointer, when the problem does not say.
 */
export function showProblem(container, error, context, valueAt = () => undefined) {
    if (!(error instanceof Problem)) {
        fill(container, h('div', {class: 'problem', role: 'alert'},
            h('p', {class: 'problem-title', text: context}),
            h('p', {text: error?.name === 'TypeError' ? 'poolmap could not be reached; the page keeps trying.' : String(error?.message ?? error)})));
        return;
    }
    const body = error.body;
    const facts = [];
    if (body.pointer) {
        const had = body.value === undefined ? valueAt(body.pointer) : undefined;
        facts.push(['where', had === undefined ? body.pointer : `${body.pointer} (the request had ${had})`]);
    }
    if (body.index !== undefined) {
        facts.push(['item', `numbers[${body.index}]${body.value !== undefined ? ` = ${body.value}` : ''}`]);
    }
    for (const [name, value] of Object.entries(body)) {
        if (!STANDARD.has(name) && value !== null && typeof value !== 'object') {
            facts.push([name, String(value)]);
        }
    }
    fill(container, h('div', {class: 'problem', role: 'alert'},
        h('p', {class: 'problem-title'}, `${context}: `, h('strong', {text: error.title}), h('span', {class: 'muted', text: ` (${error.status})`})),
        error.detail ? h('p', {class: 'problem-detail', text: error.detail}) : null,
        facts.length ? h('dl', {class: 'problem-facts'}, facts.map(([name, value]) => [h('dt', {text: name}), h('dd', h('code', {text: value}))])) : null,
        body.jobId ? h('p', h('a', {href: `#/jobs/${encodeURIComponent(body.jobId)}`, text: 'Open the job'})) : null,
        body.type ? h('p', {class: 'problem-type muted', text: body.type}) : null));
}

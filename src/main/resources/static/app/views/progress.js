/**
 * A job's status and progress — badge, bar and "61 % · 122,000 of 200,000 items · 1.2 s" (compact: "61 % · 1.2 s") —
 * as every view shows them.
 */
import {h} from '../dom.js';
import {bar, statusBadge} from '../charts.js';
import {count, duration, items, percent, shortId} from '../format.js';

export function jobProgress(job, {large = false, compact = false} = {}) {
    const badge = statusBadge(job.status);
    const progress = bar(`progress of job ${shortId(job.id)}`, 'progressbar', large ? 'bar-large' : '');
    const text = h('span', {class: 'progress-text'});
    const el = h('div', {class: 'job-progress'}, badge.el, progress.el, text);
    return {
        el,
        update(current) {
            const {completed, total} = current.progress;
            const fraction = total ? completed / total : 1;
            badge.update(current.status);
            progress.update(fraction, `${percent(fraction)}, ${count(completed)} of ${items(total)}`);
            el.dataset.status = current.status;
            text.textContent = compact
                ? `${percent(fraction)} · ${duration(current.durationMs)}`
                : `${percent(fraction)} · ${count(completed)} of ${items(total)} · ${duration(current.durationMs)}`;
        },
    };
}

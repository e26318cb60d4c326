/** How the page writes numbers, durations and times: one place, so that every view says "1,234 items" the same way. */

const integer = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat('en-US', {maximumFractionDigits: 1});

/** 300000 → "300,000"; a bigint or a digit string is grouped the same way, exactly. */
export function count(value) {
    if (value == null || value === '') {
        return '–';
    }
    if (typeof value === 'bigint' || typeof value === 'string') {
        return integer.format(BigInt(value));
    }
    return integer.format(value);
}

/** 1 → "1 item", 300000 → "300,000 items". */
export function items(n) {
    return `${count(n)} ${n === 1 ? 'item' : 'items'}`;
}

/** 0.4567 → "46 %". */
export function percent(fraction) {
    if (fraction == null || Number.isNaN(fraction)) {
        return '–';
    }
    return `${integer.format(Math.round(Math.max(0, fraction) * 100))} %`;
}

/** A duration in milliseconds, in the unit a person would use: "12 ms", "3.4 s", "2 min 5 s", "1 h 3 min". */
export function duration(ms) {
    if (ms == null || Number.isNaN(ms)) {
        return '–';
    }
    if (ms < 1000) {
        return `${integer.format(Math.max(0, Math.round(ms)))} ms`;
    }
    if (ms < 60_000) {
        return `${oneDecimal.format(ms / 1000)} s`;
    }
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 60) {
        const seconds = Math.floor((ms % 60_000) / 1000);
        return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
    }
    return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 60)} h`;
}

/** Items or jobs per second: "0", "0.4", "12", "1.2 M". */
export function rate(perSecond) {
    if (perSecond == null || Number.isNaN(perSecond)) {
        return '–';
    }
    if (perSecond >= 1_000_000) {
        return `${oneDecimal.format(perSecond / 1_000_000)} M`;
    }
    if (perSecond >= 10_000) {
        return `${integer.format(Math.round(perSecond / 1000))} k`;
    }
    return perSecond >= 10 ? integer.format(perSecond) : oneDecimal.format(perSecond);
}

/** An ISO instant as a local clock time with milliseconds, "14:03:27.412". */
export function clock(iso) {
    if (!iso) {
        return '–';
    }
    const date = new Date(iso);
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** How long ago an ISO instant was, against `now` (ms since the epoch): "just now", "12 s ago", "3 min ago". */
export function ago(iso, now = Date.now()) {
    if (!iso) {
        return '–';
    }
    const seconds = Math.round((now - Date.parse(iso)) / 1000);
    if (seconds < 3) {
        return 'just now';
    }
    if (seconds < 60) {
        return `${seconds} s ago`;
    }
    if (seconds < 3600) {
        return `${Math.floor(seconds / 60)} min ago`;
    }
    return `${Math.floor(seconds / 3600)} h ago`;
}

/** What a job maps, as people read it: its operation's name, or the expression it was given. */
export function jobName(job) {
    return job.operation ?? job.expression ?? '';
}

/** The first block of a job's UUID, enough to tell jobs apart on screen. */
export function shortId(id) {
    return id ? id.split('-')[0] : '–';
}

/**
 * A number as it came from the server, shortened for a table cell when it is long: "1234567…890123 (4,180 digits)".
 * Exact: it works on the text, never on a JavaScript number.
 */
export function exact(text, room = 32) {
    if (text == null) {
        return '–';
    }
    const value = String(text);
    if (value.length <= room) {
        return value;
    }
    const digits = value.replace(/^-/, '').replace(/\..*$/, '').length;
    const keep = Math.floor((room - 1) / 2);
    return `${value.slice(0, keep)}…${value.slice(-keep)} (${count(digits)} digits)`;
}

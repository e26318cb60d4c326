/**
 * The last minute of the pool, from successive samples (see api.js watchPool): each worker's utilisation between
 * two samples — the busy seconds it gained over the wall-clock seconds that passed, which counts the running chunk
 * too — the pool's, the queue's fill against its capacity, and jobs finished per second. poolmap's own
 * `utilization.1m` is a one-minute average; this is what happened in the last second.
 */
export class PoolHistory {

    /** @param length how many samples the sparklines keep */
    constructor(length = 60) {
        this.length = length;
        this.previous = null;
        this.series = new Map();
        this.poolSeries = [];
        this.jobsSeries = [];
        this.finished = [];
    }

    /**
     * Adds a sample and returns the picture of the pool now.
     *
     * @param sample `{at, workers, pool, status, finished}`: `at` in monotonic milliseconds, `workers` the
     *        /actuator/workers report, `pool` the pool health details (or null), `finished` the jobs-finished counter (or null)
     */
    add(sample) {
        const previous = this.previous;
        const seconds = previous ? (sample.at - previous.at) / 1000 : 0;
        const busy = new Map();
        const workers = sample.workers.workers.map(worker => {
            busy.set(worker.name, worker.busySeconds);
            const before = previous?.busy.get(worker.name);
            const now = seconds > 0 && before !== undefined
                ? clamp((worker.busySeconds - before) / seconds)
                : worker.utilization?.['1m'] ?? 0;
            const series = this.#push(this.series.get(worker.name) ?? [], now);
            return {...worker, now, series};
        });
        for (const name of [...this.series.keys()]) {
            if (!busy.has(name)) {
                this.series.delete(name);
            }
        }
        workers.forEach(worker => this.series.set(worker.name, worker.series));
        const poolNow = workers.length ? workers.reduce((sum, worker) => sum + worker.now, 0) / workers.length : 0;
        this.#push(this.poolSeries, poolNow);
        const jobsPerSecond = this.#jobsPerSecond(sample);
        this.#push(this.jobsSeries, jobsPerSecond ?? 0);
        this.previous = {at: sample.at, busy};

        const queued = sample.pool?.queuedItems ?? null;
        const capacity = sample.pool?.queueCapacity ?? null;
        return {
            status: sample.status,
            poolSize: sample.workers.poolSize,
            busy: workers.filter(worker => worker.state === 'BUSY').length,
            workers,
            pool: {now: poolNow, series: this.poolSeries},
            queue: {queued, capacity, fill: queued !== null && capacity ? queued / capacity : null},
            jobsPerSecond,
            jobsSeries: this.jobsSeries,
        };
    }

    /** Over the last five seconds, so that a job every other second does not read 0, 1, 0, 1. */
    #jobsPerSecond(sample) {
        if (sample.finished === null || sample.finished === undefined) {
            this.finished = [];
            return null;
        }
        const last = this.finished[this.finished.length - 1];
        if (last && sample.finished < last.count) { // the counter restarted with poolmap
            this.finished = [];
        }
        this.finished.push({at: sample.at, count: sample.finished});
        while (this.finished.length > 1 && sample.at - this.finished[0].at > 5000) {
            this.finished.shift();
        }
        const first = this.finished[0];
        const seconds = (sample.at - first.at) / 1000;
        return seconds > 0 ? (sample.finished - first.count) / seconds : null;
    }

    #push(series, value) {
        series.push(value);
        if (series.length > this.length) {
            series.splice(0, series.length - this.length);
        }
        return series;
    }
}

function clamp(fraction) {
    return Math.min(1, Math.max(0, fraction));
}

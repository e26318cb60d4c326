/**
 * The form that submits a job: an operation from /api/v1/operations (its description, domain and limit shown) or
 * an expression of one's own (the language from /api/v1/operations/expression), numbers as text or ranges,
 * parallelism and the other options; then the job's live progress, or the problem detail that refused it, beside
 * the form.
 */
import {h, byId, fill} from '../dom.js';
import {Problem} from '../api.js';
import {NumbersError, parseNumbers} from '../numbers.js';
import {count, duration, items, jobName, shortId} from '../format.js';
import {jobProgress} from './progress.js';
import {showProblem} from './problem.js';

const PREFERRED = 'collatz_steps';
/** The choice of the select that means "my own expression": no operation may take this name. */
const EXPRESSION = 'expression';

export function submitView(api) {
    const form = byId('submit-form');
    const operation = byId('operation');
    const expressionField = byId('expression-field');
    const expression = byId('expression');
    const numbers = byId('numbers');
    const numbersError = byId('numbers-error');
    const numbersCount = byId('numbers-count');
    const button = byId('submit-button');
    const problem = byId('submit-problem');
    const submitted = byId('submitted');
    let operations = new Map();
    let watching = null;

    async function loadOperations() {
        try {
            const list = await api.operations();
            operations = new Map(list.map(op => [op.name, op]));
            const groups = new Map();
            list.forEach(op => groups.set(op.kind, [...groups.get(op.kind) ?? [], op]));
            fill(operation, [...groups].map(([kind, ops]) => h('optgroup', {label: kind === 'io' ? 'I/O (virtual threads)' : 'CPU (the workers)'},
                ops.map(op => h('option', {value: op.name, text: op.name})))),
                h('optgroup', {label: 'Your own function'}, h('option', {value: EXPRESSION, text: 'an expression in x…'})));
            operation.value = operations.has(PREFERRED) ? PREFERRED : list[0]?.name ?? '';
            describe();
            button.disabled = false;
        } catch (error) {
            showProblem(problem, error, 'The operations could not be read');
        }
    }

    function describe() {
        const own = operation.value === EXPRESSION;
        expressionField.hidden = !own;
        if (own) {
            byId('operation-help').replaceChildren();
            describeLanguage();
            return;
        }
        const op = operations.get(operation.value);
        if (!op) {
            return;
        }
        const example = op.example?.numbers?.join(', ');
        fill(byId('operation-help'),
            h('span', {class: 'op-description', text: op.description}),
            h('span', {class: 'op-facts'}, h('span', {class: 'badge', text: op.kind}), ` domain: ${op.domain} · limit: ${op.limit}`),
            example ? h('span', {class: 'op-example'}, 'Example: ', h('code', {text: `${example} → ${op.example.results.join(', ')}`}), ' ',
                h('button', {type: 'button', class: 'link', text: 'Use it', on: {click: () => {
                    numbers.value = example;
                    check();
                    numbers.focus();
                }}})) : null);
    }

    let language = null;

    /** The expression language as this instance has it: its functions, constants, limits and an example. */
    async function describeLanguage() {
        try {
            language ??= await api.expressionLanguage();
        } catch (error) {
            showProblem(byId('expression-help'), error, 'The expression language could not be read');
            return;
        }
        const example = language.example;
        fill(byId('expression-help'),
            h('span', {class: 'op-description', text: 'Python 3 in one variable, x: + - * / // % **, comparisons, and/or/not, a if c else b; '
                + `integers exact at any size. Functions: ${language.functions.join(', ')}; constants: ${language.constants.join(', ')}.`}),
            h('span', {class: 'op-facts', text: `at most ${count(language.limits.maxLength)} characters and ${count(language.limits.maxDigits)} digits per integer`}),
            example?.expression ? h('span', {class: 'op-example'}, 'Example: ', h('code', {text: `${example.expression} over ${example.numbers.join(', ')} → ${example.results.join(', ')}`}), ' ',
                h('button', {type: 'button', class: 'link', text: 'Use it', on: {click: () => {
                    expression.value = example.expression;
                    numbers.value = example.numbers.join(', ');
                    check();
                    expression.focus();
                }}})) : null);
    }

    /** Parses the numbers as they are typed, so that a mistake shows before anything is sent. */
    function check() {
        try {
            const parsed = parseNumbers(numbers.value);
            numbersError.textContent = '';
            numbers.removeAttribute('aria-invalid');
            numbersCount.textContent = `${count(parsed.count)} ${parsed.count === 1 ? 'number' : 'numbers'}`;
            return parsed;
        } catch (error) {
            if (!(error instanceof NumbersError)) {
                throw error;
            }
            numbersCount.textContent = '';
            if (numbers.value.trim() !== '') {
                numbersError.textContent = error.message;
                numbers.setAttribute('aria-invalid', 'true');
            }
            return null;
        }
    }

    async function submit(event) {
        event.preventDefault();
        problem.replaceChildren();
        const parsed = check();
        if (!parsed) {
            numbersError.textContent ||= 'Type some numbers, such as 1, 2, 3, or a range such as 1..100000.';
            numbers.setAttribute('aria-invalid', 'true');
            numbers.focus();
            return;
        }
        const own = operation.value === EXPRESSION;
        if (own && expression.value.trim() === '') {
            fill(problem, h('p', {class: 'field-error', text: 'Type an expression in x, such as x**2 + 3*x + 1.'}));
            expression.focus();
            return;
        }
        const request = {
            operation: operation.value,
            expression: own ? expression.value : undefined,
            numbers: parsed.json,
            parallelism: integer('parallelism'),
            chunkSize: integer('chunk-size'),
            timeoutMs: integer('timeout-ms'),
            async: byId('async').checked,
        };
        watching?.abort();
        watching = new AbortController();
        button.disabled = true;
        button.textContent = 'Submitting…';
        if (!request.async) {
            fill(submitted, h('p', {class: 'waiting', text: `Waiting for ${request.expression ?? request.operation} over ${count(parsed.count)} numbers to finish (a synchronous call, as Pool.map; up to poolmap.sync-wait)…`}));
        }
        try {
            const {job} = await api.submit(request);
            follow(job, watching.signal);
        } catch (error) {
            submitted.replaceChildren();
            showProblem(problem, error, 'The job was not accepted', pointer => itemAt(parsed.json, pointer));
        } finally {
            button.disabled = false;
            button.textContent = 'Run';
        }
    }

    function follow(job, signal) {
        const progress = jobProgress(job, {large: true});
        const outcome = h('div', {class: 'outcome'});
        const cancel = h('button', {type: 'button', class: 'secondary', text: 'Cancel', on: {click: async () => {
            cancel.disabled = true;
            try {
                progress.update(await api.cancel(job.id));
            } catch (error) {
                showProblem(outcome, error, 'The job could not be cancelled');
            }
        }}});
        fill(submitted, h('div', {class: 'submitted-job', 'data-job': job.id},
            h('div', {class: 'submitted-head'},
                h('span', h('strong', {text: jobName(job)}), ` × ${count(job.size)} `, h('code', {text: shortId(job.id)})),
                h('a', {class: 'open-job', href: `#/jobs/${encodeURIComponent(job.id)}`, text: 'Open job →'})),
            progress.el, outcome, cancel));
        progress.update(job);
        api.watchJob(job.id, current => progress.update(current), {signal}).then(ended => {
            cancel.remove();
            if (ended.status === 'SUCCEEDED') {
                fill(outcome, h('p', {class: 'success', text: `Done: ${items(ended.size)} in ${duration(ended.durationMs)}.`}));
            } else if (ended.error) {
                showProblem(outcome, new Problem(ended.error.status ?? 0, ended.error), `The job ended ${ended.status}`);
            }
        }, error => {
            if (error.name !== 'AbortError') {
                showProblem(outcome, error, 'The job could not be followed');
            }
        });
    }

    function integer(id) {
        const value = byId(id).value.trim();
        return value === '' ? undefined : Number(value);
    }

    operation.addEventListener('change', describe);
    numbers.addEventListener('input', check);
    form.addEventListener('submit', submit);
    button.disabled = true;
    return {start: loadOperations};
}

/** What the request had at a pointer such as /numbers/3, to show beside a problem that names it. */
function itemAt(json, pointer) {
    const match = /^\/numbers\/(\d+)$/.exec(pointer ?? '');
    if (!match) {
        return undefined;
    }
    let start = 0;
    for (let i = 0; i < Number(match[1]); i++) {
        start = json.indexOf(',', start) + 1;
        if (start === 0) {
            return undefined;
        }
    }
    const end = json.indexOf(',', start);
    return json.slice(start, end === -1 ? undefined : end);
}

// The live page at / in headless Chromium, as a person uses it. LivePageIT starts the jar and runs this script:
//   POOLMAP_URL=http://localhost:8080 SCENARIO=open|keys [POOLMAP_API_KEY=…] SCREENSHOTS=dir node live-page.mjs
// It exits non-zero, saying which step failed, on any failed expectation, page error or Content-Security-Policy
// violation. Chromium is Debian's (/usr/bin/chromium, or POOLMAP_CHROMIUM): playwright-core drives it and
// downloads no browser of its own.
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

const base = required('POOLMAP_URL');
const scenario = required('SCENARIO');
const screenshots = required('SCREENSHOTS');
const key = process.env.POOLMAP_API_KEY;
/** 200,000 collatz_steps over 40-digit integers: a few seconds on two cores, long enough to watch. */
const FROM = 10n ** 39n;
const COUNT = 200_000n;

function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`set ${name}`);
    }
    return value;
}

async function api(path, options = {}) {
    const headers = key ? {Authorization: `Bearer ${key}`} : {};
    const response = await fetch(base + path, {...options, headers: {...headers, ...options.headers}});
    assert.ok(response.ok, `${path} answered ${response.status}`);
    return response.json();
}

function step(name) {
    console.log(`[${scenario}] ${name}`);
}

await mkdir(screenshots, {recursive: true});
const browser = await chromium.launch({
    executablePath: process.env.POOLMAP_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
});
const failures = [];
try {
    const context = await browser.newContext({viewport: {width: 1280, height: 860}, colorScheme: 'light'});
    const page = await context.newPage();
    page.on('pageerror', error => failures.push(`page error: ${error.message}`));
    page.on('console', message => {
        if (/Content.Security.Policy|Trusted Type/i.test(message.text())) {
            failures.push(`CSP: ${message.text()}`);
        }
    });
    page.on('response', response => {
        const path = new URL(response.url()).pathname;
        if (!path.startsWith('/api/') && !path.startsWith('/actuator/') && response.status() >= 400) {
            failures.push(`${path} answered ${response.status()}`);
        }
    });
    if (scenario === 'open') {
        await openScenario(page);
    } else if (scenario === 'keys') {
        await keysScenario(page);
    } else {
        throw new Error(`unknown SCENARIO ${scenario}`);
    }
    assert.deepEqual(failures, [], 'no page error, CSP violation or missing file');
    console.log(`[${scenario}] passed`);
} finally {
    await browser.close();
}

async function seesEveryWorker(page) {
    const {poolSize, workers} = await api('/actuator/workers');
    step(`sees every worker: ${poolSize}`);
    await page.locator('#workers > li').nth(poolSize - 1).waitFor({timeout: 15_000});
    const shown = await page.locator('#workers > li').evaluateAll(rows => rows.map(row => row.dataset.worker));
    assert.deepEqual(shown, workers.map(worker => worker.name), 'one row per worker, in order');
    assert.equal(await page.locator('#workers-count').textContent(), `${poolSize} workers`);
    return poolSize;
}

async function openScenario(page) {
    await page.goto(`${base}/`);
    const response = await page.request.get(`${base}/`);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'the document has a CSP');
    await seesEveryWorker(page);
    await page.locator('#pool-spark polyline[points*=" "]').waitFor({state: 'attached', timeout: 10_000}); // two samples at least

    step('refuses text that is not numbers, before sending it');
    await page.getByLabel('Numbers').fill('1, two, 3');
    await page.getByText('“two” is neither a number nor a range').waitFor();

    step('shows a refused job as a readable problem detail');
    await page.getByLabel('Operation').selectOption('sqrt');
    await page.getByLabel('Numbers').fill('4, -1');
    await page.getByRole('button', {name: 'Run'}).click();
    const problem = page.locator('#submit-problem .problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), /outside the domain of sqrt/);
    assert.match(await problem.textContent(), /numbers\[1\] = -1/);

    step('submits collatz_steps over 200,000 integers of 40 digits, asynchronously');
    const followed = [];
    page.on('request', request => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/v1/jobs/') && (url.pathname.endsWith('/events') || url.searchParams.has('wait'))) {
            followed.push({path: url.pathname + url.search, accept: request.headers().accept});
        }
    });
    await page.getByLabel('Operation').selectOption('collatz_steps');
    await page.getByLabel('Numbers').fill(`${FROM}..${FROM + COUNT - 1n}`);
    await page.getByText('200,000 numbers').waitFor();
    assert.ok(await page.getByLabel(/Asynchronous/).isChecked());
    await page.getByRole('button', {name: 'Run'}).click();
    assert.equal(await problem.count(), 0, 'the earlier problem is gone');

    step('watches the progress bar reach 100 % and the status SUCCEEDED');
    const submitted = page.locator('#submitted .submitted-job');
    await submitted.waitFor();
    const id = await submitted.getAttribute('data-job');
    const bar = submitted.getByRole('progressbar');
    const seen = new Set();
    let shot = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
        const value = Number(await bar.getAttribute('aria-valuenow'));
        seen.add(value);
        if (!shot && value >= 25 && value < 100) {
            shot = true;
            await page.screenshot({path: join(screenshots, 'dashboard-running.png'), fullPage: true, animations: 'disabled'});
        }
        if (await submitted.locator('.badge').textContent() === 'SUCCEEDED') {
            break;
        }
        assert.ok(Date.now() < deadline, `job ${id} did not succeed within 60 s; progress seen: ${[...seen]}`);
        await page.waitForTimeout(100);
    }
    assert.equal(Number(await bar.getAttribute('aria-valuenow')), 100);
    assert.ok([...seen].some(value => value > 0 && value < 100), `the bar moved through values between 0 and 100: ${[...seen]}`);
    await page.waitForFunction(() => !['0', '–'].includes(document.getElementById('jobs-rate').textContent), null, {timeout: 5_000});
    await submitted.getByText(/^Done: 200,000 items in /).waitFor();
    assert.ok(followed.length > 0, 'the page followed the job');
    assert.deepEqual(followed.filter(request => request.path !== `/api/v1/jobs/${id}/events` || request.accept !== 'text/event-stream'), [],
        'the page follows the job through its Server-Sent Events, never by polling');
    const recent = page.locator(`#jobs > li[data-job="${id}"]`);
    await recent.locator('.badge', {hasText: 'SUCCEEDED'}).waitFor({timeout: 5_000});
    await page.screenshot({path: join(screenshots, 'dashboard.png'), fullPage: true, animations: 'disabled'});

    step('opens the job and sees which worker computed which items');
    await submitted.getByRole('link', {name: 'Open job →'}).click();
    assert.equal(new URL(page.url()).hash, `#/jobs/${id}`);
    const job = await api(`/api/v1/jobs/${id}`);
    const workers = Object.keys(job.workers).sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));
    assert.ok(workers.every(worker => /^worker-\d+$/.test(worker)), `CPU items are computed by the named workers: ${workers}`);
    const lanes = page.locator('#job-picture .lane-name');
    await lanes.nth(workers.length).waitFor({timeout: 15_000});
    assert.deepEqual((await lanes.allTextContents()).map(text => text.trim()), ['all items', ...workers]);
    for (const worker of workers) {
        const lane = page.getByRole('img', {name: `the items ${worker} computed`});
        assert.ok(await lane.locator('rect').count() > 1, `${worker}'s lane shows where its items lie`);
        await page.locator('#job-picture .lane', {hasText: worker}).getByText(new Intl.NumberFormat('en-US').format(job.workers[worker])).waitFor();
    }
    assert.match(await page.locator('#job-picture-note').textContent(), /Sampled: 20 consecutive items at each of 120 points/);
    assert.equal(await page.locator('#job-progress .badge').textContent(), 'SUCCEEDED');
    const rows = page.locator('#job-items tbody tr');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20, 'the first 20 results');
    assert.equal(await rows.first().locator('td').nth(1).textContent(), FROM.toString(), 'inputs are shown exactly, beyond 2^53');
    assert.equal(await rows.first().locator('td').nth(2).textContent(), String(job.results[0]));
    await page.screenshot({path: join(screenshots, 'job.png'), animations: 'disabled'});

    step('links to the results, streamed as NDJSON');
    const link = page.locator('#job-items-note a.results-link');
    assert.equal(await link.getAttribute('href'), `/api/v1/jobs/${id}/results`);
    const tail = await page.request.get(`${base}${await link.getAttribute('href')}?from=199998`, {headers: {Accept: 'application/x-ndjson'}});
    assert.equal(tail.headers()['content-type'], 'application/x-ndjson');
    const lines = (await tail.text()).trim().split('\n').map(line => JSON.parse(line));
    assert.deepEqual(lines.map(line => line.index ?? 'end'), [199998, 199999, 'end']);
    assert.deepEqual(lines[2], {end: true, status: 'SUCCEEDED', count: 2, total: 200000});

    step('a bookmarked job page opens on its own');
    await page.goto(`${base}/#/jobs/${id}`);
    await page.reload();
    await page.locator('#job-picture .lane').first().waitFor();
    assert.match(await page.locator('#job-title').textContent(), /^collatz_steps × 200,000$/);

    step('maps an expression of its own: the language described, a syntax error shown where it is, exact results');
    await page.goto(`${base}/#/`);
    await page.getByLabel('Operation').selectOption('expression');
    const expressionHelp = page.locator('#expression-help');
    await expressionHelp.getByText(/Functions: .*isqrt/).waitFor();
    await page.getByLabel('Expression in x').fill('x**2 +* 1');
    await page.getByLabel('Numbers').fill('1, 2');
    await page.getByRole('button', {name: 'Run'}).click();
    await problem.waitFor();
    assert.match(await problem.textContent(), /unexpected '\*' \(column 6\)/);
    await page.getByLabel('Expression in x').fill('x**2 + 3*x + 1');
    await page.getByLabel('Numbers').fill('-2, 1.5, 100000000000000000000');
    await page.getByLabel(/Asynchronous/).uncheck();
    await page.getByRole('button', {name: 'Run'}).click();
    const own = page.locator('#submitted .submitted-job');
    await own.locator('.badge', {hasText: 'SUCCEEDED'}).waitFor({timeout: 15_000});
    assert.match(await own.locator('.submitted-head').textContent(), /^x\*\*2 \+ 3\*x \+ 1 × 3 /);
    await own.getByRole('link', {name: 'Open job →'}).click();
    const ownRows = page.locator('#job-items tbody tr');
    await ownRows.nth(2).waitFor();
    assert.deepEqual(await ownRows.evaluateAll(rows => rows.map(row => row.querySelectorAll('td')[2].textContent)),
        ['-1', '7.75', '10000000000000000000300000000000000000001'], 'Python\'s results, exact beyond 2^53');
    assert.match(await page.locator('#job-title').textContent(), /^x\*\*2 \+ 3\*x \+ 1 × 3$/);

    step('on a phone: nothing wider than the screen');
    await page.setViewportSize({width: 390, height: 844});
    await page.goto(`${base}/#/`);
    await page.locator('#jobs > li').first().waitFor();
    await seesEveryWorker(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the dashboard fits a 390 px screen (it is ${overflow} px wider)`);
    await page.screenshot({path: join(screenshots, 'phone.png'), fullPage: true, animations: 'disabled'});

    step('every form control has a label');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter(control => control.labels.length === 0 && !control.getAttribute('aria-label')).map(control => control.id));
    assert.deepEqual(unlabelled, []);
}

async function keysScenario(page) {
    assert.ok(key, 'set POOLMAP_API_KEY for the keys scenario');
    const requests = [];
    page.on('request', request => requests.push({url: request.url(), authorization: request.headers().authorization}));

    step('the page and its files load without a key; the API needs one');
    assert.equal((await fetch(`${base}/app/main.js`)).status, 200);
    assert.equal((await fetch(`${base}/api/v1/jobs`)).status, 401);
    await page.goto(`${base}/`);

    step('asks for the key in a dialog, and says when a key is refused');
    const dialog = page.getByRole('dialog', {name: 'API key'});
    await dialog.waitFor();
    await page.screenshot({path: join(screenshots, 'key-dialog.png'), animations: 'disabled'});
    await dialog.getByLabel('Key').fill('not-the-key-0123456789');
    await dialog.getByRole('button', {name: 'Use this key'}).click();
    await dialog.getByText('That key was not accepted').waitFor();

    step('with the right key: the workers, the operations, a synchronous job');
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByRole('button', {name: 'Use this key'}).click();
    await dialog.waitFor({state: 'hidden'});
    await seesEveryWorker(page);
    await page.getByLabel('Operation').selectOption('double');
    await page.getByLabel('Numbers').fill('1..10');
    await page.getByLabel(/Asynchronous/).uncheck();
    await page.getByRole('button', {name: 'Run'}).click();
    const submitted = page.locator('#submitted .submitted-job');
    await submitted.locator('.badge', {hasText: 'SUCCEEDED'}).waitFor({timeout: 15_000});

    step('the key is in this tab\'s sessionStorage and Authorization headers, never in a URL');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('poolmap.api-key')), key);
    const leaks = requests.filter(request => request.url.includes(key) || decodeURIComponent(request.url).includes(key));
    assert.deepEqual(leaks, [], 'no URL carries the key');
    const apiCalls = requests.filter(request => new URL(request.url).pathname.startsWith('/api/'));
    assert.ok(apiCalls.some(request => request.authorization === `Bearer ${key}`), 'API calls send the key as a bearer token');
    const pageFiles = requests.filter(request => /^\/(app\/|favicon|$)/.test(new URL(request.url).pathname));
    assert.ok(pageFiles.every(request => request.authorization === undefined), 'the page\'s own files are fetched without it');

    step('a reload keeps the key; "Forget the API key" drops it');
    await page.reload();
    await seesEveryWorker(page);
    assert.equal(await dialog.isVisible(), false);
    await page.getByRole('button', {name: 'Forget the API key'}).click();
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('poolmap.api-key')), null);
}

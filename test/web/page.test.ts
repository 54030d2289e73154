/**
 * The static page in Debian's Chromium: it loads offline, shows the CLI's table for the brain-scale
 * and GPT-3 presets, follows a changed parameter count, restores inputs from the URL, keeps the last
 * results when a value is bad (and says why next to the field), runs its sweeps in a worker, and
 * downloads the same CSV as `limbound estimate --csv`. A screenshot goes to test-artifacts/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { estimate } from '../../src/model/estimate.js';
import { figureCitations } from '../../src/report/figures/data.js';
import { summaryNotes } from '../../src/report/estimate-table.js';
import { buildPage, serveStatic, launch, REPO, type BrowserSession } from './harness.js';
import { cliTable } from './cli-table.js';
import { assertMatchesCli, computation, nextComputation, rows } from './page-helpers.js';

describe('web page in Chromium', { timeout: 420_000 }, () => {
  let session: BrowserSession;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let dist: string;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    dist = await buildPage();
    server = await serveStatic(dist);
    session = await launch();
    page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('runs in a real Chromium', (t) => {
    t.diagnostic(`Chromium ${session.version} from ${session.choice.source}`);
    assert.match(session.version, /^\d+\./);
  });

  it('loads with the brain-scale default and shows the CLI table', async () => {
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.waitForSelector('#results[data-state="ready"]');
    await assertMatchesCli(page, {}, []);
    // The brain-scale anchor (docs/model.md): LIM 167 MJ (binary cells, flop convention), 6.95 orders below the H100 row.
    assert.match(await page.textContent('#results-table tbody tr[data-row-id="lim"] td[data-col="energy"]') ?? '', /^167 MJ$/);
    // The headline repeats the CLI's sentence about LIM and the accelerator.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli', 'index.ts'), 'estimate'], { encoding: 'utf8' });
    const m = /LIM is (\S+ \S+), [\d.]+ orders above the Landauer floor and ([\d.]+) orders below von Neumann, (.+)\./.exec(cli.stdout);
    assert.ok(m, cli.stdout);
    assert.equal(await page.textContent('#headline'), `LIM needs ${m[1]}, ${m[2]} orders of magnitude below ${m[3]}.`);
    // The notes under the table are the CLI's and the report's.
    assert.deepEqual(await page.$$eval('#notes li', (lis) => lis.map((li) => li.textContent)), summaryNotes(estimate({}, { tradeoff: true })));
  });

  it('runs the sweeps in a worker and draws all four figures', async () => {
    await page.waitForFunction(`document.getElementById('figures').dataset.sweepId !== undefined`, undefined, { timeout: 15_000 });
    for (const name of ['ladder', 'walls', 'size', 'tradeoff']) {
      const svg = await page.innerHTML(`#fig-${name}`);
      assert.match(svg, /<svg/, name);
      assert.match(svg, /energy|share/, name);
    }
    assert.match((await page.textContent('#sweep-status')) ?? '', /Web Worker/);
  });

  it('GPT-3 preset reproduces the CLI, including the reported row', async () => {
    const before = await computation(page);
    await page.selectOption('#field-workload', 'gpt-3');
    await nextComputation(page, before);
    await assertMatchesCli(page, { workload: 'gpt-3' }, ['--workload', 'gpt-3']);
    const ids = (await rows(page)).map((r) => r.id);
    assert.equal(ids[ids.length - 1], 'reported');
    assert.match(page.url(), /\?workload=gpt-3$/);
  });

  it('a changed parameter count updates the table to the CLI numbers', async () => {
    const before = await computation(page);
    await page.fill('#field-params', '1e12');
    await nextComputation(page, before);
    await assertMatchesCli(page, { workload: 'gpt-3', params: '1e12' }, ['--workload', 'gpt-3', '--params', '1e12']);
    assert.match(page.url(), /\?workload=gpt-3&params=1e12$/);
  });

  it('a bad value shows its message next to the field and leaves the results alone', async () => {
    const shown = await rows(page);
    const url = page.url();
    const before = await computation(page);
    await page.fill('#field-params', '-5');
    await page.waitForFunction(`document.getElementById('results').dataset.state === 'error'`, undefined, { timeout: 10_000 });
    // The CLI's own message for the same value: `error: params: must be > 0 and ≤ 1e30, got -5`.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli', 'index.ts'), 'estimate', '--params', '-5'], { encoding: 'utf8' });
    assert.equal(cli.status, 2);
    assert.equal((await page.textContent('#msg-params'))?.trim(), cli.stderr.trim().replace(/^error: params: /, ''));
    assert.equal(await page.getAttribute('#field-params', 'aria-invalid'), 'true');
    assert.deepEqual(await rows(page), shown);
    assert.equal(await computation(page), before);
    assert.equal(page.url(), url);
    // A unit the field does not take is also named next to it.
    await page.fill('#field-time_s', '3 dys');
    await page.waitForFunction(`document.getElementById('msg-time_s').textContent.includes('unknown unit')`, undefined, { timeout: 10_000 });
    assert.deepEqual(await rows(page), shown);
  });

  it('"I measured 50 MWh": the reported run gives the CLI\'s row and numbers', async () => {
    await page.goto(`${server.url}?workload=gpt-3`);
    await page.waitForSelector('#results[data-state="ready"]');
    const before = await computation(page);
    await page.fill('#field-reported_energy_J', '50 MWh');
    await page.selectOption('#field-boundary', 'facility');
    await nextComputation(page, before);
    await page.waitForFunction(`new URLSearchParams(location.search).get('boundary') === 'facility'`);
    await assertMatchesCli(page, { workload: 'gpt-3', reported_energy_J: '50 MWh', boundary: 'facility' }, ['--workload', 'gpt-3', '--reported-energy', '50 MWh', '--boundary', 'facility']);
    const ids = (await rows(page)).map((r) => r.id);
    assert.equal(ids[ids.length - 1], 'reported');
    assert.match((await page.textContent('#headline-detail')) ?? '', /Reported: your run/);
  });

  it('a CodeCarbon file read in the page gives the same table as --reported-file', async () => {
    const file = join(REPO, 'test', 'fixtures', 'reported', 'emissions.csv');
    // The fixture's 6.9 MJ lies above T5's Landauer floor (the brain-scale floor, 165 MJ, would refuse it).
    await page.goto(`${server.url}?workload=t5-11b`);
    await page.waitForSelector('#results[data-state="ready"]');
    const before = await computation(page);
    await page.setInputFiles('#field-reported_file', file);
    await nextComputation(page, before);
    assert.match((await page.textContent('#status-reported_file')) ?? '', /^Read emissions\.csv: 6\.9 MJ/);
    assert.deepEqual((await rows(page)).map((r) => r.cells), cliTable(['--workload', 't5-11b', '--reported-file', file]));
    // A malformed file is refused with the parser's line, and the last good results stay.
    const shown = await rows(page);
    await page.setInputFiles('#field-reported_file', join(REPO, 'test', 'fixtures', 'reported', 'nvidia-smi-bad.csv'));
    await page.waitForFunction(`document.getElementById('msg-reported_file').textContent !== ''`);
    assert.match((await page.textContent('#msg-reported_file')) ?? '', /nvidia-smi-bad\.csv:\d+/);
    assert.deepEqual(await rows(page), shown);
  });

  it('a URL with inputs restores them', async () => {
    await page.goto(`${server.url}?workload=gpt-3&params=7e10&time_s=${encodeURIComponent('21 d')}&accelerator=a100`);
    await page.waitForSelector('#results[data-state="ready"]');
    assert.equal(await page.inputValue('#field-workload'), 'gpt-3');
    assert.equal(await page.inputValue('#field-params'), '7e10');
    assert.equal(await page.inputValue('#field-time_s'), '21 d');
    assert.equal(await page.inputValue('#field-accelerator'), 'a100');
    await assertMatchesCli(page, { workload: 'gpt-3', params: '7e10', time_s: '21 d', accelerator: 'a100' }, ['--workload', 'gpt-3', '--params', '7e10', '--time-s', '21 d', '--accelerator', 'a100']);
    // Round trip: the page writes the same inputs back to the address bar after an edit and its undo.
    const before = await computation(page);
    await page.fill('#field-params', '8e10');
    await nextComputation(page, before);
    const edited = await computation(page);
    await page.fill('#field-params', '7e10');
    await nextComputation(page, edited);
    assert.equal(new URL(page.url()).search, `?workload=gpt-3&params=7e10&time_s=21+d&accelerator=a100`);
  });

  it('downloads the same CSV as limbound estimate --csv', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const file = await download.path();
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli', 'index.ts'), 'estimate', '--csv', '--workload', 'gpt-3', '--params', '7e10', '--time-s', '21 d', '--accelerator', 'a100'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    // Same header, ids, labels and kinds; numbers equal to within an ulp or two (see assertMatchesCli).
    const parse = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));
    const got = parse(readFileSync(file, 'utf8'));
    const want = parse(cli.stdout);
    assert.deepEqual(got[0], want[0]);
    assert.equal(got.length, want.length);
    got.forEach((row, i) => {
      assert.equal(row.length, want[i]!.length);
      row.forEach((cell, j) => {
        const w = want[i]![j]!;
        if (i === 0 || cell === '' || Number.isNaN(Number(w))) assert.equal(cell, w);
        else assert.ok(Math.abs(Number(cell) - Number(w)) <= 1e-14 * Math.abs(Number(w)), `row ${i} column ${want[0]![j]}: ${cell} vs ${w}`);
      });
    });
  });

  it('downloads the result as JSON and an SVG figure, and copies a citation', async () => {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
    const expected = estimate({ workload: 'gpt-3', params: '7e10', time_s: '21 d', accelerator: 'a100' }, { tradeoff: true });
    assert.deepEqual(doc.inputs, expected.inputs);
    assert.deepEqual(doc.rows.map((r: { id: string }) => r.id), expected.rows.map((r) => r.id));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-figure="ladder"][data-format="svg"]')]);
    // The engine calls a preset with changed counts a custom workload.
    assert.equal(svg.suggestedFilename(), 'limbound-custom-ladder.svg');
    assert.match(readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*>[\s\S]*Energy ladder: GPT-3 175B/);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await page.click('#copy-citation');
    await page.waitForFunction(`document.getElementById('copy-status').textContent !== ''`);
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    assert.match(copied, /arXiv:2402\.14878/);
    // Every source the page's figures cite (the brain's 20 W, the reported runs), as a report's references.bib.
    const ids = figureCitations(expected);
    for (const id of ['balasubramanian2021', 'patterson2021', 'luccioni2023']) assert.ok(ids.includes(id), id);
    assert.deepEqual([...copied.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]), ids);
  });

  it('works opened straight from disk (file://), worker included', async () => {
    const local = await session.context.newPage();
    local.on('pageerror', (e) => errors.push(`file:// pageerror: ${e.message}`));
    await local.goto(`${pathToFileURL(join(dist, 'index.html')).href}?workload=gpt-3`);
    await local.waitForSelector('#results[data-state="ready"]');
    await assertMatchesCli(local, { workload: 'gpt-3' }, ['--workload', 'gpt-3']);
    await local.waitForFunction(`document.getElementById('figures').dataset.sweepId !== undefined`, undefined, { timeout: 15_000 });
    assert.match((await local.textContent('#sweep-status')) ?? '', /\(Web Worker\)/);
    await local.close();
  });

  it('stays offline, logs no errors, and leaves a screenshot', async () => {
    await page.waitForFunction(`document.getElementById('figures').dataset.sweepId !== undefined && document.querySelector('#fig-size svg')`, undefined, { timeout: 15_000 });
    const dir = join(REPO, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'web-page.png'), fullPage: true });
    assert.deepEqual(session.external, [], 'requests outside 127.0.0.1');
    assert.deepEqual(errors, []);
  });
});

/**
 * The page's uncertainty bands in Chromium: sampled in the Web Worker with progress shown, they equal
 * `limbound estimate --uncertainty --json` for the same seed and sample count (numbers and the table's
 * band cells), appear as bars on the ladder, follow an edited range as `--range` does, and a bad range
 * gets the CLI's message beside it.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { openPageSession, REPO, type PageSession } from './harness.js';
import { cliTable } from './cli-table.js';
import { rows } from './page-helpers.js';

const CLI = join(REPO, 'src', 'cli', 'index.ts');

interface CliBand {
  id: string;
  energy_J_p05: number | null;
  energy_J_p50: number | null;
  energy_J_p95: number | null;
}

function cliBands(args: string[]): CliBand[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', '--json', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).rows;
}

/** The CLI's one-line error for `estimate --uncertainty ARGS`, after "error: FIELD: ". */
function cliError(field: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', '--uncertainty', '100', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  const prefix = `error: ${field}: `;
  assert.ok(r.stderr.startsWith(prefix), r.stderr);
  return r.stderr.trim().slice(prefix.length);
}

/** Waits until the page has taken in the typed settings (they reach the address bar). */
async function settled(page: Page, search: string): Promise<void> {
  await page.waitForFunction(`location.search === ${JSON.stringify(search)}`, undefined, { timeout: 10_000 });
}

/** Waits for the bands of the latest sampling request, newer than request `after`, and returns their id. */
async function nextBands(page: Page, after: number): Promise<number> {
  await page.waitForFunction(`(() => { const d = document.getElementById('results').dataset; return d.bands === d.bandsRequest && Number(d.bands) > ${after}; })()`, undefined, { timeout: 60_000 });
  return Number(await page.getAttribute('#results', 'data-bands'));
}

/** Waits until `selector` shows `want` (the page re-checks after a short pause), then compares. */
async function expectText(page: Page, selector: string, want: string): Promise<void> {
  await page.waitForFunction(`document.querySelector(${JSON.stringify(selector)})?.textContent === ${JSON.stringify(want)}`, undefined, { timeout: 5_000 }).catch(() => undefined);
  assert.equal(await page.textContent(selector), want, selector);
}

async function assertBandsMatchCli(page: Page, args: string[]): Promise<void> {
  const want = cliBands(args);
  const shown = await rows(page);
  const bands = (await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => ({ id: tr.dataset.rowId, p05: tr.dataset.p05, p50: tr.dataset.p50, p95: tr.dataset.p95 })))) as Array<Record<string, string | undefined>>;
  assert.deepEqual(shown.map((r) => r.id), want.map((r) => r.id));
  bands.forEach((b, i) => {
    const w = want[i]!;
    // Four significant figures on both sides, from the same samples: equal.
    if (w.energy_J_p05 === null) assert.equal(b.p05, undefined, `${w.id} is not sampled`);
    else assert.deepEqual([Number(b.p05), Number(b.p50), Number(b.p95)], [w.energy_J_p05, w.energy_J_p50, w.energy_J_p95], w.id);
  });
  // The table, band column included, is the CLI's text table, cell for cell.
  assert.deepEqual(shown.map((r) => r.cells), cliTable(args));
}

describe('uncertainty bands on the web page in Chromium', { timeout: 300_000 }, () => {
  let open: PageSession;
  let page: Page;

  before(async () => {
    open = await openPageSession();
    page = open.page;
  });

  after(async () => open?.close());

  it('samples in the worker with progress shown, and gives the bands of estimate --uncertainty --json', async () => {
    await page.goto(`${open.server.url}?workload=gpt-3`);
    await page.waitForSelector('#results[data-state="ready"]');
    await page.click('#uncertainty-box summary');
    await page.fill('#unc-samples', '200000');
    await page.check('#unc-on');
    // A long run: progress moves, and the page keeps computing the estimate meanwhile.
    await page.waitForFunction(`(() => { const p = document.getElementById('unc-progress'); return !p.hidden && p.value > 0 && p.value < 1; })()`, undefined, { timeout: 60_000 });
    assert.match((await page.textContent('#unc-status-text')) ?? '', /^Sampling: [\d,]+ of 200,000 samples…$/);
    const computed = Number(await page.getAttribute('#results', 'data-computation'));
    await page.fill('#field-time_s', '20 d');
    await page.waitForFunction(`Number(document.getElementById('results').dataset.computation) > ${computed}`, undefined, { timeout: 5_000 });
    // The run the test checks: 3000 samples, seed 7.
    await page.fill('#field-time_s', '');
    await page.fill('#unc-samples', '3000');
    await page.fill('#unc-seed', '7');
    await settled(page, '?workload=gpt-3&uncertainty=3000&seed=7');
    const id = await nextBands(page, 0);
    const args = ['--workload', 'gpt-3', '--uncertainty', '3000', '--seed', '7'];
    await assertBandsMatchCli(page, args);
    assert.match((await page.textContent('#unc-status-text')) ?? '', /^5–95 % bands from 3,000 samples of \d+ ranges, seed 7, in \d+ ms \(Web Worker\)\.$/);
    assert.match((await page.textContent('#unc-statement')) ?? '', /LIM within one order of the floor in [\d.]+ % of samples/);
    // The ladder draws the bands: its spec carries each sampled row's 5 and 95 % quantiles.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-figure="ladder"][data-format="spec"]')]);
    const spec = readFileSync(await download.path(), 'utf8');
    const lim = cliBands(args).find((r) => r.id === 'lim')!;
    assert.match(spec, /bars: 5–95 % over \d+ ranges, 3000 samples, seed 7/);
    assert.ok(spec.includes(`"energy_J_p05": ${lim.energy_J_p05}`) && spec.includes(`"energy_J_p95": ${lim.energy_J_p95}`), 'LIM band in the ladder spec');
    assert.ok(id > 0);
  });

  it('an edited range gives the bands of --range; a bad one gets the CLI message beside it', async () => {
    const first = Number(await page.getAttribute('#results', 'data-bands'));
    // The default τ0 range is listed with its source; narrow it.
    assert.equal(await page.inputValue('#range-low-tau0_s'), '1e-13');
    assert.equal(await page.inputValue('#range-high-tau0_s'), '1e-9');
    assert.equal(await page.inputValue('#range-distribution-tau0_s'), 'log');
    assert.match((await page.textContent('[data-range="tau0_s"] [data-part="source"]')) ?? '', /^assumed: attempt times in use span/);
    await page.fill('#range-low-tau0_s', '1e-12');
    await settled(page, '?workload=gpt-3&uncertainty=3000&seed=7&range=tau0_s%3D1e-12..1e-9%3Alog');
    await nextBands(page, first);
    await assertBandsMatchCli(page, ['--workload', 'gpt-3', '--uncertainty', '3000', '--seed', '7', '--range', 'tau0_s=1e-12..1e-9:log']);
    assert.equal(await page.textContent('[data-range="tau0_s"] [data-part="source"]'), 'user range · point 1e-9');
    // Bad edits: the message the CLI prints for the same --range.
    const bad: Array<[string, string, string, string]> = [
      ['#range-low-tau0_s', '1e-8', 'range tau0_s', 'tau0_s=1e-8..1e-9:log'],
      ['#range-low-tau0_s', '-1', 'range tau0_s', 'tau0_s=-1..1e-9:log'],
      ['#range-low-tau0_s', 'abc', 'range tau0_s', 'tau0_s=abc..1e-9:log'],
    ];
    for (const [selector, value, field, spec] of bad) {
      await page.fill(selector, value);
      await expectText(page, '[data-range="tau0_s"] [data-part="msg"]', cliError(field, ['--workload', 'gpt-3', '--range', spec]));
    }
    // A range outside the input's allowed values.
    await page.fill('#range-low-tau0_s', '1e-12');
    await page.fill('#range-high-n_eff_fraction', '2');
    const low = await page.inputValue('#range-low-n_eff_fraction');
    const dist = await page.inputValue('#range-distribution-n_eff_fraction');
    await expectText(page, '[data-range="n_eff_fraction"] [data-part="msg"]', cliError('range n_eff_fraction', ['--workload', 'gpt-3', '--range', `n_eff_fraction=${low}..2:${dist}`]));
    await page.click('[data-range="n_eff_fraction"] [data-part="undo"]');
    await expectText(page, '[data-range="n_eff_fraction"] [data-part="msg"]', '');
    assert.equal(await page.inputValue('#range-high-n_eff_fraction'), '1');
    // A bad sample count: the CLI's message beside the field; the table drops the stale band column.
    await page.fill('#unc-samples', '0');
    await expectText(page, '#msg-unc-samples', cliUncertaintyZero());
    assert.equal(await page.$('#results-table td[data-col="band"]'), null);
    const stale = Number(await page.getAttribute('#results', 'data-bands-request'));
    // A good count, and a range added for an input without a default one (×½–×2 around its point, log-uniform).
    await page.fill('#unc-samples', '3000');
    await page.selectOption('#unc-add', 'temperature_K');
    assert.equal(await page.inputValue('#range-low-temperature_K'), '150');
    assert.equal(await page.inputValue('#range-high-temperature_K'), '600');
    await nextBands(page, stale);
    await assertBandsMatchCli(page, ['--workload', 'gpt-3', '--uncertainty', '3000', '--seed', '7', '--range', 'tau0_s=1e-12..1e-9:log', '--range', 'temperature_K=150..600:log']);
    assert.deepEqual(open.errors, []);
  });
});

function cliUncertaintyZero(): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', '--uncertainty', '0'], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  return r.stderr.trim().replace(/^error: uncertainty: /, '');
}

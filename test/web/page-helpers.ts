/** Reading the page's results table and comparing it with the engine and the CLI (browser tests). */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { estimate } from '../../src/model/estimate.js';
import type { EstimateInput } from '../../src/model/schema.js';
import { cliTable } from './cli-table.js';

export interface PageRow {
  id: string;
  kind: string;
  energy_J: string;
  cells: string[];
}

const READ_ROWS = `Array.from(document.querySelectorAll('#results-table tbody tr')).map((tr) => ({
  id: tr.dataset.rowId, kind: tr.dataset.kind, energy_J: tr.dataset.energyJ,
  cells: Array.from(tr.children).map((td) => td.textContent),
}))`;

export async function rows(page: Page): Promise<PageRow[]> {
  return (await page.evaluate(READ_ROWS)) as PageRow[];
}

export async function computation(page: Page): Promise<number> {
  return Number(await page.getAttribute('#results', 'data-computation'));
}

/** Waits until the page has computed more times than `after` and is showing results. */
export async function nextComputation(page: Page, after: number): Promise<void> {
  await page.waitForFunction(`Number(document.getElementById('results').dataset.computation) > ${after} && document.getElementById('results').dataset.state === 'ready'`, undefined, { timeout: 10_000 });
}

/** The page's rows against estimate() (exact numbers) and the CLI's printed table (exact strings). */
export async function assertMatchesCli(page: Page, input: EstimateInput, cliArgs: string[]): Promise<void> {
  const shown = await rows(page);
  const expected = estimate(input);
  assert.deepEqual(shown.map((r) => r.id), expected.rows.map((r) => r.id));
  shown.forEach((r, i) => {
    // Full precision, to within an ulp or two: Chromium's V8 and Node's differ in the last bit of some
    // Math functions (pow, exp), which is why the formatted strings, not the doubles, must match exactly.
    const want = expected.rows[i]!.energy_J;
    assert.ok(Math.abs(Number(r.energy_J) - want) <= 1e-14 * Math.abs(want), `${r.id} energy_J: page ${r.energy_J}, engine ${want}`);
    assert.equal(r.kind, expected.rows[i]!.kind);
  });
  assert.deepEqual(shown.map((r) => r.cells), cliTable(cliArgs));
}

/**
 * The summary's probabilities and its one-line statement, from sample arrays written by hand so that
 * every share is a known fraction (the thresholds 10×, 1e6 and 1e7 included as closed ends).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInput } from '../../src/model/schema.js';
import { PARADIGMS } from '../../src/model/paradigms.js';
import { metricArrays, planSampling, summarize } from '../../src/model/uncertainty.js';

/** One user range, so the statement reads "of 1 ranges". */
const plan = planSampling(validateInput({}), { ranges: [{ name: 'mfu', low: 0.3, high: 0.6, distribution: 'uniform' }], onlyRanges: true });
const LIM_OVER_FLOOR = PARADIGMS.length;
const ORDERS = PARADIGMS.length + 1;

function summary(limOverFloor: number[], orders: number[]) {
  const out = metricArrays(limOverFloor.length);
  for (let r = 0; r < PARADIGMS.length; r++) out[r]!.fill(1);
  out[LIM_OVER_FLOOR]!.set(limOverFloor);
  out[ORDERS]!.set(orders);
  return summarize(plan, 1, out);
}

test('probabilities count the samples at or within each threshold', () => {
  // LIM/floor ≤ 10: 1, 10 and 5 of five → 3/5. Orders in [6, 7]: 6, 6.5, 7 → 3/5; ≥ 6: four of five.
  const s = summary([1, 10, 10.5, 100, 5], [5, 6, 6.5, 7, 8]);
  assert.deepEqual(s.probabilities, { lim_within_one_order_of_floor: 0.6, accelerator_over_lim_1e6_to_1e7: 0.6, accelerator_over_lim_at_least_1e6: 0.8 });
  assert.equal(
    s.statement,
    'Over 5 samples of 1 ranges: LIM within one order of the floor in 60 % of samples; accelerator/LIM between 1e6 and 1e7 in 60 %, at least 1e6 in 80 %.',
  );
});

/** n samples of which `hits` meet every threshold (LIM/floor 1, orders 6.5) and the rest none (100, 0). */
const shares = (hits: number, n: number) =>
  summary(
    Array.from({ length: n }, (_, i) => (i < hits ? 1 : 100)),
    Array.from({ length: n }, (_, i) => (i < hits ? 6.5 : 0)),
  ).statement.replace(/^Over \d+ samples of 1 ranges: /, '');

test('whole percent, but one decimal from 99.5 % up and below 0.5 %, so that 99.5–99.9 % and 0.1–0.4 % are not rounded to 100 % or 0 %', () => {
  assert.equal(shares(4, 4), 'LIM within one order of the floor in 100.0 % of samples; accelerator/LIM between 1e6 and 1e7 in 100.0 %, at least 1e6 in 100.0 %.');
  assert.equal(shares(0, 4), 'LIM within one order of the floor in 0.0 % of samples; accelerator/LIM between 1e6 and 1e7 in 0.0 %, at least 1e6 in 0.0 %.');
  // Of 1000: 999 → 99.9 %, 995 → 99.5 %, 994 → 99 % (99.4 rounded), 5 → 1 % (0.5 rounded up), 4 → 0.4 %, 1 → 0.1 %.
  const first = (hits: number) => shares(hits, 1000).split(' of samples')[0]!.replace('LIM within one order of the floor in ', '');
  assert.deepEqual([999, 995, 994, 5, 4, 1].map(first), ['99.9 %', '99.5 %', '99 %', '1 %', '0.4 %', '0.1 %']);
});

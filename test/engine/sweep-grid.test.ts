/** Sweep grids and the sensitivity analysis, in process: grid values and the point order by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVary, gridValues, gridSize, gridPoint, evaluatePoint, validateGrid } from '../../src/model/sweep.js';
import { sensitivity } from '../../src/model/sensitivity.js';
import { estimate, validateInput } from '../../src/model/index.js';
import { InputError } from '../../src/util/errors.js';

const refusesWith = (spec: string, pattern: RegExp) =>
  assert.throws(() => parseVary(spec), (e: unknown) => e instanceof InputError && e.field === 'vary' && pattern.test(e.message), spec);

test('--vary specs: ends with units, spacing and count; every refusal names the spec', () => {
  assert.deepEqual(parseVary('params=1e9..1e15:log:7'), { key: 'params', from: 1e9, to: 1e15, count: 7, log: true });
  assert.deepEqual(parseVary(' time_s=1 d..10 d '), { key: 'time_s', from: 86400, to: 864000, count: 10, log: false });
  assert.deepEqual(parseVary('temperature_K=77..300:log:lin:3'), { key: 'temperature_K', from: 77, to: 300, count: 3, log: false });
  assert.deepEqual(parseVary('tokens=1e6..1e9::1'), { key: 'tokens', from: 1e6, to: 1e9, count: 1, log: false });
  refusesWith('params=1e9...1e15', /more than two dots/);
  refusesWith('params=1e9.....1e15', /more than two dots/);
  refusesWith('params=..1e15', /expected NAME=FROM\.\.TO/);
  refusesWith('params=1e9..', /expected NAME=FROM\.\.TO/);
  refusesWith('=1..2', /expected NAME=FROM\.\.TO/);
  refusesWith('params 1..2', /expected NAME=FROM\.\.TO/);
  refusesWith('params=1', /expected NAME=FROM\.\.TO/);
  refusesWith('par4ms=1..2', /expected NAME=FROM\.\.TO/);
  refusesWith(`params=1..${'9'.repeat(200)}`, /expected NAME=FROM\.\.TO/);
  refusesWith('nonsense=1..2', /unknown input 'nonsense' \(allowed: .*params/);
  refusesWith('workload=1..2', /'workload' is not numeric/);
  refusesWith('params=1e9..1e15:0', /COUNT must be a whole number from 1 to 1e7, got '0'/);
  refusesWith('params=1e9..1e15:2.5', /got '2\.5'/);
  refusesWith('params=1e9..1e15:20000000', /got '20000000'/);
  assert.equal(parseVary('params=1..2:10000000').count, 1e7);
  refusesWith('erasure_error=0..0.1:log', /a :log range needs positive ends, got 0\.\.0\.1/);
  assert.equal(parseVary('erasure_error=0..0.1').from, 0);
  assert.throws(() => parseVary('precision_bits=0..8'), (e: unknown) => e instanceof InputError && e.field === 'precision_bits');
});

test('grid values: decades exact in log space, linear steps, whole numbers for integer inputs', () => {
  assert.deepEqual(gridValues(parseVary('params=1e9..1e15:log:4')), [1e9, 1e11, 1e13, 1e15]);
  assert.deepEqual(gridValues(parseVary('temperature_K=100..400:4')), [100, 200, 300, 400]);
  assert.deepEqual(gridValues(parseVary('temperature_K=100..400:1')), [100]);
  // 1..8 bits in 3 steps: 1, 4.5, 8 rounds to 1, 5 (Math.round(4.5) = 5), 8.
  assert.deepEqual(gridValues(parseVary('precision_bits=1..8:3')), [1, 5, 8]);
  // Log spacing of 1..100 in 3: 1, 10, 100; of 1..10 in 2: both ends.
  assert.deepEqual(gridValues(parseVary('temperature_K=1..100:log:3')), [1, 10, 100]);
  assert.equal(gridSize([parseVary('params=1..2:3'), parseVary('tokens=1..2:4'), parseVary('temperature_K=1..2:5')]), 60);
  assert.equal(gridSize([]), 1);
});

test('grid points are row-major with the last --vary fastest', () => {
  const varies = [parseVary('params=1..2:2'), parseVary('temperature_K=10..30:3')];
  const values = varies.map(gridValues);
  const points = Array.from({ length: gridSize(varies) }, (_, i) => gridPoint(varies, values, i));
  assert.deepEqual(points, [
    { params: 1, temperature_K: 10 },
    { params: 1, temperature_K: 20 },
    { params: 1, temperature_K: 30 },
    { params: 2, temperature_K: 10 },
    { params: 2, temperature_K: 20 },
    { params: 2, temperature_K: 30 },
  ]);
});

test('a sweep point prices exactly like estimate at that point; a bad interior point is named', () => {
  const base = validateInput({ workload: 'gpt-3' });
  const row = evaluatePoint(base, { temperature_K: 77 });
  const direct = estimate({ workload: 'gpt-3', temperature_K: 77 });
  for (const r of direct.rows) if (r.kind !== 'reported') assert.equal(row.energy_J[r.id as keyof typeof row.energy_J], r.energy_J, r.id);
  assert.equal(row.cim_barrier_kT, direct.derived.cim_barrier_kT);
  assert.equal(row.flops, 3.14e23);
  assert.equal(row.tokens, 300e9);
  assert.deepEqual(row.point, { temperature_K: 77 });
  // n_eff = 16 changed bits cannot exceed N = 8: the grid check names the second point.
  const varies = [parseVary('precision_bits=32..8:2')];
  const base16 = validateInput({ n_eff_bits: 16 });
  assert.throws(() => validateGrid(base16, varies, varies.map(gridValues), 2), (e: unknown) => e instanceof InputError && e.field === 'n_eff_bits' && /^must be ≤ precision_bits \(8\), got 16 \(at grid point \{"precision_bits":8\}\)$/.test(e.message.slice('n_eff_bits: '.length)));
  const stop = new AbortController();
  stop.abort();
  validateGrid(base16, varies, varies.map(gridValues), 2, stop.signal); // aborted: nothing checked
  validateGrid(base16, varies, varies.map(gridValues), 1); // the good first point only
});

test('sensitivity with one active range: that range carries all of every output\'s variance', () => {
  const s = sensitivity(validateInput({}), { ranges: [{ name: 'temperature_K', low: 200, high: 400, distribution: 'uniform' }], onlyRanges: true, samples: 64, seed: 3, bootstrap: 10 });
  assert.equal(s.samples, 64);
  assert.equal(s.evaluations, 64 * 3, 'N·(d + 2)');
  assert.equal(s.seed, 3);
  assert.equal(s.bootstrap, 10);
  assert.deepEqual(s.ranges.map((r) => r.name), ['temperature_K']);
  // The Landauer row is kT·ln2 per bit: log10 E = log10 T + const, all its variance is T's. With one input
  // f_AB = f_B, and Jansen's total-order estimator is ½·mean((f_A − f_B)²)/V: 1 up to sampling noise.
  const floor = s.outputs.find((o) => o.id === 'landauer')!;
  assert.equal(floor.quantity, 'log10 energy of the landauer row');
  assert.equal(floor.indices.length, 1);
  const t = floor.indices[0]!;
  assert.ok(t.total_ci[0] <= 1 && t.total_ci[1] >= 1 && Math.abs(t.total - 1) < 0.05, JSON.stringify(t));
  // LIM/floor does not depend on T at all: no variance to decompose, so no index (NaN, not a number).
  const ratio = s.outputs.find((o) => o.id === 'lim_over_floor')!;
  assert.ok(Number.isNaN(ratio.indices[0]!.first) && Number.isNaN(ratio.indices[0]!.total));
  assert.equal(s.outputs.find((o) => o.id === 'lim_over_floor')!.quantity, 'log10(LIM / Landauer floor)');
  assert.throws(() => sensitivity(validateInput({}), { ranges: [], onlyRanges: true }), /no ranges to analyse/);
});

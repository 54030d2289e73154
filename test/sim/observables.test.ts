/** Statistics against hand counts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitPowerLaw, histogram, jarzynskiEstimate, meanEstimate, proportionEstimate, rateEstimate } from '../../src/sim/observables.js';

test('mean, standard deviation and standard error of 1, 2, 3, 4', () => {
  const e = meanEstimate(new Float64Array([1, 2, 3, 4]));
  assert.equal(e.mean, 2.5);
  assert.ok(Math.abs(e.sd - Math.sqrt(5 / 3)) < 1e-15);
  assert.ok(Math.abs(e.stderr - Math.sqrt(5 / 3) / 2) < 1e-15);
  assert.ok(Math.abs(e.ci95[1] - e.mean - 1.959963984540054 * e.stderr) < 1e-15);
});

test('no values: the mean is NaN (JSON null), not a false 0', () => {
  const e = meanEstimate(new Float64Array(0));
  assert.equal(e.n, 0);
  assert.ok(Number.isNaN(e.mean) && Number.isNaN(e.stderr));
  assert.equal(JSON.stringify({ mean: e.mean }), '{"mean":null}');
});

test('Jarzynski estimator: W ∈ {0, ln 3} gives ΔF = ln(3/2), also when shifted by 1000 kT', () => {
  assert.ok(Math.abs(jarzynskiEstimate([0, Math.log(3)]).deltaF - Math.log(1.5)) < 1e-14);
  // Without the log-sum-exp shift e^{−1000} underflows to 0 and the estimate would be +∞.
  assert.ok(Math.abs(jarzynskiEstimate([1000, 1000 + Math.log(3)]).deltaF - (1000 + Math.log(1.5))) < 1e-10);
  assert.ok(Math.abs(jarzynskiEstimate([-800, -800]).deltaF + 800) < 1e-12);
});

test('histogram counts every value once, in the right bin', () => {
  const h = histogram([0, 0.1, 0.5, 0.99, 1], 2);
  assert.deepEqual(h.edges, [0, 0.5, 1]);
  assert.deepEqual(h.counts, [2, 3]);
});

test('proportions and rates: Wilson and Poisson score intervals', () => {
  const zero = proportionEstimate(0, 100);
  assert.equal(zero.p, 0);
  assert.equal(zero.ci95[0], 0);
  // Wilson upper limit for 0/100: z²/(n + z²).
  assert.ok(Math.abs(zero.ci95[1] - 3.8414588 / (100 + 3.8414588)) < 1e-7);
  const r = rateEstimate(100, 50);
  assert.equal(r.rate, 2);
  assert.ok(Math.abs(r.stderr - 0.2) < 1e-15);
  // The interval limits λ solve (n − λT)² = z²·λT.
  for (const lambda of r.ci95) assert.ok(Math.abs((100 - 50 * lambda) ** 2 - 3.8414588 * 50 * lambda) < 1e-4);
});

test('power-law fit recovers y = 3/x and y = 2x^−0.5', () => {
  const x = [1, 2, 4, 8, 16];
  const f1 = fitPowerLaw(x, x.map((v) => 3 / v), x.map((v) => 0.01 / v));
  assert.ok(Math.abs(f1.exponent + 1) < 1e-12);
  assert.ok(Math.abs(f1.inversePrefactor - 3) < 1e-12);
  const f2 = fitPowerLaw(x, x.map((v) => 2 * v ** -0.5), x.map(() => 0.01));
  assert.ok(Math.abs(f2.exponent + 0.5) < 1e-12);
  assert.ok(Math.abs(f2.prefactor - 2) < 1e-12);
  // Non-positive points are left out of the log fit (and counted), but kept in the B/x fit.
  const f3 = fitPowerLaw([1, 2, 3], [1, -1, 0], [0.1, 0.1, 0.1]);
  assert.deepEqual([f3.points, f3.droppedNonPositive, f3.inversePoints, f3.droppedNoError], [1, 2, 3, 0]);
});

test('power-law fit: a point without a standard error is dropped and counted, not given an invented weight', () => {
  // Exact y = 3/x on four points plus a wild fifth point with σ = 0: it must not pull the fit at all.
  const x = [1, 2, 4, 8, 16];
  const y = [3, 1.5, 0.75, 0.375, 10];
  const sigma = [0.01, 0.01, 0.01, 0.01, 0];
  const fit = fitPowerLaw(x, y, sigma);
  assert.ok(Math.abs(fit.exponent + 1) < 1e-12, `exponent ${fit.exponent}`);
  assert.ok(Math.abs(fit.inversePrefactor - 3) < 1e-12);
  assert.deepEqual([fit.points, fit.inversePoints, fit.droppedNoError, fit.droppedNonPositive], [4, 4, 1, 0]);
  // Unknown errors (NaN, e.g. a point with one particle) are treated the same way.
  assert.equal(fitPowerLaw(x, y, [0.01, 0.01, 0.01, 0.01, NaN]).droppedNoError, 1);
});

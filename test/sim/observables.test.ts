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
  // Non-positive points are left out of the log fit.
  assert.equal(fitPowerLaw([1, 2, 3], [1, -1, 0], [0.1, 0.1, 0.1]).points, 1);
});

/** Edges of the physics functions that the engine's main paths do not reach, by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryEntropyNats, finiteTimeExcess_kT, transportBound_J, optimalStaticBarrier, optimalStaticBarrier_kT, lambertW0, lambertWm1, lambertWm1FromLog, bisectWm1 } from '../../src/physics/index.js';

test('binary entropy is 0 at both certain ends (no 0·ln 0 = NaN)', () => {
  assert.equal(binaryEntropyNats(1), 0);
  assert.equal(binaryEntropyNats(0), 0);
  assert.equal(binaryEntropyNats(1.5), 0);
});

test('finite-time excess in kT and the Wasserstein transport bound, by hand', () => {
  // c·τ_r/τ = 0.5 · 2 ns / 1 µs = 1e-3 kT; γ·W₂²/τ = 2 · 3² / 4 = 4.5 J.
  assert.ok(Math.abs(finiteTimeExcess_kT(2e-9, 1e-6, 0.5) - 1e-3) < 1e-18);
  assert.ok(Math.abs(finiteTimeExcess_kT(1e-9, 1e-9) - 1 / 12) < 1e-15, 'c defaults to 1/12');
  assert.equal(transportBound_J(2, 3, 4), 4.5);
});

test('a static memory that is never written needs no barrier and costs nothing', () => {
  assert.equal(optimalStaticBarrier_kT(0, 5), Infinity);
  assert.deepEqual(optimalStaticBarrier(0, 5), { barrier_kT: Infinity, energy_kT: 0, write_kT: 0, refresh_kT: 0, regime: 'hold' });
});

test('Lambert W: both branches satisfy w·e^w = z across their domains, the edges exactly', () => {
  // The defining equation is the reference: w·e^w = z to round-off, and the branch (W₀ ≥ −1, W₋₁ ≤ −1).
  for (const z of [-1 / Math.E + 1e-12, -0.35, -0.2, -1e-3, 1e-9, 0.1, 0.5, 2, 10, 1e3, 1e10, 1e100]) {
    const w = lambertW0(z);
    assert.ok(w >= -1 && Math.abs(w * Math.exp(w) - z) <= 1e-14 * Math.max(Math.abs(z), 1e-16) + 1e-300, `W0(${z}) = ${w}`);
  }
  for (const z of [-1 / Math.E + 1e-12, -0.35, -0.2, -0.1, -1e-3, -1e-30, -1e-300]) {
    const w = lambertWm1(z);
    assert.ok(w <= -1 && Math.abs((w + Math.log(-w)) / Math.log(-z) - 1) <= 1e-14, `W-1(${z}) = ${w}`);
  }
  assert.equal(lambertW0(0), 0);
  assert.ok(Math.abs(lambertW0(-1 / Math.E) + 1) < 1e-7, 'W0(−1/e) = −1');
  assert.ok(Number.isNaN(lambertW0(-0.5)));
  assert.equal(lambertWm1FromLog(-1), -1);
  assert.ok(Number.isNaN(lambertWm1FromLog(-0.5)) && Number.isNaN(lambertWm1FromLog(Number.NaN)));
  assert.ok(Number.isNaN(lambertWm1(0)) && Number.isNaN(lambertWm1(1)) && Number.isNaN(lambertWm1(-0.37)));
  assert.ok(Math.abs(lambertWm1(-1 / Math.E) + 1) < 1e-7, 'W-1(−1/e) = −1');
});

test('Lambert W₋₁ by its bisection fallback: W(−2e^{−2}) = −2, W(−5e^{−5}) = −5, far below double range', () => {
  assert.ok(Math.abs(bisectWm1(Math.log(2) - 2) + 2) < 1e-14);
  assert.ok(Math.abs(bisectWm1(Math.log(5) - 5) + 5) < 1e-14);
  const w = bisectWm1(-2000);
  assert.ok(Math.abs(w + Math.log(-w) + 2000) < 1e-12, `${w}`);
  assert.ok(Math.abs(w - lambertWm1FromLog(-2000)) <= 1e-14 * 2000);
  // Near the branch point, ln(−z) = −1 − δ: w = −1 − p − p²/3 + O(p³) with p = √(2δ).
  const p = Math.sqrt(2e-8);
  assert.ok(Math.abs(bisectWm1(-1 - 1e-8) - (-1 - p - (p * p) / 3)) < 1e-11);
});

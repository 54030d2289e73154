/** Edges of the physics functions that the engine's main paths do not reach, by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryEntropyNats, finiteTimeExcess_kT, transportBound_J, optimalStaticBarrier, optimalStaticBarrier_kT } from '../../src/physics/index.js';

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


test('static-barrier optimum at an exact tie and below the Landauer edge', () => {
  // R = 4: ln2·R/2 = 2·ln2 = ln 4 = x_h, a tie (exact in floating point); ties go to the hold barrier.
  assert.equal(optimalStaticBarrier_kT(1, Math.log(4)), Math.log(4));
  // R = 5: ln2·5/2 = 1.733 > ln 5 = 1.609, so hold at ln 5; R = 3: ln2·3/2 = 1.040 < ln 3 = 1.099, so ln2.
  assert.equal(optimalStaticBarrier_kT(1, Math.log(5)), Math.log(5));
  assert.equal(optimalStaticBarrier_kT(1, Math.log(3)), Math.LN2);
  // A hold ratio below 2 (x_h < ln2) is clamped to the Landauer edge.
  assert.equal(optimalStaticBarrier_kT(1, 0.1), Math.LN2);
});

/** Reference formulas: limits and special cases computed by hand, and properties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  binaryEntropy,
  chainTransitionRate,
  generalizedLandauerBound,
  harmonicDeltaF,
  kramersRate,
  meanFirstPassageTime,
  quarticKramersRate,
  stiffnessRampMeanWork,
  trapLinearMeanWork,
  trapOptimalCentre,
  trapOptimalMeanWork,
} from '../../src/sim/analytic.js';

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);

test('moving trap: hand values and limits of the Schmiedl–Seifert formulas', () => {
  // k = 1, λ = 3, t = 1: linear 9·e^{-1}, optimal 9/3.
  assert.ok(close(trapLinearMeanWork(1, 3, 1), 9 * Math.exp(-1), 1e-12));
  assert.ok(close(trapOptimalMeanWork(1, 3, 1), 3, 1e-12));
  // Slow limit γλ²/t; fast limit of the linear protocol: kλ²/2 (the particle does not move).
  assert.ok(close(trapLinearMeanWork(2, 1.5, 1e6), 2.25e-6, 1e-5));
  assert.ok(close(trapLinearMeanWork(2, 1.5, 1e-7), 0.5 * 2 * 2.25, 1e-6));
  // The optimal centre jumps to λ_f/(k t_f + 2) at t = 0+ and to λ_f(1 + 1/(k t_f))/(1 + 2/(k t_f)) at t_f−.
  assert.ok(close(trapOptimalCentre(1e-12, 1, 3, 1), 1, 1e-9));
  assert.ok(close(trapOptimalCentre(1 - 1e-12, 1, 3, 1), 2, 1e-9));
  assert.equal(trapOptimalCentre(0, 1, 3, 1), 0);
  assert.equal(trapOptimalCentre(1, 1, 3, 1), 3);
});

test('the optimal protocol never costs more than the linear one', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (k, l, t) => {
      return trapOptimalMeanWork(k, l, t) <= trapLinearMeanWork(k, l, t) * (1 + 1e-12);
    }),
  );
});

test('stiffness ramp: mean work tends to (k1−k0)/(2k0) when fast and to ΔF when slow', () => {
  assert.ok(close(harmonicDeltaF(1, 4), Math.log(2), 1e-15));
  assert.ok(close(stiffnessRampMeanWork(1, 4, 0), 1.5, 1e-15));
  assert.ok(close(stiffnessRampMeanWork(1, 4, 1e-4), 1.5, 1e-3));
  assert.ok(close(stiffnessRampMeanWork(1, 4, 2000, 200000), Math.log(2), 1e-3));
  // Second law at every duration.
  for (const t of [0.01, 0.1, 1, 10]) assert.ok(stiffnessRampMeanWork(1, 4, t) > Math.log(2));
});

test('mean first-passage time: free diffusion from 0 to L with reflection at 0 takes L²/2D', () => {
  const t = meanFirstPassageTime(() => 0, 0, 2, 0, 200000);
  assert.ok(close(t, 2, 1e-6));
  // Constant force F towards the target: τ = L/F − (1 − e^{−FL})/F² (drift–diffusion, D = 1).
  const f = 1.5;
  const exact = 2 / f - (1 - Math.exp(-f * 2)) / (f * f);
  assert.ok(close(meanFirstPassageTime((x) => -f * x, 0, 2, 0, 200000), exact, 1e-5));
});

test('Kramers rate: hand value and agreement with the exact passage time for high barriers', () => {
  // E_b = 10 in E_b(x² − 1)²: √(80·40)/(2π)·e^{−10}.
  assert.ok(close(quarticKramersRate(10), (Math.sqrt(3200) / (2 * Math.PI)) * Math.exp(-10), 1e-14));
  assert.ok(close(kramersRate(3, 2, -8), (4 / (2 * Math.PI)) * Math.exp(-3), 1e-14));
  // The ratio exact/Kramers tends to 1 as E_b grows (corrections O(kT/E_b)).
  let previous = 0;
  for (const e of [6, 10, 20]) {
    const exact = 1 / meanFirstPassageTime((x) => e * (x * x - 1) ** 2, -1, 1, -3);
    const ratio = exact / quarticKramersRate(e);
    assert.ok(ratio < 1 && ratio > previous, `E_b = ${e}: ratio ${ratio}`);
    previous = ratio;
  }
  assert.ok(previous > 0.97);
});

test('chain transition rate: two wells give 1/τ; M wells weight interior wells twice', () => {
  assert.equal(chainTransitionRate(2, 4, NaN), 0.25);
  // M = 4: degrees 1,2,2,1 → 6 / (2·τe + 4·τi).
  assert.ok(close(chainTransitionRate(4, 3, 1), 6 / 10, 1e-15));
});

test('generalised Landauer bound: ln2 at zero error, zero at p = 1/2, symmetric entropy', () => {
  assert.equal(generalizedLandauerBound(0), Math.LN2);
  assert.ok(Math.abs(generalizedLandauerBound(0.5)) < 1e-15);
  assert.ok(close(binaryEntropy(0.1), -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9)), 1e-15));
  fc.assert(fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => Math.abs(binaryEntropy(p) - binaryEntropy(1 - p)) < 1e-12));
});

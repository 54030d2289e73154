/**
 * The simulator's reference formulas away from simulation units (γ, kT ≠ 1) and against independent
 * evaluations: each formula written in another algebraic form, an ODE integrated by another method, a
 * first-passage integral whose exact value is elementary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  binaryEntropy,
  chainTransitionRate,
  generalizedLandauerBound,
  harmonicDeltaF,
  kramersRate,
  meanFirstPassageTime,
  multiwellKramersRate,
  multiwellTransitionRate,
  quarticKramersRate,
  stiffnessRampMeanWork,
  trapLinearMeanWork,
  trapOptimalCentre,
  trapOptimalMeanWork,
  trapStepMeanWork,
} from '../../src/sim/analytic.js';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${what}: ${a} vs ${b}`);

test('moving trap with γ ≠ 1: the linear and optimal protocols by hand', () => {
  // k = 2, λ_f = 3, t_f = 0.5, γ = 1.5: r = k·t_f/γ = 2/3.
  // Linear, eq. (8) expanded: γλ²/t − (γ²λ²/(k t²))·(1 − e^{−r}) = 27 − 40.5·(1 − e^{−2/3}).
  close(trapLinearMeanWork(2, 3, 0.5, 1.5), 27 - 40.5 * (1 - Math.exp(-2 / 3)), 1e-13, 'linear');
  // Optimal: γλ²/(t + 2γ/k) = 13.5 / (0.5 + 1.5) = 6.75, and the centre λ(t + γ/k)/(t + 2γ/k) = 3·1/2 at t = 0.25.
  close(trapOptimalMeanWork(2, 3, 0.5, 1.5), 6.75, 1e-15, 'optimal');
  close(trapOptimalCentre(0.25, 2, 3, 0.5, 1.5), 1.5, 1e-15, 'centre');
  assert.equal(trapOptimalCentre(0, 2, 3, 0.5, 1.5), 0);
  assert.equal(trapOptimalCentre(0.5, 2, 3, 0.5, 1.5), 3);
  // A jump of the trap by λ from equilibrium costs kλ²/2: 2·9/2.
  assert.equal(trapStepMeanWork(2, 3), 9);
});

test('moving trap at a tiny rate k·t_f/γ: the series branch is exact to round-off', () => {
  // lag = 1 − (1 − e^{−r})/r = r/2 − r²/6 + r³/24 − r⁴/120 + …; at r = 1e-5 the direct form loses 11 digits,
  // and a three-term series stops at a relative error r³/60 (1.2e-14 at 9e-5).
  for (const r of [1e-5, 3e-5, 9e-5]) {
    const lag = r / 2 - (r * r) / 6 + (r * r * r) / 24 - (r * r * r * r) / 120;
    // k = r (t_f = 1, γ = 1), λ_f = 2: ⟨W⟩ = γλ²/t · lag = 4·lag.
    close(trapLinearMeanWork(r, 2, 1), 4 * lag, 3e-14, `r = ${r}`);
  }
});

test('free energy of a stiffness change with kT ≠ 1, and the instantaneous change', () => {
  close(harmonicDeltaF(2, 8, 2), Math.log(4), 1e-15, 'ΔF = (kT/2)·ln(k1/k0)');
  // From equilibrium at k0, ⟨x²⟩ = 1/k0, so a jump k0 → k1 costs (k1 − k0)/2 · 1/k0.
  assert.equal(stiffnessRampMeanWork(2, 5, 0), 0.75);
});

test('stiffness ramp: the RK4 moment integration against the integrating-factor solution', () => {
  // dv/dt = −2k(t)v + 2, k = k0 + k̇t: v(t) = e^{−2K(t)}·(v0 + 2∫₀ᵗ e^{2K(s)} ds), K(t) = k0·t + k̇t²/2;
  // ⟨W⟩ = (k̇/2)∫₀^{t_f} v dt. Both integrals by composite Simpson on a fine grid.
  const reference = (k0: number, k1: number, tf: number) => {
    const kdot = (k1 - k0) / tf;
    const K = (t: number) => k0 * t + 0.5 * kdot * t * t;
    const m = 4000;
    const h = tf / m;
    const inner = new Float64Array(m + 1); // ∫₀^{t_j} e^{2K} by Simpson on each pair of cells, trapezoid-free
    const f = (s: number) => Math.exp(2 * K(s));
    for (let j = 1; j <= m; j++) {
      const a = (j - 1) * h;
      inner[j] = inner[j - 1] + (h / 6) * (f(a) + 4 * f(a + h / 2) + f(a + h));
    }
    const v = (j: number) => Math.exp(-2 * K(j * h)) * (1 / k0 + 2 * inner[j]);
    let s = v(0) + v(m);
    for (let j = 1; j < m; j++) s += (j % 2 ? 4 : 2) * v(j);
    return (kdot / 2) * (h / 3) * s;
  };
  for (const [k0, k1, tf] of [[1, 4, 2], [3, 0.5, 0.7], [0.5, 6, 0.2]]) {
    close(stiffnessRampMeanWork(k0, k1, tf, 400), reference(k0, k1, tf), 1e-10, `${k0} → ${k1} over ${tf}`);
  }
  // The slow limit is reversible: ⟨W⟩ → ΔF = ½ln(k1/k0), approached as 1/t_f.
  close(stiffnessRampMeanWork(1, 4, 400, 40000), 0.5 * Math.log(4), 5e-3, 'slow limit');
});

test('Kramers rates with γ and kT ≠ 1, and the wells of the quartic and multi-well landscapes', () => {
  // √(8·4)/(2π·2)·e^{−10/2}
  close(kramersRate(10, 8, -4, 2, 2), (Math.sqrt(32) / (4 * Math.PI)) * Math.exp(-5), 1e-15, 'kramers');
  // Quartic E_b(x² − 1)²: U'' = 8E_b in the well, −4E_b at the top; E_b = 3: √(24·12)/(2π)·e^{−3}.
  close(quarticKramersRate(3), (Math.sqrt(288) / (2 * Math.PI)) * Math.exp(-3), 1e-15, 'quartic');
  // Multi-well: U'' = 4E_b in a well, −8E_b at a top — the same product, so the same rate as the quartic.
  close(multiwellKramersRate(3), (Math.sqrt(12 * 24) / (2 * Math.PI)) * Math.exp(-3), 1e-15, 'multi-well');
  close(multiwellKramersRate(5), (Math.sqrt(20 * 40) / (2 * Math.PI)) * Math.exp(-5), 1e-15, 'multi-well at 5 kT');
  // Four wells: the two ends escape one way, the two interior wells both ways: (1 + 2 + 2 + 1)·r/4 = 1.5r.
  close(multiwellTransitionRate(5, 4), 1.5 * multiwellKramersRate(5), 1e-15, 'four wells');
  close(multiwellTransitionRate(5, 2), multiwellKramersRate(5), 1e-15, 'two wells');
});

test('mean first-passage time of free diffusion: the double integral by hand, for any energy offset', () => {
  // U ≡ c on [0, 3], reflecting at 0: τ(1 → 3) = ∫₁³ dy ∫₀ʸ dz = (3² − 1²)/2 = 4; the trapezoid rule is exact here.
  for (const c of [0, 7, -4]) close(meanFirstPassageTime(() => c, 1, 3, 0, 30), 4, 1e-13, `offset ${c}`);
  // A start between grid points (1.05, h = 0.1): the outer integral begins at the next point, its first cell
  // counted from 0 at the start: 0.05·1.1 + (3² − 1.1²)/2 = 3.95 against the exact (9 − 1.05²)/2 = 3.94875.
  close(meanFirstPassageTime(() => 0, 1.05, 3, 0, 30), 3.95, 1e-13, 'start off the grid');
  // A linear potential U = f·x (drift towards the reflecting end): τ = ∫₁³ dy e^{fy}∫₀ʸ e^{−fz}dz
  // = ∫₁³ (e^{fy} − 1)/f dy = (e^{3f} − e^{f})/f² − 2/f. An offset of U changes nothing.
  const f = 0.8;
  const exact = (Math.exp(3 * f) - Math.exp(f)) / (f * f) - 2 / f;
  close(meanFirstPassageTime((x) => f * x + 5, 1, 3, 0, 30000), exact, 1e-7, 'linear potential (trapezoid error ∝ h²)');
});

test('chain of wells: the renewal rate Σd / Σd·τ by hand', () => {
  assert.equal(chainTransitionRate(2, 4, 99), 1 / 4);
  // Four wells: degrees 1, 2, 2, 1 → 6 / (2·3 + 4·5) with τ_end = 3, τ_int = 5.
  close(chainTransitionRate(4, 3, 5), 6 / 26, 1e-15, 'four wells');
  close(chainTransitionRate(3, 2, 7), 4 / (4 + 14), 1e-15, 'three wells');
});

test('binary entropy at its ends and the generalised Landauer bound with kT ≠ 1', () => {
  assert.equal(binaryEntropy(1), 0);
  assert.equal(binaryEntropy(0), 0);
  assert.equal(binaryEntropy(2), 0);
  close(binaryEntropy(0.25), -0.25 * Math.log(0.25) - 0.75 * Math.log(0.75), 1e-15, 'H(1/4)');
  close(generalizedLandauerBound(0.25, 3), 3 * (Math.LN2 + 0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 1e-14, 'bound');
  close(generalizedLandauerBound(0, 2), 2 * Math.LN2, 1e-15, 'error-free erasure');
});

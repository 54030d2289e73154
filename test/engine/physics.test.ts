import { fitWeightedLine } from '../../src/util/weighted-line.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BOLTZMANN_J_PER_K, thermalEnergy, landauerPerBit_J, landauerPerBit_kT, binaryEntropyNats, landauerErase_J,
  barrierForRetention_kT, barrierForRetention_J, retentionTime_s, refreshInterval_s, refreshCount,
  finiteTimeExcess_J, UNIFORM_TO_POINT_C,
  optimalStaticBarrier, staticBarrierEnergy_kT, refreshesPerWrite, YEAR_S, joulesToEV,
} from '../../src/physics/index.js';

const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what} ${actual} vs ${expected} (rel ${rel})`);

test('k_B is the exact 2019 SI value', () => {
  assert.equal(BOLTZMANN_J_PER_K, 1.380649e-23);
});

test('kT and kT·ln2 at 300 K match the reference numbers (numbers.md §1.1)', () => {
  close(thermalEnergy(300), 4.141947e-21, 1e-7, 'kT');
  close(landauerPerBit_J(300), 2.870979e-21, 1e-6, 'kT ln2');
  close(landauerPerBit_J(310), 2.966678e-21, 1e-6, 'kT ln2 at 310 K');
  close(landauerPerBit_J(77), 7.368846e-22, 1e-6, 'kT ln2 at 77 K');
  close(joulesToEV(landauerPerBit_J(300)), 0.017919, 1e-4, 'eV');
  close(landauerErase_J(32, 300), 9.187132e-20, 1e-6, '32-bit overwrite');
});

test('Landauer floor is linear in temperature', () => {
  for (const t of [1, 4.2, 77, 300, 1000]) close(landauerPerBit_J(2 * t), 2 * landauerPerBit_J(t), 1e-14);
});

test('binary entropy and the generalised Landauer bound', () => {
  assert.equal(binaryEntropyNats(0), 0);
  close(binaryEntropyNats(0.5), Math.LN2, 1e-15);
  // H(0.1) = −0.1 ln 0.1 − 0.9 ln 0.9 = 0.325082973391448 nats
  close(binaryEntropyNats(0.1), 0.325082973391448, 1e-12);
  close(landauerPerBit_kT(0.1), Math.LN2 - 0.325082973391448, 1e-12);
  assert.equal(landauerPerBit_kT(0.5), 0);
});

test('10-year retention at τ0 = 1 ns needs 40.29 kT (numbers.md §2.5)', () => {
  close(barrierForRetention_kT(10 * YEAR_S, 1e-9), 40.29, 1e-4);
  close(barrierForRetention_J(10 * YEAR_S, 300, 1e-9), 1.669e-19, 1e-3);
  close(barrierForRetention_kT(0.064, 1e-9), 17.97, 1e-3, '64 ms');
  close(barrierForRetention_kT(3600, 1e-9), 28.91, 1e-3, '1 h');
  close(retentionTime_s(barrierForRetention_J(10 * YEAR_S, 300, 1e-9), 300, 1e-9), 10 * YEAR_S, 1e-12);
});

test('refresh interval from the escape law, refresh count by walking the clock', () => {
  // Escape within t from a barrier E_b happens with probability 1 − e^{−t/τ}, τ = τ0·e^{E_b/kT}; the bit must
  // be refreshed when that reaches ε_ref: t = −τ·ln(1 − ε_ref) = ε_ref·τ·(1 + ε_ref/2 + …).
  for (const [eb, eps] of [[20, 1e-6], [5, 1e-3], [40, 1e-9]] as const) {
    const tau = 1e-9 * Math.exp(eb);
    close(refreshInterval_s(eb, 1e-9, eps), -tau * Math.log1p(-eps), eps, `τ_ref at E_b = ${eb}`);
  }
  // Walk a 1 ms run in whole picoseconds: τ_ref = ε·τ0·e^{ln 1000} = 1e-3 · 1 ns · 1000 = 1 ns = 1000 ps.
  const refreshPs = 1000;
  let refreshes = 0;
  for (let t = refreshPs; t <= 1e9; t += refreshPs) refreshes++;
  assert.equal(refreshes, 1e6);
  close(refreshCount(1e-3, Math.log(1000), 1e-9, 1e-3), refreshes, 1e-12, 'T/τ_ref');
  close(refreshCount(100, 20, 1e-9, 1e-6), 100 / (1e-15 * 485165195.4097903), 1e-12, 'e^20 typed');
  assert.equal(refreshCount(1, 1000, 1e-9, 1e-6), 0); // clean underflow, no NaN
});

test('finite-time excess c·kT·τ_r/τ with c = 1/12 by quadrature of the uniform-to-point transport', () => {
  // Uniform on [0, L] collapsed onto the point p: W₂² = ∫(x − p)² dx/L. Midpoint rule on L = 1, best p on a grid.
  const cells = 20000;
  let best = Infinity;
  for (let k = 0; k <= 100; k++) {
    const p = k / 100;
    let w2 = 0;
    for (let i = 0; i < cells; i++) w2 += ((i + 0.5) / cells - p) ** 2;
    best = Math.min(best, w2 / cells);
  }
  close(UNIFORM_TO_POINT_C, best, 1e-8, 'c by quadrature');
  // 1/12 · 4.141947e-21 J · 1 ns / 1 µs = 3.451623e-25 J.
  close(finiteTimeExcess_J(300, 1e-9, 1e-6), 3.451623e-25, 1e-6);
  close(finiteTimeExcess_J(300, 1e-9, 1e-6, 0.5), 2.0709735e-24, 1e-7, 'c = 1/2 of a binary erasure');
});

test('static-barrier optimum matches a brute-force minimisation of write + refresh energy', () => {
  // f(x) = W·x + W·x·(refreshes per write interval) with refreshes counted as τ_w/τ_ref − 1 where positive.
  for (const [w, lnR] of [[5.76e28, Math.log(17.5e-6 / 1e-18)], [1e6, Math.log(1e12)], [10, Math.log(3)], [1e3, Math.log(10)], [7, Math.log(3.9)], [7, 0.5]] as const) {
    const opt = optimalStaticBarrier(w, lnR);
    let best = Infinity;
    let bestX = NaN;
    for (let x = Math.LN2; x < 200; x += 1e-4) {
      const refreshes = Math.max(0, Math.exp(lnR) / Math.exp(x) - 1);
      const f = w * x * (1 + refreshes);
      if (f < best) {
        best = f;
        bestX = x;
      }
    }
    close(opt.energy_kT, best, 1e-4, `f* for W=${w}, R=${Math.exp(lnR)}`);
    close(staticBarrierEnergy_kT(opt.barrier_kT, w, lnR), best, 1e-4, 'energy function at x*');
    assert.ok(opt.energy_kT <= best * (1 + 1e-12), 'no grid point beats the closed form');
    assert.ok(Math.abs(opt.barrier_kT - bestX) < 2e-4, `x* ${opt.barrier_kT} vs ${bestX}`);
  }
});

test('static-barrier optimum: the hold barrier ln R, except at the Landauer edge for 2 < R < 4', () => {
  // R = 10: f(ln2) = W·ln2·5 = 3.47·W against f(ln 10) = 2.30·W: the hold barrier wins, no refresh.
  const hold = optimalStaticBarrier(1e6, Math.log(10));
  assert.equal(hold.regime, 'hold');
  assert.equal(hold.barrier_kT, Math.log(10));
  assert.equal(hold.refresh_kT, 0);
  // R = 3: f(ln2) = W·ln2·1.5 = 1.040·W against f(ln 3) = 1.099·W: refreshing a ln2 cell once per half write interval wins.
  const edge = optimalStaticBarrier(1e6, Math.log(3));
  assert.equal(edge.regime, 'landauer-edge');
  assert.equal(edge.barrier_kT, Math.LN2);
  close(edge.refresh_kT, 1e6 * Math.LN2 * 0.5, 1e-12, 'refresh part = W·ln2·(3/2 − 1)');
  // R ≤ 2: the bit holds at ln2 between writes.
  assert.equal(optimalStaticBarrier(5, Math.log(1.5)).refresh_kT, 0);
});

test('refreshes between writes by direct counting of a bit timeline', () => {
  // A bit written at 0, τ_w, 2τ_w, …; a refresh is due whenever its age reaches τ_ref. Count over 1000 writes.
  for (const ratio of [0.3, 1, 2, 5, 2.5, 7.25]) {
    const tauW = 1;
    const tauRef = tauW / ratio;
    let refreshes = 0;
    for (let write = 0; write < 1000; write++) {
      let age = tauRef;
      while (age < tauW - 1e-12) {
        refreshes++;
        age += tauRef;
      }
    }
    const perWrite = refreshes / 1000;
    const lnR = Math.log(ratio) + 2; // x = 2: τ_w/τ_ref = R·e^{−2} = ratio
    const engine = refreshesPerWrite(2, lnR);
    // The engine's smooth count τ_w/τ_ref − 1 is exact at whole ratios and a lower bound (< 1 below) otherwise.
    assert.ok(engine <= perWrite + 1e-9 && perWrite < engine + 1, `ratio ${ratio}: engine ${engine}, counted ${perWrite}`);
    if (Number.isInteger(ratio)) close(engine, perWrite, 1e-9, `whole ratio ${ratio}`);
  }
});

test('weighted straight line: exact recovery and the normal-equation variances', () => {
  // x = 0, 1, 2; y = 1 + 2x; unit weights: S = 3, Sx = 3, Sxx = 5, Δ = 6.
  const fit = fitWeightedLine([0, 1, 2], [1, 3, 5], [1, 1, 1]);
  close(fit.slope, 2, 1e-15);
  close(fit.intercept, 1, 1e-15);
  close(fit.slope_variance, 3 / 6, 1e-15);
  close(fit.intercept_variance, 5 / 6, 1e-15);
  // Weights scale the variances inversely: σ = 2 everywhere (w = 1/4) gives 4× the variance.
  close(fitWeightedLine([0, 1, 2], [1, 3, 5], [0.25, 0.25, 0.25]).slope_variance, 2, 1e-15);
  assert.ok(Number.isNaN(fitWeightedLine([1, 1], [2, 3], [1, 1]).slope), 'degenerate x');
});

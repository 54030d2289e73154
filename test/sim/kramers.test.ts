/**
 * Free retention at a fixed barrier: measured escape rates against Kramers' formula and against the exact
 * mean first-passage time (both re-derived in this file).
 *   Kramers (overdamped), U = E_b(x² − 1)²: r = √(U''(1)·|U''(0)|)/(2πγ)·e^{−E_b} = √32·E_b/(2π)·e^{−E_b}
 *     H. A. Kramers, Physica 7, 284 (1940); Hänggi, Talkner & Borkovec, RMP 62, 251 (1990).
 *   Exact: transitions are counted between the well bottoms, so r = 1/τ with
 *     τ = ∫_{−1}^{1} dy e^{U(y)} ∫_{−∞}^{y} dz e^{−U(z)}   (Gardiner, Handbook of Stochastic Methods, §5.2.7).
 * Kramers' formula itself is high by 8 % (E_b = 6) to 4 % (E_b = 10). Euler–Maruyama lowers the effective
 * barrier by ≈ 6·dt·E_b (first-order invariant-measure correction U − dt(U'²/4 − U''/2)), i.e. +1.8 % at
 * dt = 5e-4 and E_b = 6, +6 % at dt = 1e-3 and E_b = 10; checked against smaller dt in docs/validation.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../src/sim/index.js';
import { field, parallel } from './helpers.js';

function kramers(e: number): number {
  return (Math.sqrt(8 * e * 4 * e) / (2 * Math.PI)) * Math.exp(-e);
}

/** Trapezoid double integral for the exact mean first-passage time (independent of src/sim/analytic.ts). */
function exactRate(e: number): number {
  const u = (x: number) => e * (x * x - 1) ** 2;
  const lo = -2.6;
  const n = 300000;
  const h = (1 - lo) / n;
  let inner = 0;
  let tau = 0;
  let prevInner = Math.exp(-u(lo) + 0);
  let prevOuter = 0;
  for (let i = 1; i <= n; i++) {
    const y = lo + i * h;
    const ey = Math.exp(-u(y));
    inner += (h * (prevInner + ey)) / 2;
    prevInner = ey;
    const outer = y >= -1 ? Math.exp(u(y)) * inner : 0;
    if (y > -1) tau += (h * (prevOuter + outer)) / 2;
    prevOuter = outer;
  }
  return 1 / tau;
}

async function measure(e: number, dt: number, particles: number, duration: number, seed: number) {
  const r = await simulate({ protocol: 'retention', barrier_kT: e, duration_tau0: duration, bits: 1 }, { particles, seed, dt, ...parallel() });
  return { rate: field(r, 'rate_per_tau0'), stderr: field(r, 'rate_stderr_per_tau0'), events: field(r, 'transitions_total'), doc: r };
}

for (const [e, dt, particles, duration] of [
  [6, 5e-4, 200, 600],
  [8, 1e-3, 200, 1750],
  [10, 1e-3, 256, 5000],
] as const) {
  test(`Kramers rate within 15 % at E_b = ${e} kT (dt = ${dt} τ0)`, async () => {
    const m = await measure(e, dt, particles, duration, 1000 + e);
    const ratio = m.rate / kramers(e);
    assert.ok(m.events >= 400, `only ${m.events} transitions`);
    assert.ok(Math.abs(ratio - 1) < 0.15, `rate ${m.rate} ± ${m.stderr} vs Kramers ${kramers(e)} (ratio ${ratio.toFixed(3)})`);
    // Against the exact passage time: statistical error plus the Euler–Maruyama bias bound 6·dt·E_b.
    const exact = exactRate(e);
    const bias = Math.expm1(6 * dt * e);
    const allowed = 4 * m.stderr + bias * exact;
    assert.ok(Math.abs(m.rate - exact) < allowed, `rate ${m.rate} ± ${m.stderr} vs exact ${exact} (allowed ±${allowed})`);
    assert.ok(Math.abs(field(m.doc, 'kramers_rate_per_tau0') - kramers(e)) < 1e-12 * kramers(e));
    assert.ok(Math.abs(field(m.doc, 'exact_rate_per_tau0') / exact - 1) < 1e-3);
  });
}

test('four-level cell (2 bits): level changes at the exact chain rate', async () => {
  // E_b = 5 in the multi-well landscape; exact rate from end- and interior-well passage times (computed by
  // the library from its own potential; here we check the simulation reproduces it and Kramers' order).
  const r = await simulate({ protocol: 'retention', barrier_kT: 5, duration_tau0: 300, bits: 2 }, { particles: 200, seed: 77, dt: 5e-4, ...parallel() });
  const rate = field(r, 'rate_per_tau0');
  const se = field(r, 'rate_stderr_per_tau0');
  const exact = field(r, 'exact_rate_per_tau0');
  assert.ok(Math.abs(rate - exact) < 4 * se + Math.expm1(6 * 5e-4 * 5) * exact, `rate ${rate} ± ${se} vs exact ${exact}`);
  // Kramers for the landscape: per-direction escape √(4E·8E)/(2π)e^{−E}; chain average 2r(M − 1)/M = 1.5r.
  const r1 = (Math.sqrt(4 * 5 * 8 * 5) / (2 * Math.PI)) * Math.exp(-5);
  assert.ok(Math.abs(field(r, 'kramers_rate_per_tau0') - 1.5 * r1) < 1e-12);
  assert.ok(rate / (1.5 * r1) > 0.6 && rate / (1.5 * r1) < 1.1);
});

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

/**
 * Mean first-passage time from `from` to `to` with reflection at `lower`, by the trapezoid double integral
 * τ = ∫_from^to dy e^{U(y)} ∫_lower^y dz e^{−U(z)} (independent of src/sim/analytic.ts).
 */
function passageTime(u: (x: number) => number, from: number, to: number, lower: number, n = 300000): number {
  const h = (to - lower) / n;
  let inner = 0;
  let tau = 0;
  let prevInner = Math.exp(-u(lower));
  let prevOuter = 0;
  for (let i = 1; i <= n; i++) {
    const y = lower + i * h;
    const ey = Math.exp(-u(y));
    inner += (h * (prevInner + ey)) / 2;
    prevInner = ey;
    const outer = y >= from ? Math.exp(u(y)) * inner : 0;
    if (y > from) tau += (h * (prevOuter + outer)) / 2;
    prevOuter = outer;
  }
  return tau;
}

/** Transitions are counted between the well bottoms ±1, so the exact rate is 1/τ(−1 → +1). */
function exactRate(e: number): number {
  return 1 / passageTime((x) => e * (x * x - 1) ** 2, -1, 1, -2.6);
}

/**
 * The 2-bit cell as MODEL.md describes it: wells of width 2 centred at −3, −1, 1, 3, barrier profile
 * E·u²(2 − u²) in each (u the offset from the well centre), walls 8·(|x| − 4)² outside [−4, 4].
 */
function fourWell(e: number): (x: number) => number {
  return (x) => {
    if (x < -4) return e + 8 * (x + 4) ** 2;
    if (x > 4) return e + 8 * (x - 4) ** 2;
    const u = x - (2 * Math.min(3, Math.floor((x + 4) / 2)) - 3);
    return e * u * u * (2 - u * u);
  };
}

/**
 * Level changes per unit time, counted on reaching a neighbouring well centre. End well: passage −3 → −1
 * with reflection far in the wall; interior well (symmetric): exit time = passage −1 → +1 reflecting at −1.
 * In equilibrium the jump chain visits wells ∝ their number of neighbours (1, 2, 2, 1), so the rate is
 * Σ degrees / Σ degree·τ = 6 / (2·τ_end + 4·τ_interior).
 */
function exactFourWellRate(e: number): number {
  const u = fourWell(e);
  const end = passageTime(u, -3, -1, -4 - Math.sqrt(60 / 8));
  const interior = passageTime(u, -1, 1, -1);
  return 6 / (2 * end + 4 * interior);
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
  // E_b = 5 in the multi-well landscape; the exact rate from end- and interior-well passage times computed here.
  const r = await simulate({ protocol: 'retention', barrier_kT: 5, duration_tau0: 300, bits: 2 }, { particles: 200, seed: 77, dt: 5e-4, ...parallel() });
  const rate = field(r, 'rate_per_tau0');
  const se = field(r, 'rate_stderr_per_tau0');
  const exact = exactFourWellRate(5);
  assert.ok(Math.abs(rate - exact) < 4 * se + Math.expm1(6 * 5e-4 * 5) * exact, `rate ${rate} ± ${se} vs exact ${exact}`);
  assert.ok(Math.abs(field(r, 'exact_rate_per_tau0') / exact - 1) < 1e-3, `library ${field(r, 'exact_rate_per_tau0')} vs ${exact}`);
  // Kramers for the landscape: per-direction escape √(4E·8E)/(2π)e^{−E}; chain average 2r(M − 1)/M = 1.5r.
  const r1 = (Math.sqrt(4 * 5 * 8 * 5) / (2 * Math.PI)) * Math.exp(-5);
  assert.ok(Math.abs(field(r, 'kramers_rate_per_tau0') - 1.5 * r1) < 1e-12);
  assert.ok(rate / (1.5 * r1) > 0.6 && rate / (1.5 * r1) < 1.1);
});

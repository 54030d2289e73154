/**
 * Landauer erasure in the quartic double well E_s(x² − s)² − f·x (lower, tilt, raise, untilt; E_s = 12 kT,
 * f = 3 kT/a) against the generalised Landauer bound ⟨W⟩ ≥ kT(ln 2 − H(p_fail)), H the binary entropy
 * (Landauer 1961; MODEL.md §2.1), and the finite-time law: excess ∝ 1/t (Proesmans, Ehrich & Bechhoefer,
 * PRL 125, 100602 (2020)). dt = 5e-4 τ0 (|U''|max·dt = 0.052); halving or doubling dt moves ⟨W⟩ by less than
 * its standard error (docs/validation.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../src/sim/index.js';
import { fitPowerLaw } from '../../src/sim/observables.js';
import { field, parallel } from './helpers.js';

function bound(p: number): number {
  const h = p > 0 && p < 1 ? -p * Math.log(p) - (1 - p) * Math.log(1 - p) : 0;
  return Math.log(2) - h;
}

const points = [
  { duration: 10, particles: 2000 },
  { duration: 20, particles: 2000 },
  { duration: 40, particles: 3000 },
  { duration: 80, particles: 4000 },
  { duration: 160, particles: 4000 },
];

test('erasure: never below the generalised Landauer bound, within 10 % of it when slow, excess ∝ 1/t', async () => {
  const rows = [];
  for (const [i, point] of points.entries()) {
    const r = await simulate(
      { protocol: 'erase', barrier_kT: 12, tilt_kT_per_a: 3, duration_tau0: point.duration },
      { particles: point.particles, seed: 31 + i, dt: 5e-4, ...parallel() },
    );
    const w = field(r, 'mean_work_kT');
    const p = field(r, 'p_fail');
    const b = bound(p);
    const se = field(r, 'excess_stderr_kT');
    assert.ok(Math.abs(field(r, 'landauer_bound_kT') - b) < 1e-12);
    assert.ok(p < 0.1, `p_fail ${p} at t = ${point.duration}`);
    assert.ok(w >= b - 3 * se, `t = ${point.duration}: ⟨W⟩ = ${w} is more than 3 standard errors (${se}) below the bound ${b}`);
    rows.push({ duration: point.duration, excess: w - b, se, w, b });
  }
  const slow = rows[rows.length - 1];
  assert.ok(Math.abs(slow.w - slow.b) <= 0.1 * slow.b, `slow erasure: ⟨W⟩ = ${slow.w} vs bound ${slow.b}`);
  const fit = fitPowerLaw(
    rows.map((r) => r.duration),
    rows.map((r) => r.excess),
    rows.map((r) => r.se),
  );
  assert.equal(fit.points, rows.length);
  assert.ok(Math.abs(fit.exponent + 1) <= 0.2, `excess ∝ t^${fit.exponent} ± ${fit.exponentStderr}; rows ${JSON.stringify(rows)}`);
});

/**
 * Writing a memory cell (MODEL.md §2.3 and §2.6). Static barrier: a piston pushes the state over a barrier
 * that stays at E_b; the energy lifted to the top is released on the far side, so ⟨W⟩ ≈ E_b per barrier.
 * LIM: lower the barrier, capture at the target, raise along E_b(t) = kT·ln(1 + t/τ0), release; it pays
 * about the Landauer floor kT·ln 2 plus a finite-time excess. Both end with the same barrier (same
 * retention time) and the state in the target well; ΔF between the two stored states is 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../src/sim/index.js';
import { field, parallel } from './helpers.js';

test('static-barrier write dissipates about E_b (within 20 %) at E_b = 20 kT and 40 kT', async () => {
  for (const barrier of [20, 40]) {
    const r = await simulate(
      { protocol: 'write', memory: 'static', barrier_kT: barrier, duration_tau0: 2, bits: 1, from_level: 0, to_level: 1 },
      { particles: 300, seed: 900 + barrier, ...parallel() },
    );
    const dissipated = field(r, 'dissipated_work_kT');
    assert.ok(Math.abs(field(r, 'delta_F_kT')) < 1e-9, 'the two stored states have the same free energy');
    assert.ok(Math.abs(dissipated - barrier) <= 0.2 * barrier, `E_b = ${barrier}: dissipated ${dissipated} ± ${field(r, 'dissipated_stderr_kT')}`);
    assert.ok(field(r, 'p_fail') < 0.02, `p_fail ${field(r, 'p_fail')}`);
    // First law: all of it leaves as heat (the state ends where it would rest).
    assert.ok(Math.abs(field(r, 'mean_heat_kT') - dissipated) < 0.05 * barrier);
  }
});

test('static write across three barriers of a 2-bit cell costs about 3·E_b', async () => {
  const r = await simulate(
    { protocol: 'write', memory: 'static', barrier_kT: 10, duration_tau0: 4, bits: 2, from_level: 0, to_level: 3 },
    { particles: 200, seed: 4242, ...parallel() },
  );
  assert.ok(Math.abs(field(r, 'dissipated_work_kT') - 30) <= 0.2 * 30, `dissipated ${field(r, 'dissipated_work_kT')}`);
  assert.equal(field(r, 'barriers_crossed'), 3);
});

test('LIM matched write dissipates less than a static write at the same retention barrier (6 kT)', async () => {
  const barrier = 6;
  const staticWrite = await simulate(
    { protocol: 'write', memory: 'static', barrier_kT: barrier, duration_tau0: 2, bits: 1, from_level: 0, to_level: 1 },
    { particles: 400, seed: 61, ...parallel() },
  );
  const limWrite = await simulate(
    { protocol: 'write', memory: 'lim', barrier_kT: barrier, duration_tau0: 60, bits: 1, from_level: 0, to_level: 1 },
    { particles: 400, seed: 62, dt: 1e-3, ...parallel() },
  );
  const ws = field(staticWrite, 'dissipated_work_kT');
  const wl = field(limWrite, 'dissipated_work_kT');
  const se = Math.hypot(field(staticWrite, 'dissipated_stderr_kT'), field(limWrite, 'dissipated_stderr_kT'));
  assert.ok(ws - wl > 5 * se, `static ${ws} vs LIM ${wl} (±${se})`);
  // Same retention: both end with barrier 6 kT (matched ramp of e^6 − 1 τ0) and the state in the target well.
  assert.equal(field(limWrite, 'retention_barrier_kT'), field(staticWrite, 'retention_barrier_kT'));
  assert.ok(Math.abs(field(limWrite, 'ramp_duration_tau0') - Math.expm1(barrier)) < 1e-9);
  assert.ok(field(limWrite, 'p_fail') < 0.05 && field(staticWrite, 'p_fail') < 0.05);
  // LIM pays at least about the Landauer floor ln 2 (the old value is forgotten when the barrier drops).
  assert.ok(wl > Math.log(2) - 4 * field(limWrite, 'dissipated_stderr_kT'));
});

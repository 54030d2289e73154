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

/**
 * Reference work of a static write that crosses `crossed` barriers with the piston at constant speed v:
 * each barrier costs E_b (lifted to the top, released as heat on the far side) plus the viscous drag γ·v
 * over the 1 a the piston pushes the state uphill to each barrier top, so W_ref = n·(E_b + γ·v·a).
 * Thermal activation lets the state hop the last stretch of each barrier, saving up to about 1 kT per
 * barrier at these speeds (much more for slow pushes, when W drops below n·E_b). The piston runs from the
 * source cell's edge to PISTON_OVERSHOOT_A (¼ a) past the last barrier top: distance 2n + ¼ a.
 */
function staticWriteReference(barrier: number, crossed: number, duration: number): { reference: number; speed: number } {
  const speed = (2 * crossed + 0.25) / duration;
  return { reference: crossed * (barrier + speed), speed };
}

test('static-barrier write dissipates E_b + γ·v·a (less ≤ 1 kT of thermal help) at E_b = 20 kT and 40 kT', async () => {
  for (const barrier of [20, 40]) {
    const r = await simulate(
      { protocol: 'write', memory: 'static', barrier_kT: barrier, duration_tau0: 2, bits: 1, from_level: 0, to_level: 1 },
      { particles: 300, seed: 900 + barrier, ...parallel() },
    );
    const dissipated = field(r, 'dissipated_work_kT');
    assert.ok(Math.abs(field(r, 'delta_F_kT')) < 1e-9, 'the two stored states have the same free energy');
    const { reference } = staticWriteReference(barrier, 1, 2);
    const se = field(r, 'dissipated_stderr_kT');
    assert.ok(dissipated >= reference - 1 - 4 * se && dissipated <= reference + 4 * se, `E_b = ${barrier}: dissipated ${dissipated} ± ${se}, reference ${reference}`);
    assert.ok(field(r, 'p_fail') < 0.02, `p_fail ${field(r, 'p_fail')}`);
    // First law: all of it leaves as heat (the state ends where it would rest).
    assert.ok(Math.abs(field(r, 'mean_heat_kT') - dissipated) < 4 * se + 0.2, `heat ${field(r, 'mean_heat_kT')} vs work ${dissipated}`);
  }
});

test('static write across three barriers of a 2-bit cell: 3·E_b plus the drag of a 1.56 a/τ0 piston', async () => {
  // 3·E_b = 30 kT is the quasi-static cost; the piston covers 6.25 a in 4 τ0 (v = 1.5625 a/τ0) and pushes the
  // state uphill 3 a, adding 3·γ·v·a = 4.69 kT: the measured ≈ 35 kT. It is no bound: pushed 4× slower the
  // same write costs less than 30 kT, because the state hops the last part of each barrier thermally.
  const r = await simulate(
    { protocol: 'write', memory: 'static', barrier_kT: 10, duration_tau0: 4, bits: 2, from_level: 0, to_level: 3 },
    { particles: 200, seed: 4242, ...parallel() },
  );
  const { reference, speed } = staticWriteReference(10, 3, 4);
  assert.equal(speed, 1.5625);
  assert.equal(reference, 34.6875);
  const dissipated = field(r, 'dissipated_work_kT');
  const se = field(r, 'dissipated_stderr_kT');
  assert.ok(dissipated >= reference - 3 - 4 * se && dissipated <= reference + 4 * se, `dissipated ${dissipated} ± ${se}, reference ${reference}`);
  assert.equal(field(r, 'barriers_crossed'), 3);
  assert.equal(field(r, 'static_reference_kT'), 30);
  assert.ok(field(r, 'p_fail') < 0.02);
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

/** Protocol set-up and the kernel's safety checks: the stable-step bound, schedules, divergence, run size. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHUNK_STEPS, runBlock } from '../../src/sim/engine.js';
import { runEnsemble } from '../../src/sim/parallel.js';
import { CONTROL_CHANNELS } from '../../src/sim/potentials.js';
import { buildProtocol, defaultTimeStep, matchedBarrier, maxCurvatureOf, type EraseSpec } from '../../src/sim/protocols.js';
import { InputError } from '../../src/util/errors.js';

/**
 * Largest |U''| at the stationary points (well bottoms and barrier tops) of U = a4x⁴ + a2x² + a1x + a0 over
 * every step of the protocol, by a dense grid search for sign changes of U' refined by bisection.
 */
function gridMaxCurvature(spec: EraseSpec): number {
  const dt = defaultTimeStep(spec);
  const protocol = buildProtocol({ ...spec, duration_tau0: 4 * 150 * dt }, dt);
  const c = new Float64Array(CONTROL_CHANNELS);
  let worst = 0;
  for (let step = 0; step <= protocol.steps; step++) {
    protocol.controlsAt(step, c, 0);
    const slope = (x: number) => (4 * c[0] * x * x + 2 * c[1]) * x + c[2];
    const lo = -6;
    const points = 6001;
    const h = 12 / (points - 1);
    for (let i = 0; i < points - 1; i++) {
      let a = lo + i * h;
      let b = a + h;
      if (slope(a) * slope(b) > 0) continue;
      for (let k = 0; k < 60; k++) {
        const m = 0.5 * (a + b);
        if (slope(a) * slope(m) <= 0) b = m;
        else a = m;
      }
      const x = 0.5 * (a + b);
      worst = Math.max(worst, Math.abs(12 * c[0] * x * x + 2 * c[1]));
    }
  }
  return worst;
}

test('erase: the |U″| bound covers the whole protocol (grid search) and is attained, tilt included', () => {
  for (const [barrier, tilt] of [
    [1, 3],
    [1, 100],
    [12, 3],
    [8, 8],
    [60, 0.5],
  ] as const) {
    const spec: EraseSpec = { protocol: 'erase', barrier_kT: barrier, tilt_kT_per_a: tilt, duration_tau0: 1 };
    const bound = maxCurvatureOf(spec);
    const grid = gridMaxCurvature(spec);
    assert.ok(grid <= bound * (1 + 1e-9), `E = ${barrier}, f = ${tilt}: grid ${grid} > bound ${bound}`);
    assert.ok(bound <= grid * (1 + 1e-6), `E = ${barrier}, f = ${tilt}: bound ${bound} is not attained (grid ${grid})`);
  }
  // The reviewer's values: 8·E_b alone would be 8 at E = 1.
  assert.ok(Math.abs(maxCurvatureOf({ protocol: 'erase', barrier_kT: 1, tilt_kT_per_a: 3, duration_tau0: 1 }) - 15.13) < 0.01);
  assert.ok(Math.abs(maxCurvatureOf({ protocol: 'erase', barrier_kT: 1, tilt_kT_per_a: 100, duration_tau0: 1 }) - 106.8) < 0.1);
  // ... so the step that diverged before is now refused up front.
  assert.throws(
    () => buildProtocol({ protocol: 'erase', barrier_kT: 1, tilt_kT_per_a: 100, duration_tau0: 40 }, 0.1),
    (err: unknown) => err instanceof InputError && err.field === 'dt' && /must be < 0\.0094 /.test(err.message),
  );
});

test('matched barrier ramp: e^{E(τ)} is linear in τ, from e0 to e1 exactly (LIM write and consolidation share it)', () => {
  for (const [e0, e1] of [
    [0, 6],
    [2, 9],
  ]) {
    assert.equal(matchedBarrier(e0, e1, 0), e0);
    assert.equal(matchedBarrier(e0, e1, 1), e1);
    for (const tau of [0.1, 0.5, 0.9]) {
      assert.ok(Math.abs(Math.exp(matchedBarrier(e0, e1, tau)) - (Math.exp(e0) + tau * (Math.exp(e1) - Math.exp(e0)))) < 1e-12 * Math.exp(e1));
    }
  }
  // The consolidation ramp's barrier channel follows it.
  const dt = 1e-3;
  const consolidate = buildProtocol({ protocol: 'consolidate', barrier_kT: 6, start_barrier_kT: 2, duration_tau0: 4, bits: 1, level: 1 }, dt);
  const c = new Float64Array(CONTROL_CHANNELS);
  consolidate.controlsAt(1000, c, 0);
  assert.ok(Math.abs(c[0] - matchedBarrier(2, 6, 0.25)) < 1e-15);
});

test('a diverging trajectory stops the run after its chunk with an InputError on dt that names a smaller step', () => {
  // A trap at k = 1 with dt = 3 (the stability check bypassed): x ← −2x + noise overflows within one chunk.
  const built = buildProtocol({ protocol: 'trap', schedule: 'linear', stiffness_kT_per_a2: 1, distance_a: 1, duration_tau0: 10 * CHUNK_STEPS * 0.5 }, 0.5);
  const unstable = { ...built, dt: 3 };
  let chunks = 0;
  assert.throws(
    () => runBlock(unstable, 1, 0, 4, () => chunks++),
    (err: unknown) => err instanceof InputError && err.field === 'dt' && /diverged at dt = 3 τ0 \(particle 0, by t = 6144 τ0\).*--dt 0\.001$/.test(err.message),
  );
  assert.equal(chunks, 0, 'the divergence must be caught in the first chunk, not after the whole block');
});

test('runs beyond 1e12 particle-steps are refused before they start, naming the fields and the limit', async () => {
  await assert.rejects(
    () => runEnsemble({ spec: { protocol: 'trap', schedule: 'linear', stiffness_kT_per_a2: 1, distance_a: 1, duration_tau0: 1 }, dt: 1e-9, particles: 2000, seed: 1 }, { threads: 1 }),
    (err: unknown) =>
      err instanceof InputError && err.field === 'particles' && /2000 particles × 1e9 steps .*= 2e12 particle-steps exceeds the limit of 1e12.*--dt/.test(err.message),
  );
});

test('phase lengths: a too-short duration is reported as the user gave it, with the minimum', () => {
  const check = (run: () => unknown, pattern: RegExp) =>
    assert.throws(run, (err: unknown) => err instanceof InputError && err.field === 'duration' && pattern.test(err.message));
  check(
    () => buildProtocol({ protocol: 'erase', barrier_kT: 12, tilt_kT_per_a: 3, duration_tau0: 1e-4 }, 2e-4),
    /shorter than one time step per phase \(4 phases\) at dt = 0\.0002 τ0: got 0\.0001 τ0, needs ≥ 0\.0008 τ0/,
  );
  check(
    () => buildProtocol({ protocol: 'write', memory: 'lim', barrier_kT: 2, duration_tau0: 1e-3, bits: 1, from_level: 0, to_level: 1 }, 1e-3),
    /per phase \(3 phases\) at dt = 0\.001 τ0: got 0\.001 τ0, needs ≥ 0\.003 τ0/,
  );
});

/**
 * The simulator when the barrier moves, against equilibrium statistical mechanics done here by quadrature
 * of the landscape written out independently of src/sim: U(x) = E_b·g(x) + k_w·(|x| − M)² outside [−M, M]
 * + ½k(x − λ)², with g = u²(2 − u²) in each cell (u the offset from the cell centre), k_w = 8 kT/a².
 * One bit (M = 2 wells, centres ∓1), the state held at level 1 (λ = +1). Units kT = γ = a = τ0 = 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEnsemble } from '../../src/sim/parallel.js';
import { defaultTimeStep, type ConsolidateSpec } from '../../src/sim/protocols.js';
import { simulate } from '../../src/sim/index.js';
import { field } from './helpers.js';

const M = 2;
const CENTRE = 1;
function profile(x: number): number {
  const y = x + M;
  if (y < 0 || y > 2 * M) return 1;
  const j = Math.min(M - 1, Math.floor(y / 2));
  const u = y - 2 * j - 1;
  return u * u * (2 - u * u);
}
const wall = (x: number) => {
  const d = Math.max(0, Math.abs(x) - M);
  return 8 * d * d;
};
const energy = (barrier: number, trap: number) => (x: number) => barrier * profile(x) + wall(x) + 0.5 * trap * (x - CENTRE) ** 2;

/** ∫ w(x)·e^{−U(x)} dx over [lo, hi] by Simpson's rule (w = 1: the partition function). */
function integrate(u: (x: number) => number, lo: number, hi: number, w: (x: number) => number = () => 1, n = 100000): number {
  const h = (hi - lo) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + i * h;
    s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * w(x) * Math.exp(-u(x));
  }
  return (s * h) / 3;
}
const freeEnergy = (u: (x: number) => number, lo = -8, hi = 8) => -Math.log(integrate(u, lo, hi));

const spec = (o: Partial<ConsolidateSpec>): ConsolidateSpec => ({ protocol: 'consolidate', barrier_kT: 2, start_barrier_kT: 0, duration_tau0: 0.5, bits: 1, level: 1, ...o });

async function works(s: ConsolidateSpec, particles: number, seed: number): Promise<Float64Array> {
  return (await runEnsemble({ spec: s, dt: defaultTimeStep(s), particles, seed }, { threads: 1 })).work;
}

test('sudden barrier change and release: ⟨W⟩ = ⟨U_end − U_start⟩ over the starting equilibrium', async () => {
  // Barrier 0 → 2 kT and trap 4 → 0 in two time steps each: the state has no time to move, so the work is the energy change.
  const start = energy(0, 4);
  const change = (x: number) => energy(2, 0)(x) - start(x);
  const expected = integrate(start, -8, 8, change) / integrate(start, -8, 8);
  const w = await works(spec({ head_stiffness_kT_per_a2: 4, duration_tau0: 1e-3, release_duration_tau0: 1e-3 }), 4000, 11);
  let mean = 0;
  for (const v of w) mean += v / w.length;
  let varSum = 0;
  for (const v of w) varSum += (v - mean) ** 2;
  const stderr = Math.sqrt(varSum / (w.length - 1) / w.length);
  assert.ok(Math.abs(mean - expected) <= 4 * stderr + 0.01, `⟨W⟩ ${mean} ± ${stderr} vs ⟨ΔU⟩ ${expected}`);
  // The barrier part alone is positive (raising a barrier under the state costs work) and the release negative.
  assert.ok(integrate(start, -8, 8, (x) => 2 * profile(x)) > 0 && expected < integrate(start, -8, 8, (x) => 2 * profile(x)) / integrate(start, -8, 8));
});

test('Jarzynski on a barrier ramp in the multi-well landscape: −ln⟨e^{−W}⟩ = ΔF by quadrature', async () => {
  // Ramp the barrier 0 → 2 kT with the state in a trap k = 4 at level 1, then release the trap. Starting in
  // full equilibrium, ⟨e^{−W}⟩ = Z_end/Z_start whatever the speed (C. Jarzynski, PRL 78, 2690 (1997)).
  const deltaF = freeEnergy(energy(2, 0)) - freeEnergy(energy(0, 4));
  const w = await works(spec({ head_stiffness_kT_per_a2: 4, duration_tau0: 0.5, release_duration_tau0: 1 }), 4000, 7);
  let mean = 0;
  for (const v of w) mean += Math.exp(-v) / w.length;
  let varSum = 0;
  for (const v of w) varSum += (Math.exp(-v) - mean) ** 2;
  const stderr = Math.sqrt(varSum / (w.length - 1) / w.length) / mean; // delta method for −ln of the mean
  const estimate = -Math.log(mean);
  assert.ok(Math.abs(estimate - deltaF) <= 3 * stderr, `Jarzynski ${estimate} ± ${stderr} vs ΔF ${deltaF}`);
  // ΔF by hand: the released state spreads over both wells, so ΔF < 0 although the barrier rose.
  assert.ok(deltaF < -0.4 && deltaF > -0.6, `ΔF ${deltaF}`);
});

test('consolidate: W ≥ ΔF at every speed and W → ΔF in the slow limit (ΔF by quadrature)', async () => {
  // Barrier 0 → 6 kT under the default trap (16 kT/a²) at level 1, then the trap released over twice the ramp
  // time. The state ends held in cell [0, 2]: ΔF = F_cell(E_b = 6) − F(E_b = 0, trap on).
  const deltaF = freeEnergy(energy(6, 0), 0, 2) - freeEnergy(energy(0, 16));
  const run = (duration: number, seed: number) =>
    simulate(spec({ barrier_kT: 6, duration_tau0: duration, release_duration_tau0: 2 * duration }), { particles: 600, seed, threads: 1 });
  const fast = await run(0.5, 3);
  const slow = await run(4, 4);
  assert.ok(Math.abs(field(fast, 'delta_F_kT') - deltaF) < 1e-6, `the simulator's ΔF ${field(fast, 'delta_F_kT')} vs ${deltaF}`);
  const excessFast = field(fast, 'mean_work_kT') - deltaF;
  const excessSlow = field(slow, 'mean_work_kT') - deltaF;
  const sf = field(fast, 'stderr_work_kT');
  const ss = field(slow, 'stderr_work_kT');
  assert.ok(excessFast > 3 * sf, `a 0.5 τ0 ramp costs more than ΔF: excess ${excessFast} ± ${sf}`);
  assert.ok(excessSlow > -3 * ss, `second law: excess ${excessSlow} ± ${ss}`);
  // The excess falls as 1/t: at 8× the time it is an eighth of the fast one, up to the noise.
  assert.ok(Math.abs(excessSlow - excessFast / 8) <= 3 * Math.hypot(ss, sf / 8), `slow excess ${excessSlow} vs ${excessFast / 8}`);
  assert.ok(field(slow, 'p_fail') < 0.05);
});

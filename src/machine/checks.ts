/**
 * The machine's exact checks, shared by the tests (test/machine) and docs/validation.md
 * (scripts/validation.ts). Each returns the measured value with its standard error and the exact reference.
 */
import { simulate } from '../sim/simulate.js';
import { buildIsing } from '../solvers/ising/problem.js';
import { RandomStream } from '../sim/rng.js';
import { enumerateGroundStates, fieldRampMeanWork, timeAverageVariance, twoCellMoments, qpMinimiser } from './analytic.js';
import { fromBoxQP, fromIsing, type MachineProblem } from './problem.js';
import { cellBarrier, cellShape, type Controls, type ProtocolSpec } from './protocol.js';
import { runMachine } from './run.js';
import { isingSchedule, qpProtocol, type MemorySchedule } from './schedules.js';
import { landauerCostKT, meanSE, summarizeWork } from './summary.js';
import { ISING_OPTION_DEFAULTS } from './solve.js';
import { generateBoxQP } from '../solvers/qp/generate.js';

/** A random SPD QP of n variables (the `solve generate-qp` generator). */
export function checkQP(n: number, seed: number): MachineProblem {
  return fromBoxQP(generateBoxQP(n, { seed }));
}

export interface Measured {
  measured: number;
  stderr: number;
  exact: number;
  replicas: number;
}

/** Check 1: mean work of the field ramp against the closed form; also returns ΔF and the 1/t_f coefficient. */
export async function fieldRampCheck(p: MachineProblem, duration: number, replicas: number, seed: number, dt: number, threads: number) {
  const ref = fieldRampMeanWork(p, duration);
  const spec = qpProtocol({ protocol: 'field-ramp', duration_tau0: duration, readout_tau0: 0.1 * duration, reset_tau0: 0.1 * duration });
  const run = await runMachine({ problem: p, spec, step: { dt }, replicas, seed }, { threads });
  const w = summarizeWork(run);
  return { measured: w.mean_work_kT, stderr: w.stderr_work_kT, exact: ref.meanWork, replicas, deltaF: ref.deltaF, excessCoefficient: ref.excessCoefficient, cycle: w.cycle_work_kT, cycleStderr: w.cycle_work_stderr_kT };
}

/** Check 2: variance of the time average over a window after equilibration (summed over cells) against the exact OU result. */
export async function timeAverageCheck(p: MachineProblem, window: number, replicas: number, seed: number, dt: number, threads: number): Promise<Measured & { error: number }> {
  const spec = qpProtocol({ protocol: 'equilibrium', duration_tau0: window, readout_tau0: window });
  const run = await runMachine({ problem: p, spec, step: { dt }, replicas, seed }, { threads });
  const xStar = qpMinimiser(p);
  const exact = timeAverageVariance(p, window).reduce((a, b) => a + b, 0);
  let total = 0;
  let maxErr = 0;
  const perReplica = run.results.map((r) => {
    let s = 0;
    for (let i = 0; i < p.n; i++) {
      const d = r.meanX[i] - xStar[i];
      s += d * d;
      maxErr = Math.max(maxErr, Math.abs(d));
    }
    return s;
  });
  for (const s of perReplica) total += s;
  const m = meanSE(perReplica);
  return { measured: total / replicas, stderr: m.stderr, exact, replicas, error: maxErr };
}

/** Check 3: two coupled bistable cells with fixed controls (between walls at ±wall, if given); ⟨x₁x₂⟩ and ⟨x₁²⟩ against quadrature. */
export async function twoCellCheck(barrier: number, coupling: number, duration: number, replicas: number, seed: number, dt: number, threads: number, wall?: number) {
  const ising = buildIsing(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(-coupling), new Float64Array(2));
  const p = fromIsing(ising);
  const cell = cellBarrier(barrier);
  const c: Controls = [cell[0], cell[1], cell[2], 1, 1];
  const spec: ProtocolSpec = { times: [0, duration], controls: [c, c], phases: [{ name: 'hold', end_tau0: duration, readout: true }], initial: 'wells', warmup_tau0: 5, wall };
  const run = await runMachine({ problem: p, spec, step: { dt }, replicas, seed }, { threads });
  // E_problem = K·x₁x₂ (K holds both triangles: ½·xᵀKx = K₁₂·x₁x₂).
  const x1x2 = meanSE(run.results.map((r) => r.meanProblemEnergy / coupling));
  const x1sq = meanSE(run.results.map((r) => r.meanSquares / 2));
  const exact = twoCellMoments(barrier, coupling, 0, 1201, 3, wall ?? Infinity);
  return { x1x2: { measured: x1x2.mean, stderr: x1x2.stderr, exact: exact.x1x2, replicas }, x1sq: { measured: x1sq.mean, stderr: x1sq.stderr, exact: exact.x1sq, replicas } };
}

/**
 * Check 4: one cell, no coupling, the simulator's erase protocol (E_s·(x² − s)² − f·x: lower, tilt, raise,
 * untilt) run by the machine (field g = 1 with μ = −f) and by the simulator, different seeds.
 */
export async function eraseCheck(barrier: number, tilt: number, duration: number, replicas: number, dt: number, threads: number) {
  const p: MachineProblem = { n: 1, rowPtr: Int32Array.of(0, 0), col: new Int32Array(0), val: new Float64Array(0), diag: new Float64Array(1), field: Float64Array.of(1) };
  const q = duration / 4;
  const k = (s: number, f: number): Controls => {
    const c = cellShape(barrier, s);
    return [c[0], c[1], c[2], 0, -f];
  };
  const spec: ProtocolSpec = {
    times: [0, q, 2 * q, 3 * q, 4 * q],
    controls: [k(1, 0), k(0, 0), k(0, -tilt), k(1, -tilt), k(1, 0)],
    phases: [{ name: 'erase', end_tau0: duration }],
    initial: 'wells',
    warmup_tau0: 2,
  };
  const run = await runMachine({ problem: p, spec, step: { dt }, replicas, seed: 11 }, { threads });
  const w = summarizeWork(run);
  const sim = await simulate({ protocol: 'erase', barrier_kT: barrier, tilt_kT_per_a: tilt, duration_tau0: duration }, { particles: replicas, seed: 12, dt, threads });
  const left = run.results.filter((r) => r.signs[0] < 0).length / run.results.length;
  return {
    machine: { measured: w.mean_work_kT, stderr: w.stderr_work_kT },
    simulator: { measured: Number(sim.mean_work_kT), stderr: Number(sim.stderr_work_kT) },
    machineFailure: 1 - left,
    simulatorFailure: Number(sim.failure_probability ?? NaN),
  };
}

/** A random ±1 Sherrington–Kirkpatrick instance on n cells (complete graph), for enumeration. */
export function smallIsing(n: number, seed: number) {
  const rng = new RandomStream(seed, 0);
  const i: number[] = [], j: number[] = [], w: number[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    i.push(a);
    j.push(b);
    w.push(rng.int32() < 0 ? -1 : 1);
  }
  return buildIsing(n, Int32Array.from(i), Int32Array.from(j), Float64Array.from(w), new Float64Array(n));
}

/**
 * Check 5: lim anneals of a small Ising problem; ground-state probability and cycle work against Landauer.
 * The cells run between the machine's default walls (undefined: none).
 */
export async function smallIsingCheck(n: number, seed: number, anneal: number, replicas: number, threads: number, memory: MemorySchedule = 'lim', retention = 20, lambdaMax = 8, wall: number | undefined = ISING_OPTION_DEFAULTS.wall) {
  const ising = smallIsing(n, seed);
  const p = fromIsing(ising);
  const ground = enumerateGroundStates(p);
  const rms = Math.sqrt(n - 1);
  const spec = isingSchedule({ memory, anneal_tau0: anneal, lambda_max: lambdaMax / rms, lambda_start: 0.1 / rms, retention_barrier_kT: retention, low_barrier_kT: 1, consolidate_tau0: 5, hold_tau0: 1, reset_tau0: 4, warmup_tau0: 1, wall });
  const run = await runMachine({ problem: p, spec, step: { ratio: 0.05, maxDt: 0.05 }, replicas, seed }, { threads });
  const w = summarizeWork(run);
  let hits = 0;
  for (const r of run.results) {
    let e = 0;
    for (let a = 0; a < n; a++) {
      let f = 0;
      for (let k = p.rowPtr[a]; k < p.rowPtr[a + 1]; k++) f += p.val[k] * r.signs[p.col[k]];
      e += 0.5 * r.signs[a] * f;
    }
    if (Math.abs(e - ground.energy) < 1e-9) hits++;
  }
  return { groundProbability: hits / replicas, time_tau_D: run.results[0].readoutEnd_tau0, cycle: w.cycle_work_kT, cycleStderr: w.cycle_work_stderr_kT, landauer: landauerCostKT(p, ground.degeneracy), degeneracy: ground.degeneracy, secondLaw: w.second_law_holds, work: w };
}

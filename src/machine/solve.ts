/**
 * The machine's two modes end to end: build the protocol, run the replicas, summarise. Used by the CLI,
 * the validation script and the benchmark table.
 */
import { lanczosExtremes } from '../solvers/qp/linalg.js';
import type { IsingProblem, MaxCutProblem } from '../solvers/ising/problem.js';
import { InputError, requireNumber } from '../util/errors.js';
import { fromIsing, maxRowAbs, rmsRowNorm, type MachineProblem } from './problem.js';
import { buildPhases, type StepOptions } from './protocol.js';
import { runMachine, type MachineRun } from './run.js';
import { isingSchedule, qpProtocol, scheduleFromJson, type MemorySchedule, type QPProtocol } from './schedules.js';
import { clean, isingReadout, joules, landauerCostKT, meanSE, pricedRows, summarizeWork, type Units } from './summary.js';
import { symmetricEigen } from './analytic.js';
import { denseK } from './problem.js';

export interface MachineOptions {
  replicas: number;
  seed: number;
  threads: number;
  dt?: number;
  duration_tau0?: number;
  units: Units;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  source?: string;
  /** Called with the run's size before any replica starts (the CLI refuses a run above --max-work there). */
  checkWork?: (work: MachineWork) => void;
}

/** Size of a run before it starts, in the budget's unit (coupling-updates: steps × (2·couplings + 8·cells)). */
export interface MachineWork {
  replicas: number;
  /** Time steps per replica, the warm-up included. */
  steps: number;
  /** Coupling-updates per time step of one replica. */
  per_step: number;
  /** replicas × steps × per_step. */
  coupling_updates: number;
}

/** Coupling-updates of one time step: one per coupling visited plus eight per cell for its own update. */
export function updatesPerStep(p: MachineProblem): number {
  return p.rowPtr[p.n] + 8 * p.n;
}

/** The size of running `spec` on `p` with `replicas` replicas (the steps as the kernel will take them). */
export function machineWork(p: MachineProblem, spec: import('./protocol.js').ProtocolSpec, step: StepOptions, replicas: number): MachineWork {
  let fieldMax = 0;
  for (const v of p.field) fieldMax = Math.max(fieldMax, Math.abs(v));
  const steps = buildPhases(spec, maxRowAbs(p), fieldMax, step).steps;
  const per_step = updatesPerStep(p);
  return { replicas, steps, per_step, coupling_updates: replicas * steps * per_step };
}

/** Automatic step of the QP mode: the simulator's 0.02/|H″|max. */
export const QP_DT_RATIO = 0.02;
/**
 * Automatic step of the Ising mode: 0.3/|H″|max per segment — coarser than the QP's, for speed on
 * G-set-sized problems; the work then carries an O(dt·|H″|) discretisation bias (docs/model.md).
 */
export const ISING_DT_RATIO = 0.3;

/** Smallest eigenvalue of K (exact for small n, Lanczos otherwise). */
export function smallestEigenvalue(p: MachineProblem): number {
  if (p.n <= 64) return Math.min(...symmetricEigen(denseK(p), p.n).values);
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < p.n; i++) {
      let s = p.diag[i] * x[i];
      for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) s += p.val[k] * x[p.col[k]];
      out[i] = s;
    }
  };
  const seed = new Float64Array(p.n).map((_, i) => Math.sin(i + 1));
  return lanczosExtremes(p.n, apply, Math.min(p.n, 300), seed).min;
}

function base(run: MachineRun, o: MachineOptions) {
  return {
    replicas_requested: o.replicas,
    replicas_completed: run.results.length,
    interrupted: run.interrupted,
    seed: o.seed,
    temperature_K: o.units.temperature_K,
    tau_D_s: o.units.tau0_s,
    warnings: run.built.warnings,
  };
}

export async function runQP(p: MachineProblem, o: MachineOptions & { protocol: QPProtocol; readout_tau0?: number }): Promise<Record<string, unknown>> {
  const lmin = smallestEigenvalue(p);
  if (!(lmin > 0)) throw new InputError('Q', `is not positive definite: its smallest eigenvalue is ${Number(lmin.toPrecision(4))} (the harmonic cells would be unconfined)`);
  const duration = o.duration_tau0 ?? clean(10 / lmin);
  const spec = qpProtocol({ protocol: o.protocol, duration_tau0: duration, readout_tau0: o.readout_tau0 ?? duration });
  const qpStep: StepOptions = { dt: o.dt, ratio: QP_DT_RATIO };
  o.checkWork?.(machineWork(p, spec, qpStep, o.replicas));
  const run = await runMachine({ problem: p, spec, step: qpStep, replicas: o.replicas, seed: o.seed }, { threads: o.threads, signal: o.signal, onProgress: o.onProgress });
  if (run.results.length === 0) throw new InputError('replicas', 'interrupted before the first replica finished');
  const work = summarizeWork(run);
  // The exact minimiser by the same eigen-decomposition (dense, n ≤ 4000).
  const { qpMinimiser } = await import('./analytic.js');
  const xStar = qpMinimiser(p);
  const xbar = new Float64Array(p.n);
  for (const r of run.results) for (let i = 0; i < p.n; i++) xbar[i] += r.meanX[i] / run.results.length;
  let err = 0;
  let scale = 0;
  for (let i = 0; i < p.n; i++) {
    err = Math.max(err, Math.abs(xbar[i] - xStar[i]));
    scale = Math.max(scale, Math.abs(xStar[i]));
  }
  const readoutEnd = run.results[0].readoutEnd_tau0;
  const bits = Math.log2(scale / err);
  const time_s = readoutEnd * o.units.tau0_s;
  return {
    mode: 'qp',
    source: o.source,
    n: p.n,
    protocol: o.protocol,
    smallest_eigenvalue: clean(lmin),
    duration_tau_D: duration,
    ...base(run, o),
    mean_work_kT: work.mean_work_kT,
    stderr_work_kT: work.stderr_work_kT,
    error_inf: clean(err),
    bits_of_precision: clean(bits),
    readout: `time average over the hold, then the mean over ${run.results.length} replicas`,
    energy_to_solution_kT: work.cycle_work_kT,
    energy_to_solution_stderr_kT: work.cycle_work_stderr_kT,
    energy_to_solution_J: joules(work.cycle_work_kT, o.units),
    time_to_solution_tau_D: clean(readoutEnd),
    time_to_solution_s: clean(time_s),
    landauer_cost_kT: clean(Math.max(0, bits) * p.n * Math.LN2),
    landauer_cost_J: joules(Math.max(0, bits) * p.n * Math.LN2, o.units),
    work,
    solution: Array.from(xbar, clean),
    paradigms: pricedRows(p, run, Math.max(1, Math.ceil(bits)), time_s, o.units),
  };
}

export interface IsingMachineOptions extends MachineOptions {
  maxcut?: MaxCutProblem;
  memory: MemorySchedule | { file: string; doc: unknown };
  lambda_max: number;
  retention_barrier_kT: number;
  low_barrier_kT: number;
  /** Reflecting walls at ±wall (units of a) for a named schedule; undefined: none. */
  wall?: number;
  polish: boolean;
  best_known_cut?: number;
  /** Coupling-updates per replica that set the default anneal time. */
  budget?: number;
}

/**
 * Defaults of the Ising / MAX-CUT inputs (the CLI prints them; docs/model.md §7 says why): the final
 * coupling λ_max in units of 1/(RMS coupling field), the retention and low barriers (kT), the reflecting
 * walls (units of the well position) and the replicas. The walls at the wells give every cell the same
 * amplitude once it has chosen a side, so the coupling energy the cells descend is the Ising energy
 * itself; without them the cells' amplitudes grow with their local fields and the sparse ±1 graphs stall
 * (G19 at 0.967 of its best-known cut whatever the ramp). λ_max = 20 is the middle of the range 15–30
 * where every probed instance clears 0.97 with walls (without them the best was 4.5: a softer cell needs a
 * warmer finish).
 */
export const ISING_OPTION_DEFAULTS = { lambda_max: 20, retention_barrier_kT: 40, low_barrier_kT: 1, wall: 1, replicas: 2 } as const;

/** Fixed lengths of the phases around the anneal (τ_D), and the start of the geometric coupling ramp. */
export const ISING_DEFAULTS = { consolidate_tau0: 5, hold_tau0: 1, reset_tau0: 2, warmup_tau0: 1, lambda_start: 0.1 } as const;

/**
 * Default budget per replica, in coupling-updates: steps × (2·couplings + 8·n) — one unit per coupling
 * visited plus eight per cell for its own update, the kernel's cost measured on G22. The anneal time is
 * chosen to spend it, so dense and sparse graphs get about the same CPU time: ≈ 12 s per replica of one
 * core with the WebAssembly kernel on the shared 2-core machine (docs/benchmarks.md), so the default two
 * replicas of a G-set instance stay well inside a minute. At the earlier 8e9 (chosen for the slower
 * JavaScript kernel) the sparse ±1 instances landed at 0.965–0.985 of their best-known cut depending on
 * λ_max and the seed; the longer anneal is what makes them reliable.
 */
export const ISING_BUDGET_PER_REPLICA = 2e10;

/** The default anneal is at most this long (τ_D): small problems need far less than the budget buys. */
export const MAX_DEFAULT_ANNEAL_TAU0 = 1e4;

/** Anneal time that spends `budget` coupling-updates on one replica (between 10 τ_D and MAX_DEFAULT_ANNEAL_TAU0). */
export function annealForBudget(p: MachineProblem, make: (anneal: number) => import('./protocol.js').ProtocolSpec, step: StepOptions, budget: number): number {
  const probe = 100;
  let fieldMax = 0;
  for (const v of p.field) fieldMax = Math.max(fieldMax, Math.abs(v));
  const built = buildPhases(make(probe), maxRowAbs(p), fieldMax, step);
  const annealSteps = built.phases[0].steps;
  const perStep = updatesPerStep(p);
  const needed = budget / perStep - (built.steps - annealSteps);
  return Math.min(MAX_DEFAULT_ANNEAL_TAU0, Math.max(10, Number(((probe * needed) / annealSteps).toPrecision(3))));
}

export async function runIsingMachine(ising: IsingProblem, o: IsingMachineOptions): Promise<Record<string, unknown>> {
  // Checked as given: the schedule sees it divided by the RMS field, which the message must not echo.
  requireNumber('lambda-max', o.lambda_max, { min: 0, minExclusive: true, max: 1e6 });
  const p = fromIsing(ising);
  const rms = rmsRowNorm(p) || 1;
  const step: StepOptions = { dt: o.dt, ratio: ISING_DT_RATIO, maxDt: 0.5 };
  const make = (anneal: number) =>
    isingSchedule({
      memory: o.memory as MemorySchedule,
      anneal_tau0: anneal,
      lambda_max: o.lambda_max / rms,
      lambda_start: ISING_DEFAULTS.lambda_start / rms,
      retention_barrier_kT: o.retention_barrier_kT,
      low_barrier_kT: o.low_barrier_kT,
      consolidate_tau0: ISING_DEFAULTS.consolidate_tau0,
      hold_tau0: ISING_DEFAULTS.hold_tau0,
      reset_tau0: ISING_DEFAULTS.reset_tau0,
      warmup_tau0: ISING_DEFAULTS.warmup_tau0,
      wall: o.wall,
    });
  const spec =
    typeof o.memory === 'string'
      ? make(o.duration_tau0 ?? annealForBudget(p, make, step, o.budget ?? ISING_BUDGET_PER_REPLICA))
      : scheduleFromJson(o.memory.doc, 'memory');
  o.checkWork?.(machineWork(p, spec, step, o.replicas));
  const run = await runMachine({ problem: p, spec, step, replicas: o.replicas, seed: o.seed }, { threads: o.threads, signal: o.signal, onProgress: o.onProgress });
  if (run.results.length === 0) throw new InputError('replicas', 'interrupted before the first replica finished');
  const work = summarizeWork(run);
  const read = isingReadout(ising, run, o.polish, o.maxcut);
  const readoutEnd = run.results[0].readoutEnd_tau0;
  const landauer = landauerCostKT(p);
  const time_s = readoutEnd * o.units.tau0_s;
  const flips = meanSE(run.results.map((r) => r.flips));
  return {
    mode: o.maxcut ? 'maxcut' : 'ising',
    source: o.source,
    n: p.n,
    couplings: ising.couplings,
    memory: typeof o.memory === 'string' ? o.memory : o.memory.file,
    lambda_max_per_rms_field: typeof o.memory === 'string' ? o.lambda_max : undefined,
    retention_barrier_kT: typeof o.memory === 'string' ? o.retention_barrier_kT : undefined,
    low_barrier_kT: typeof o.memory === 'string' && o.memory === 'lim' ? o.low_barrier_kT : undefined,
    wall_position_a: spec.wall ?? null,
    anneal_tau_D: spec.phases[0].end_tau0,
    budget_per_replica: typeof o.memory === 'string' && o.duration_tau0 === undefined ? (o.budget ?? ISING_BUDGET_PER_REPLICA) : undefined,
    ...base(run, o),
    ...(o.maxcut
      ? {
          cut: clean(read.cut!),
          cut_unpolished: clean(read.cut_unpolished!),
          best_known_cut: o.best_known_cut,
          ratio: o.best_known_cut ? clean(read.cut! / o.best_known_cut) : undefined,
        }
      : { energy: clean(read.energy), energy_unpolished: clean(read.energy_unpolished) }),
    readout: `signs at the end of the hold${o.polish ? ', greedy one-flip polish' : ''}, best of ${run.results.length} replicas`,
    hit_fraction: clean(read.hit_fraction),
    best_replica: read.best_replica,
    mean_bit_flips: clean(flips.mean),
    energy_to_solution_kT: work.cycle_work_kT,
    energy_to_solution_stderr_kT: work.cycle_work_stderr_kT,
    energy_to_solution_J: joules(work.cycle_work_kT, o.units),
    energy_per_committed_bit_kT: clean(work.cycle_work_kT / (landauer / Math.LN2)),
    time_to_solution_tau_D: clean(readoutEnd),
    time_to_solution_s: clean(time_s),
    landauer_cost_kT: clean(landauer),
    landauer_cost_J: joules(landauer, o.units),
    work,
    wall_time_s: clean(run.wall_time_s),
    paradigms: pricedRows(p, run, 1, time_s, o.units),
  };
}

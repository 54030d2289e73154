/**
 * Simulated annealing of an Ising problem with restarts, best-so-far tracking, a final 1-flip polish and
 * an energy ledger (src/solvers/ledger.ts). Deterministic for a given seed: restart r draws its initial
 * spins and its acceptance noise from xoshiro128** stream r of the seed.
 */
import type { OperationCounts } from '../../model/counts.js';
import { InputError, requireNumber } from '../../util/errors.js';
import { Ledger, countIsingAttempts, type LedgerTrace } from '../ledger.js';
import { nextUint32, seedState } from '../rng.js';
import { fillAcceptanceTable, greedyDescent, interleavedAdjacency, packState, STAT_ATTEMPTS, STAT_DEGREE_SUM, STAT_FLIPS, sweepFloat, sweepPacked, unpackFields, unpackSpins, zeroMoveTolerance } from './kernel.js';
import { isingEnergy, localFields, requireSpins, type IsingProblem } from './problem.js';
import { WasmSweeper } from './wasm-kernel.js';
import { barrierKT, checkScheduleParameters, makeSchedule, temperatureAt, type Schedule, type ScheduleKind } from './schedule.js';
import { autoTemperatures, type TemperatureRange } from './temperatures.js';

/** Default time per sweep of the priced hardware: a parallel in-memory machine updating all spins of one sweep in 1 µs (assumed). */
export const DEFAULT_SWEEP_TIME_S = 1e-6;

export interface AnnealOptions {
  schedule?: ScheduleKind;
  /** Sweeps per restart. */
  sweeps?: number;
  restarts?: number;
  seed?: number;
  t0?: number;
  t1?: number;
  hajek_c?: number;
  tau0_sweeps?: number;
  /** Greedy 1-flip descent after each restart (default true). */
  polish?: boolean;
  /** Start every restart from these spins instead of random ones (tests, warm starts). */
  initialSpins?: ArrayLike<number>;
  /** Use the real-valued kernel even for integer problems (tests: both kernels must agree). */
  forceFloatKernel?: boolean;
  /** Integer problems: the WebAssembly sweep (default, when available) or the JavaScript one. Same decisions. */
  integerKernel?: 'wasm' | 'js';
  /** T_sol of the priced hardware in s; default sweeps done × sweep_time_s. */
  time_s?: number;
  sweep_time_s?: number;
  traceMaxPoints?: number;
  signal?: AbortSignal;
  onProgress?: (doneSweeps: number, totalSweeps: number) => void;
}

export interface AnnealResult {
  spins: Int8Array;
  /** H(s) of the best state (problem units, not joules). */
  ising_energy: number;
  /** H + offset: the user's objective (QUBO value, or H for plain Ising). */
  objective: number;
  schedule: Schedule;
  temperatures: TemperatureRange;
  kernel: 'integer' | 'float';
  /** The integer sweep ran in WebAssembly. */
  wasm: boolean;
  seed: number;
  sweeps_per_restart: number;
  restarts: number;
  restarts_done: number;
  sweeps_done: number;
  best_restart: number;
  /** Global sweep count (over all restarts) when the best state was first reached. */
  best_sweep: number;
  interrupted: boolean;
  flip_attempts: number;
  accepted_flips: number;
  consolidations: number;
  counts: OperationCounts;
  n_eff: number;
  trace: LedgerTrace;
  wall_time_s: number;
}

interface RunState {
  p: IsingProblem;
  sch: Schedule;
  temps: TemperatureRange;
  integral: boolean;
  /** |s·f| at or below this is a zero-energy move (kernel.ts zeroMoveTolerance). */
  zeroTol: number;
  /** Integer kernel: spins and fields packed (kernel.ts); spin/fieldInt are synced from it by pull(). */
  packed: Int32Array;
  /** Integer kernel: neighbour and 4·J per edge, interleaved. */
  adj: Int32Array;
  wasm: WasmSweeper | null;
  spin: Int32Array;
  fieldInt: Int32Array;
  fieldFloat: Float64Array;
  thr: Float64Array;
  rng: Uint32Array;
  stats: Float64Array;
  ledger: Ledger;
  best: Int32Array;
  bestE: number;
  bestPolished: boolean;
  bestRestart: number;
  bestSweep: number;
  energy: number;
  restart: number;
  sweep: number;
  globalSweep: number;
  started: boolean;
  opts: Required<Pick<AnnealOptions, 'sweeps' | 'restarts' | 'seed' | 'polish'>> & AnnealOptions;
}

function validate(p: IsingProblem, o: AnnealOptions): RunState['opts'] {
  const sweeps = requireNumber('sweeps', o.sweeps ?? 1000, { min: 1, max: 1e9, integer: true });
  const restarts = requireNumber('restarts', o.restarts ?? 1, { min: 1, max: 1e6, integer: true });
  const seed = requireNumber('seed', o.seed ?? 1, { min: 0, max: 2 ** 32 - 1, integer: true });
  if (o.t0 !== undefined) requireNumber('t0', o.t0, { min: 0, minExclusive: true });
  if (o.t1 !== undefined) requireNumber('t1', o.t1, { min: 0 });
  if (o.hajek_c !== undefined) requireNumber('hajek_c', o.hajek_c, { min: 0, minExclusive: true });
  if (o.tau0_sweeps !== undefined) requireNumber('tau0_sweeps', o.tau0_sweeps, { min: 0, minExclusive: true });
  checkScheduleParameters(o.schedule ?? 'geometric', o);
  if (o.time_s !== undefined) requireNumber('time_s', o.time_s, { min: 0, minExclusive: true });
  if (o.sweep_time_s !== undefined) requireNumber('sweep_time_s', o.sweep_time_s, { min: 0, minExclusive: true });
  if (o.initialSpins) requireSpins(p, o.initialSpins);
  if (p.n < 1) throw new InputError('problem', 'has no spins');
  return { ...o, sweeps, restarts, seed, polish: o.polish ?? true };
}

function init(p: IsingProblem, options: AnnealOptions): RunState {
  const opts = validate(p, options);
  const auto = autoTemperatures(p);
  const t0 = opts.t0 ?? Math.max(auto.t0, opts.t1 ?? 0);
  const t1 = opts.t1 ?? Math.min(auto.t1, t0);
  const sch = makeSchedule(opts.schedule ?? 'geometric', opts.sweeps, t0, t1, { hajek_c: opts.hajek_c, tau0_sweeps: opts.tau0_sweeps });
  const integral = p.integral && !opts.forceFloatKernel;
  const adj = integral ? interleavedAdjacency(p.col, p.J) : new Int32Array(0);
  // The WebAssembly sweep keeps its state in its own memory; the driver works on views of it.
  const wasm = integral && opts.integerKernel !== 'js' ? WasmSweeper.create(p.n, p.rowPtr, adj, p.maxAbsField + 1) : null;
  const packed = wasm ? wasm.st : new Int32Array(integral ? p.n : 0);
  return {
    p,
    sch,
    temps: auto,
    integral,
    zeroTol: zeroMoveTolerance(p.maxAbsField),
    packed,
    adj,
    wasm,
    spin: new Int32Array(p.n),
    fieldInt: new Int32Array(integral ? p.n : 0),
    fieldFloat: new Float64Array(integral ? 0 : p.n),
    thr: wasm ? wasm.thr : new Float64Array(integral ? p.maxAbsField + 1 : 0),
    rng: wasm ? wasm.rng : new Uint32Array(4),
    stats: new Float64Array(3),
    ledger: new Ledger(p.n, 1, opts.traceMaxPoints ?? 2000),
    best: new Int32Array(p.n),
    bestE: Infinity,
    bestPolished: false,
    bestRestart: -1,
    bestSweep: 0,
    energy: 0,
    restart: 0,
    sweep: 0,
    globalSweep: 0,
    started: false,
    opts,
  };
}

function fields(st: RunState): Float64Array | Int32Array {
  return st.integral ? st.fieldInt : st.fieldFloat;
}

/** Integer kernel: bring spin/fieldInt up to date from the packed state. */
function pull(st: RunState): void {
  if (!st.integral) return;
  unpackSpins(st.packed, st.spin);
  unpackFields(st.packed, st.fieldInt);
}

/** Integer kernel: the packed state from spin/fieldInt (after a restart or a polish). */
function push(st: RunState): void {
  if (!st.integral) return;
  packState(st.spin, st.fieldInt, st.packed);
}

function beginRestart(st: RunState): void {
  const { p, spin } = st;
  st.rng.set(seedState(st.opts.seed, st.restart));
  if (st.opts.initialSpins) for (let v = 0; v < p.n; v++) spin[v] = st.opts.initialSpins[v];
  else for (let v = 0; v < p.n; v++) spin[v] = nextUint32(st.rng) >>> 31 ? 1 : -1;
  localFields(p, spin, fields(st));
  push(st);
  st.energy = isingEnergy(p, spin);
  st.sweep = 0;
  st.started = true;
}

/** Copies the current state to the best-so-far store (one consolidation event). */
function consolidate(st: RunState, polished: boolean, fromPacked: boolean): void {
  if (fromPacked) pull(st);
  st.best.set(st.spin);
  st.bestE = st.energy;
  st.bestPolished = polished;
  st.bestRestart = st.restart;
  st.bestSweep = st.globalSweep;
  st.ledger.checkpoints++;
}

function countStats(st: RunState, attempts: number): void {
  countIsingAttempts(st.ledger, attempts, st.stats[STAT_FLIPS], st.stats[STAT_DEGREE_SUM]);
  st.stats.fill(0);
}

function polish(st: RunState): void {
  const { p } = st;
  st.stats.fill(0);
  st.energy += greedyDescent(p.n, p.rowPtr, p.col, p.J, st.spin, fields(st), st.zeroTol, st.stats);
  countStats(st, st.stats[STAT_ATTEMPTS]);
}

function endRestart(st: RunState): void {
  pull(st);
  if (st.opts.polish) polish(st);
  if (!st.integral) st.energy = isingEnergy(st.p, st.spin); // drop float round-off accumulated by increments
  if (st.energy < st.bestE || (st.energy === st.bestE && !st.bestPolished && st.opts.polish)) consolidate(st, st.opts.polish, false);
  st.restart++;
  st.started = false;
}

/** The trace's `extra` for sweep s: its temperature, or for the lim schedule the memory barrier in kT. */
function traceExtra(sch: Schedule, s: number): number {
  return sch.kind === 'lim' ? barrierKT(sch, s) : temperatureAt(sch, s);
}

/** Runs up to `maxSweeps` sweeps; returns true when every restart is done. */
function advance(st: RunState, maxSweeps: number): boolean {
  const { p, sch, ledger } = st;
  let budget = maxSweeps;
  while (st.restart < st.opts.restarts && budget > 0) {
    if (!st.started) beginRestart(st);
    while (st.sweep < sch.sweeps && budget > 0) {
      const T = temperatureAt(sch, st.sweep);
      st.stats.fill(0);
      if (st.integral) {
        const len = fillAcceptanceTable(st.thr, T);
        st.energy += st.wasm ? st.wasm.sweep(len, st.stats) : sweepPacked(p.n, p.rowPtr, st.adj, st.packed, st.thr, len, st.rng, st.stats);
      } else {
        st.energy += sweepFloat(p.n, p.rowPtr, p.col, p.J, st.spin, st.fieldFloat, T, st.zeroTol, st.rng, st.stats);
      }
      countStats(st, p.n);
      st.sweep++;
      st.globalSweep++;
      ledger.iterations++;
      if (st.energy < st.bestE) consolidate(st, false, true);
      ledger.record(st.energy, traceExtra(sch, st.sweep - 1));
      budget--;
    }
    if (st.sweep >= sch.sweeps) endRestart(st);
  }
  return st.restart >= st.opts.restarts;
}

function finish(st: RunState, interrupted: boolean, wall_time_s: number): AnnealResult {
  const { p, ledger } = st;
  if (st.bestRestart < 0) {
    // Interrupted before the first sweep ended: the current state is the best known.
    if (!st.started) beginRestart(st);
    consolidate(st, false, true);
  }
  if (!st.bestPolished && st.opts.polish) {
    // The best state was a sweep-end snapshot: take it to its 1-flip local minimum.
    st.spin.set(st.best);
    localFields(p, st.spin, fields(st));
    st.energy = isingEnergy(p, st.spin);
    polish(st);
    st.energy = isingEnergy(p, st.spin);
    if (st.energy < st.bestE) {
      const keepSweep = st.bestSweep, keepRestart = st.bestRestart;
      consolidate(st, true, false);
      st.bestSweep = keepSweep;
      st.bestRestart = keepRestart;
    }
  }
  const energy = isingEnergy(p, st.best);
  // The final row carries the polish and the last consolidations; the polish runs at T = 0 (an infinite barrier).
  const finalExtra = st.opts.polish ? (st.sch.kind === 'lim' ? Infinity : 0) : st.sweep > 0 ? traceExtra(st.sch, st.sweep - 1) : NaN;
  ledger.record(energy, finalExtra, true);
  const sweepTime = st.opts.sweep_time_s ?? DEFAULT_SWEEP_TIME_S;
  const time_s = st.opts.time_s ?? Math.max(1, st.globalSweep) * sweepTime;
  return {
    spins: Int8Array.from(st.best),
    ising_energy: energy,
    objective: energy + p.offset,
    schedule: st.sch,
    temperatures: st.temps,
    kernel: st.integral ? 'integer' : 'float',
    wasm: st.wasm !== null,
    seed: st.opts.seed,
    sweeps_per_restart: st.sch.sweeps,
    restarts: st.opts.restarts,
    restarts_done: st.restart,
    sweeps_done: st.globalSweep,
    best_restart: st.bestRestart,
    best_sweep: st.bestSweep,
    interrupted,
    flip_attempts: ledger.ops,
    accepted_flips: ledger.update_bits,
    consolidations: ledger.checkpoints,
    counts: ledger.counts(time_s),
    n_eff: ledger.nEff(),
    trace: ledger.trace,
    wall_time_s,
  };
}

/** Anneals synchronously (library use, benchmarks, tests). */
export function annealSync(p: IsingProblem, options: AnnealOptions = {}): AnnealResult {
  const started = performance.now();
  const st = init(p, options);
  advance(st, Infinity);
  return finish(st, false, (performance.now() - started) / 1000);
}

/**
 * Anneals in slices of ≈50 ms, yielding to the event loop between slices so progress can be drawn and
 * Ctrl-C (options.signal) can stop the run; an interrupted run returns the best state found so far.
 */
export async function anneal(p: IsingProblem, options: AnnealOptions = {}): Promise<AnnealResult> {
  const started = performance.now();
  const st = init(p, options);
  const total = st.sch.sweeps * st.opts.restarts;
  let slice = 1;
  let done = false;
  while (!done) {
    if (options.signal?.aborted) break;
    const t = performance.now();
    done = advance(st, slice);
    const dt = performance.now() - t;
    slice = Math.max(1, Math.min(slice * 2, Math.round((slice * 50) / Math.max(dt, 0.01))));
    options.onProgress?.(st.globalSweep, total);
    if (!done) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return finish(st, !done, (performance.now() - started) / 1000);
}

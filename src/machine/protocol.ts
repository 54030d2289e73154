/**
 * A machine protocol: the controls of H(x, t) = Σ_i (a4·x_i⁴ + a2·x_i² + a0) + λ·½xᵀKx + μ·gᵀx as
 * piecewise-linear functions of time through knots, cut into named phases (anneal, consolidate, hold,
 * reset …). The cell potential a4·x⁴ + a2·x² + a0 is E_s·(x² − s)²: with s = 1 it is E_b·φ(x),
 * φ = (x² − 1)², the bistable cell holding one bit; a4 = a2 = a0 = 0 is the harmonic (QP) cell.
 *
 * Everything here is plain data (numbers and strings) so a worker thread rebuilds the same protocol.
 * Each phase has its own time step (the automatic one follows the phase's largest curvature), so a
 * fast consolidation to a high retention barrier does not force a tiny step on the whole anneal.
 */
import { InputError } from '../util/errors.js';
import { MAX_STEP_CURVATURE, WARN_STEP_CURVATURE } from '../sim/protocols.js';

/** Control channels: cell a4, a2, a0; coupling scale λ; field scale μ. */
export const CHANNELS = 5;
export const A4 = 0;
export const A2 = 1;
export const A0 = 2;
export const LAMBDA = 3;
export const MU = 4;

export type Controls = [a4: number, a2: number, a0: number, lambda: number, mu: number];

export interface PhaseSpec {
  name: string;
  /** End time of the phase, τ_D (phases are consecutive from t = 0). */
  end_tau0: number;
  /** Time-average the cells (and the problem energy) over this phase: the read-out window. */
  readout?: boolean;
}

export interface ProtocolSpec {
  /** Knot times, τ_D, strictly increasing from 0; the last one is the end of the last phase. */
  times: number[];
  /** Controls at each knot. */
  controls: Controls[];
  phases: PhaseSpec[];
  /** How the cells start: exact Gaussian equilibrium (harmonic cells) or random bits in the wells. */
  initial: 'gaussian' | 'wells';
  /** Relaxation at the start controls before t = 0 (constant controls: no work), τ_D. */
  warmup_tau0: number;
  /**
   * Reflecting walls at x = ±wall (units of a; the bistable cell's wells are at ±1), fixed in time, so
   * they do no work; absent: no walls. Inside them the cell potential is unchanged.
   */
  wall?: number;
}

/** A stretch of a phase with one time step. */
export interface Segment {
  start: number;
  steps: number;
  dt: number;
}

/** A phase as the kernel runs it: consecutive segments, each with the step its own curvature allows. */
export interface Phase {
  name: string;
  start: number;
  end: number;
  steps: number;
  segments: Segment[];
  readout: boolean;
}

/** Segments per phase with their own automatic step (the coupling grows through an anneal). */
export const SEGMENTS_PER_PHASE = 16;

/** Cell coefficients of E_s·(x² − s)² (barrier E_s·s², wells at ±√s). */
export function cellShape(scale: number, shape: number): [number, number, number] {
  return [scale, -2 * scale * shape, scale * shape * shape];
}

/** Cell coefficients of E_b·(x² − 1)². */
export function cellBarrier(barrier: number): [number, number, number] {
  return cellShape(barrier, 1);
}

/** Barrier height of the cell a4·x⁴ + a2·x² (0 when it has a single well). */
export function barrierOf(a4: number, a2: number): number {
  return a2 < 0 && a4 > 0 ? (a2 * a2) / (4 * a4) : 0;
}

/** Controls at time t (clamped to the ends), written into out[offset..]. */
export function controlsAt(spec: ProtocolSpec, t: number, out: Float64Array, offset = 0): void {
  const { times, controls } = spec;
  const last = times.length - 1;
  if (t <= times[0]) return copy(controls[0], out, offset);
  if (t >= times[last]) return copy(controls[last], out, offset);
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  const u = (t - times[lo]) / (times[hi] - times[lo]);
  const a = controls[lo];
  const b = controls[hi];
  for (let c = 0; c < CHANNELS; c++) out[offset + c] = a[c] + (b[c] - a[c]) * u;
}

function copy(c: Controls, out: Float64Array, offset: number): void {
  for (let k = 0; k < CHANNELS; k++) out[offset + k] = c[k];
}

export function validateProtocol(spec: ProtocolSpec): void {
  const { times, controls, phases } = spec;
  if (times.length < 2 || controls.length !== times.length) throw new InputError('schedule', `needs at least two knots with controls at each (got ${times.length} times, ${controls.length} rows)`);
  if (times[0] !== 0) throw new InputError('schedule', `must start at t = 0, got ${times[0]}`);
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k]) || (k > 0 && !(times[k] > times[k - 1]))) throw new InputError('schedule', `knot times must increase strictly, got ${times[k - 1]} then ${times[k]}`);
    for (const v of controls[k]) if (!Number.isFinite(v)) throw new InputError('schedule', `control at t = ${times[k]} is not a finite number`);
    const [a4, a2] = controls[k];
    if (a4 < 0 || (a4 === 0 && a2 < 0)) throw new InputError('schedule', `the cell potential at t = ${times[k]} is not confining (a4 = ${a4}, a2 = ${a2})`);
    if (controls[k][LAMBDA] < 0) throw new InputError('schedule', `the coupling scale λ at t = ${times[k]} must be ≥ 0, got ${controls[k][LAMBDA]}`);
  }
  if (phases.length === 0) throw new InputError('schedule', 'needs at least one phase');
  let start = 0;
  for (const p of phases) {
    if (!(p.end_tau0 > start)) throw new InputError('schedule', `phase '${p.name}' must end after ${start} τ_D, got ${p.end_tau0}`);
    start = p.end_tau0;
  }
  if (Math.abs(start - times[times.length - 1]) > 1e-9 * start) throw new InputError('schedule', `the last phase ends at ${start} τ_D but the knots end at ${times[times.length - 1]} τ_D`);
  if (!(spec.warmup_tau0 >= 0)) throw new InputError('schedule', `warm-up must be ≥ 0, got ${spec.warmup_tau0}`);
  if (spec.wall !== undefined && !(spec.wall >= MIN_WALL && spec.wall <= MAX_WALL)) throw new InputError('wall', `must be between ${MIN_WALL} and ${MAX_WALL} (units of the well position), got ${spec.wall}`);
}

/** Allowed wall positions (units of a): inside the hysteresis band the bit could not be read; far out they do nothing. */
export const MIN_WALL = 0.6;
export const MAX_WALL = 100;
/**
 * Between walls the noise step √(2·dt) is kept below this fraction of the wall position, so that one step
 * never plausibly crosses the whole box (that would take a ≥ 6.7σ draw): the automatic step is capped at
 * dt = (0.3·wall)²/2, and a --dt above it gets a warning. At the Ising step rule (0.3/|H''|max) a cell with a
 * barrier of 1 kT or more never reaches the cap.
 */
export const WALL_NOISE_FRACTION = 0.3;

/**
 * Largest curvature |∂²H/∂x_i²| + the Gershgorin bound of the coupling between the knots [t0, t1]: the
 * cell term 12·a4·x² + 2·a2 at the largest excursion x_max (where the cell's restoring force balances
 * the largest coupling and field force plus a thermal margin, and at most the wall), plus λ·(Σ_j |K_ij| + |K_ii|).
 */
export function maxCurvature(spec: ProtocolSpec, t0: number, t1: number, couplingRow: number, fieldMax: number): number {
  const wall = spec.wall ?? Infinity;
  let best = 0;
  const c = new Float64Array(CHANNELS);
  const check = (t: number) => {
    controlsAt(spec, t, c);
    const a4 = c[A4], a2 = c[A2], lambda = c[LAMBDA], mu = Math.abs(c[MU]);
    const coupling = lambda * couplingRow;
    let cell = Math.abs(2 * a2);
    if (a4 > 0) {
      const force = coupling * 1.5 + mu * fieldMax + 3;
      const xMax = Math.min(cellExcursion(a4, a2, force), wall);
      cell = Math.max(cell, 12 * a4 * xMax * xMax + 2 * a2);
    }
    best = Math.max(best, cell + coupling);
  };
  check(t0);
  check(t1);
  for (const t of spec.times) if (t > t0 && t < t1) check(t);
  return best;
}

/** The x > 0 where 4·a4·x³ + 2·a2·x = force (the cell pushed as far as `force` can), at least the well. */
function cellExcursion(a4: number, a2: number, force: number): number {
  let x = Math.max(1, Math.sqrt(Math.max(0, -a2 / (2 * a4)))) + Math.cbrt(force / (4 * a4));
  for (let i = 0; i < 60; i++) {
    const g = 4 * a4 * x * x * x + 2 * a2 * x - force;
    const d = 12 * a4 * x * x + 2 * a2;
    if (!(d > 0)) break;
    const step = g / d;
    x -= step;
    if (Math.abs(step) < 1e-12 * x) break;
  }
  return Math.max(x, 1);
}

export interface StepOptions {
  /** One time step for every phase (the user's --dt); otherwise each phase gets ratio / curvature. */
  dt?: number;
  /** Automatic step: this fraction of 1/|H''|max (default 0.02, the simulator's rule). */
  ratio?: number;
  /** The automatic step is at most this (τ_D). */
  maxDt?: number;
}

export interface BuiltProtocol {
  spec: ProtocolSpec;
  phases: Phase[];
  warmupSteps: number;
  warmupDt: number;
  steps: number;
  duration: number;
  warnings: string[];
}

/** Cuts the protocol into phases with their steps; refuses an unstable --dt in one line. */
export function buildPhases(spec: ProtocolSpec, couplingRow: number, fieldMax: number, o: StepOptions = {}): BuiltProtocol {
  validateProtocol(spec);
  const ratio = o.ratio ?? 0.02;
  const maxDt = o.maxDt ?? 0.05;
  if (o.dt !== undefined && !(o.dt > 0 && Number.isFinite(o.dt))) throw new InputError('dt', `must be a number > 0, got ${o.dt}`);
  const warnings: string[] = [];
  const wallDt = spec.wall === undefined ? Infinity : (WALL_NOISE_FRACTION * spec.wall) ** 2 / 2;
  const stepFor = (name: string, t0: number, t1: number): number => {
    const curvature = maxCurvature(spec, t0, t1, couplingRow, fieldMax);
    if (o.dt === undefined) return Math.min(wallDt, curvature > 0 ? Math.min(maxDt, ratio / curvature) : maxDt);
    if (o.dt > wallDt && !warnings.some((w) => w.startsWith('the noise step'))) {
      warnings.push(`the noise step √(2dt) = ${Math.sqrt(2 * o.dt).toPrecision(2)} a exceeds ${WALL_NOISE_FRACTION} of the wall at ±${spec.wall}: a step may cross the whole box, and the reflection loses accuracy`);
    }
    const product = o.dt * curvature;
    if (product >= MAX_STEP_CURVATURE) {
      throw new InputError('dt', `must be < ${Number((MAX_STEP_CURVATURE / curvature).toPrecision(2))} τ_D for a stable Euler–Maruyama step in phase '${name}' (|H''|max ≈ ${Number(curvature.toPrecision(3))} kT/a²), got ${o.dt}`);
    }
    if (product > WARN_STEP_CURVATURE) warnings.push(`phase '${name}': dt·|H''|max = ${product.toPrecision(2)} > ${WARN_STEP_CURVATURE}, the discretisation bias of the work may reach several percent`);
    return o.dt;
  };
  const phases: Phase[] = [];
  let start = 0;
  let steps = 0;
  for (const p of spec.phases) {
    const length = p.end_tau0 - start;
    const parts = o.dt === undefined ? SEGMENTS_PER_PHASE : 1;
    const segments: Segment[] = [];
    for (let k = 0; k < parts; k++) {
      const s0 = start + (length * k) / parts;
      const s1 = k === parts - 1 ? p.end_tau0 : start + (length * (k + 1)) / parts;
      const target = stepFor(p.name, s0, s1);
      const n = Math.max(1, Math.round((s1 - s0) / target));
      segments.push({ start: s0, steps: n, dt: (s1 - s0) / n });
    }
    const count = segments.reduce((a, g) => a + g.steps, 0);
    phases.push({ name: p.name, start, end: p.end_tau0, steps: count, segments, readout: p.readout === true });
    steps += count;
    start = p.end_tau0;
  }
  const warmupDt = spec.warmup_tau0 > 0 ? stepFor('warm-up', 0, 0) : 0;
  const warmupSteps = spec.warmup_tau0 > 0 ? Math.max(1, Math.round(spec.warmup_tau0 / warmupDt)) : 0;
  return { spec, phases, warmupSteps, warmupDt: warmupSteps > 0 ? spec.warmup_tau0 / warmupSteps : 0, steps: steps + warmupSteps, duration: start, warnings };
}

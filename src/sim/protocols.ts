/**
 * Protocols: what the controls of a potential do in time (MODEL.md §2 and §6), built from a plain,
 * serialisable spec so that every worker thread rebuilds exactly the same protocol.
 *
 * A protocol is a list of phases, each lasting a whole number of steps. The control at step k (time k·dt)
 * comes from the phase with K_p < k ≤ K_p + n_p at local progress τ = (k − K_p)/n_p (step 0 belongs to the
 * first phase at τ = 0), so a jump at the start of a phase happens between its first two steps.
 * Simulation units: kT = γ = a = 1; the time unit γa²/kT is identified with the attempt time τ0.
 */
import { InputError, requireNumber } from '../util/errors.js';
import { trapOptimalCentre } from './analytic.js';
import {
  CONTROL_CHANNELS,
  DEFAULT_WALL_STIFFNESS,
  boltzmannSupport,
  cellOf,
  harmonicCoefficients,
  landscapeControls,
  landscapeEnergy,
  minimumEnergy,
  polynomialEnergy,
  quarticCoefficients,
  wellCentre,
  type LandscapeShape,
} from './potentials.js';
import { nextNormal, nextUnit53 } from './rng.js';

// ---------- specs ----------

export type TrapSchedule = 'linear' | 'optimal' | 'step';
export type StiffnessSchedule = 'linear' | 'step';
export type MemoryKind = 'static' | 'lim';

/** Moving harmonic trap (k/2)(x − λ)², λ: 0 → λ_f (Schmiedl & Seifert 2007). */
export interface TrapSpec {
  protocol: 'trap';
  schedule: TrapSchedule;
  stiffness_kT_per_a2: number;
  distance_a: number;
  duration_tau0: number;
}

/** Stiffness change k0 → k1 of a harmonic trap at the origin (Jarzynski check). */
export interface StiffnessSpec {
  protocol: 'stiffness';
  schedule: StiffnessSchedule;
  from_kT_per_a2: number;
  to_kT_per_a2: number;
  duration_tau0: number;
}

/** Free retention at a fixed barrier: escape events of a cell left alone (Kramers check). */
export interface RetentionSpec {
  protocol: 'retention';
  barrier_kT: number;
  duration_tau0: number;
  /** 1: quartic double well E_b(x² − 1)²; N > 1: 2^N-level landscape. */
  bits: number;
}

/** Landauer erasure in the quartic double well: lower, tilt, raise, untilt (four equal phases). */
export interface EraseSpec {
  protocol: 'erase';
  barrier_kT: number;
  tilt_kT_per_a: number;
  duration_tau0: number;
}

/**
 * Writing a cell of the 2^N-level landscape from one level to another, ending at the same barrier.
 * static: the barrier stays; a piston pushes the state over it (duration = push time, then 1 τ0 to settle).
 * lim: lower the barrier, capture the state with a trap at the target, raise the barrier along the matched
 * schedule E_b(t) = kT·ln(1 + t/τ_m), release the trap (duration = lower + capture + release time).
 */
export interface WriteSpec {
  protocol: 'write';
  memory: MemoryKind;
  barrier_kT: number;
  duration_tau0: number;
  bits: number;
  from_level: number;
  to_level: number;
  /** Piston (static) or capture trap (lim) stiffness; default 50·E_b for the piston, 16 for the trap. */
  head_stiffness_kT_per_a2?: number;
  /** lim only: length of the matched barrier ramp; default τ0·(e^{E_b/kT} − 1), i.e. τ_m = τ0. */
  ramp_duration_tau0?: number;
}

/**
 * Consolidation ramp: with the state held at `level` by a trap (the optimizer's pull), the barrier rises
 * as E_b(t) = kT·ln(e^{E_start/kT} + t/τ_m) from E_start to E_b over `duration`, then the trap is released.
 */
export interface ConsolidateSpec {
  protocol: 'consolidate';
  barrier_kT: number;
  start_barrier_kT: number;
  duration_tau0: number;
  bits: number;
  level: number;
  head_stiffness_kT_per_a2?: number;
  release_duration_tau0?: number;
}

export type ProtocolSpec = TrapSpec | StiffnessSpec | RetentionSpec | EraseSpec | WriteSpec | ConsolidateSpec;
export type ProtocolName = ProtocolSpec['protocol'];
export const PROTOCOL_NAMES: readonly ProtocolName[] = ['trap', 'stiffness', 'retention', 'erase', 'write', 'consolidate'];

// ---------- built protocol ----------

export type KernelKind = 'polynomial' | 'landscape';

interface Phase {
  steps: number;
  /** Writes the controls at local progress τ ∈ [0, 1] (elapsed time τ·steps·dt). */
  controls(tau: number, out: Float64Array, offset: number): void;
  /** The controls do not change during the phase (computed once per table). */
  constant?: boolean;
}

export interface Protocol {
  readonly spec: ProtocolSpec;
  readonly kernel: KernelKind;
  /** Landscape shape (landscape kernel only). */
  readonly shape: LandscapeShape | undefined;
  readonly dt: number;
  readonly steps: number;
  /** Total simulated time steps·dt, in τ0. */
  readonly duration: number;
  /** Number of states reported in the occupancy: 2 for the double well (x < 0, x ≥ 0), M for the landscape. */
  readonly levels: number;
  /** The controls never change (free retention): one control table serves every chunk. */
  readonly constantControls: boolean;
  readonly warnings: string[];
  controlsAt(step: number, out: Float64Array, offset: number): void;
  /** Tabulates steps first..first+n: channel c of step first+i goes to values[c·stride + i]. */
  fillControls(first: number, n: number, values: Float64Array, stride: number): void;
  energy(x: number, controls: Float64Array, offset: number): number;
  /** Draws an initial position from the particle's own stream. */
  sampleInitial(state: Uint32Array, offset: number): number;
  /** The state (side or level) that holds x. */
  classify(x: number): number;
}

/** The step size used when none is given: |U''|_max·dt = 0.02 (bias of order 1 %), at most 1e-3 τ0. */
export function defaultTimeStep(spec: ProtocolSpec): number {
  return Math.min(1e-3, 0.02 / maxCurvatureOf(spec));
}

/** Limit on |U''|_max·dt: beyond 1 the Euler–Maruyama step is unstable or grossly biased. */
export const MAX_STEP_CURVATURE = 1;
/** Above this |U''|_max·dt a warning says the discretisation bias may reach several percent. */
export const WARN_STEP_CURVATURE = 0.1;

/** Default capture-trap stiffness of the LIM write and the consolidation ramp, kT/a². */
export const DEFAULT_CAPTURE_STIFFNESS = 16;
/**
 * Largest write-head stiffness, kT/a²: the head's thermal width is then 0.01 a, so a stiffer head changes
 * nothing physical but forces dt below 0.02/k (10⁹ would need ~10¹¹ steps per τ0).
 */
export const MAX_HEAD_STIFFNESS = 1e4;
/** Default piston stiffness per kT of barrier for the static write (penetration ≈ 3 % of a). */
export const PISTON_STIFFNESS_PER_BARRIER = 50;
/** How far past the last barrier top the piston pushes, in a. */
export const PISTON_OVERSHOOT_A = 0.25;
/** Settling time after the static write's push, in τ0. */
export const STATIC_WRITE_SETTLE_TAU0 = 1;

export function validateSpec(spec: ProtocolSpec): void {
  const positive = { min: 0, minExclusive: true };
  const headStiffness = { ...positive, max: MAX_HEAD_STIFFNESS };
  switch (spec.protocol) {
    case 'trap':
      if (!['linear', 'optimal', 'step'].includes(spec.schedule)) {
        throw new InputError('protocol', `unknown trap schedule '${String(spec.schedule)}' (allowed: linear, optimal, step)`);
      }
      requireNumber('stiffness', spec.stiffness_kT_per_a2, positive);
      requireNumber('distance', spec.distance_a, { min: -1e6, max: 1e6 });
      requireNumber('duration', spec.duration_tau0, positive);
      return;
    case 'stiffness':
      if (!['linear', 'step'].includes(spec.schedule)) {
        throw new InputError('protocol', `unknown stiffness schedule '${String(spec.schedule)}' (allowed: linear, step)`);
      }
      requireNumber('from', spec.from_kT_per_a2, positive);
      requireNumber('to', spec.to_kT_per_a2, positive);
      requireNumber('duration', spec.duration_tau0, positive);
      return;
    case 'retention':
      requireNumber('barrier-kT', spec.barrier_kT, { min: 0.5, max: 60 });
      requireNumber('duration', spec.duration_tau0, positive);
      requireNumber('bits', spec.bits, { min: 1, max: 8, integer: true });
      return;
    case 'erase':
      requireNumber('barrier-kT', spec.barrier_kT, { min: 1, max: 60 });
      requireNumber('tilt', spec.tilt_kT_per_a, { min: 0, max: 100, minExclusive: true });
      requireNumber('duration', spec.duration_tau0, positive);
      return;
    case 'write': {
      if (spec.memory !== 'static' && spec.memory !== 'lim') {
        throw new InputError('memory', `unknown memory '${String(spec.memory)}' (allowed: static, lim)`);
      }
      requireNumber('barrier-kT', spec.barrier_kT, { min: 0.5, max: 60 });
      requireNumber('duration', spec.duration_tau0, positive);
      requireNumber('bits', spec.bits, { min: 1, max: 8, integer: true });
      const top = 2 ** spec.bits - 1;
      requireNumber('from-level', spec.from_level, { min: 0, max: top, integer: true });
      requireNumber('to-level', spec.to_level, { min: 0, max: top, integer: true });
      if (spec.from_level === spec.to_level) throw new InputError('to-level', `must differ from from-level (${spec.from_level})`);
      if (spec.head_stiffness_kT_per_a2 !== undefined) requireNumber('head-stiffness', spec.head_stiffness_kT_per_a2, headStiffness);
      if (spec.ramp_duration_tau0 !== undefined) requireNumber('ramp-duration', spec.ramp_duration_tau0, positive);
      return;
    }
    case 'consolidate': {
      requireNumber('barrier-kT', spec.barrier_kT, { min: 0.5, max: 60 });
      requireNumber('start-barrier-kT', spec.start_barrier_kT, { min: 0, max: spec.barrier_kT, maxExclusive: true });
      requireNumber('duration', spec.duration_tau0, positive);
      requireNumber('bits', spec.bits, { min: 1, max: 8, integer: true });
      requireNumber('level', spec.level, { min: 0, max: 2 ** spec.bits - 1, integer: true });
      if (spec.head_stiffness_kT_per_a2 !== undefined) requireNumber('head-stiffness', spec.head_stiffness_kT_per_a2, headStiffness);
      if (spec.release_duration_tau0 !== undefined) requireNumber('release-duration', spec.release_duration_tau0, positive);
      return;
    }
    default:
      throw new InputError('protocol', `unknown protocol '${String((spec as { protocol: unknown }).protocol)}' (allowed: ${PROTOCOL_NAMES.join(', ')})`);
  }
}

/** Largest |U''| the particle meets under the protocol (wells and barrier tops, walls and heads). */
export function maxCurvatureOf(spec: ProtocolSpec): number {
  switch (spec.protocol) {
    case 'trap':
      return spec.stiffness_kT_per_a2;
    case 'stiffness':
      return Math.max(spec.from_kT_per_a2, spec.to_kT_per_a2);
    case 'retention':
      return spec.bits === 1 ? 8 * spec.barrier_kT : 8 * spec.barrier_kT + 2 * DEFAULT_WALL_STIFFNESS;
    case 'erase':
      return tiltedQuarticMaxCurvature(spec.barrier_kT, spec.tilt_kT_per_a);
    case 'write':
      return 8 * spec.barrier_kT + 2 * DEFAULT_WALL_STIFFNESS + writeHeadStiffness(spec);
    case 'consolidate':
      return 8 * spec.barrier_kT + 2 * DEFAULT_WALL_STIFFNESS + (spec.head_stiffness_kT_per_a2 ?? DEFAULT_CAPTURE_STIFFNESS);
  }
}

/**
 * Largest |U''| of the erasure potential E·(x² − s)² ± f·x over s ∈ [0, 1], |f| ≤ f_max: the barrier top
 * (≤ 4E), the untilted wells (8E·s) and the outer well bottom x* of the tilted well, 4E(x*³ − s·x*) = f,
 * where U'' = 12E·x*² − 4E·s. Along that branch U'' grows with f (x* grows) and with s
 * (dU''/ds = 4E(3x*² + s)/(3x*² − s) > 0), so the worst point is s = 1, f = f_max.
 */
export function tiltedQuarticMaxCurvature(scale: number, tilt: number): number {
  const c = Math.abs(tilt) / (4 * scale);
  // Newton on x³ − x − c from cbrt(c) + 1 (above the root; the cubic is convex there): monotone convergence.
  let x = Math.cbrt(c) + 1;
  for (let i = 0; i < 100; i++) {
    const step = (x * x * x - x - c) / (3 * x * x - 1);
    x -= step;
    if (!(Math.abs(step) > 1e-15 * x)) break;
  }
  return Math.max(8 * scale, 12 * scale * x * x - 4 * scale);
}

export function writeHeadStiffness(spec: WriteSpec): number {
  if (spec.head_stiffness_kT_per_a2 !== undefined) return spec.head_stiffness_kT_per_a2;
  return spec.memory === 'static' ? PISTON_STIFFNESS_PER_BARRIER * Math.max(1, spec.barrier_kT) : DEFAULT_CAPTURE_STIFFNESS;
}

/** The matched ramp length τ0·(e^{E_b} − 1) of the LIM write, unless given. */
export function writeRampDuration(spec: WriteSpec): number {
  return spec.ramp_duration_tau0 ?? Math.expm1(spec.barrier_kT);
}

/** Above this many steps (minutes per 1000 particles) the default LIM ramp asks for an explicit --ramp-duration. */
const MAX_DEFAULT_RAMP_STEPS = 1e7;

/**
 * Steps of each of `phases` equal phases sharing `duration` (the user's value, reported as given). The run
 * length is bounded once, in particle-steps, by runEnsemble.
 */
function phaseSteps(field: string, duration: number, dt: number, phases = 1): number {
  const steps = Math.round(duration / phases / dt);
  if (steps < 1) {
    const per = phases === 1 ? 'one time step' : `one time step per phase (${phases} phases)`;
    throw new InputError(field, `is shorter than ${per} at dt = ${Number(dt.toPrecision(4))} τ0: got ${duration} τ0, needs ≥ ${formatLimit(phases * dt)} τ0 (or a smaller --dt)`);
  }
  return steps;
}

/** Builds the protocol for `spec` at time step `dt` (validated; throws InputError on bad input). */
export function buildProtocol(spec: ProtocolSpec, dt: number): Protocol {
  validateSpec(spec);
  requireNumber('dt', dt, { min: 0, minExclusive: true });
  const curvature = maxCurvatureOf(spec);
  const stepCurvature = curvature * dt;
  if (stepCurvature >= MAX_STEP_CURVATURE) {
    throw new InputError('dt', `must be < ${formatLimit(MAX_STEP_CURVATURE / curvature)} for a stable Euler–Maruyama step (|U''|max = ${Number(curvature.toPrecision(4))} kT/a²), got ${dt}`);
  }
  const warnings: string[] = [];
  if (stepCurvature > WARN_STEP_CURVATURE) {
    warnings.push(`dt·|U''|max = ${stepCurvature.toPrecision(3)} > ${WARN_STEP_CURVATURE}: the time-discretisation bias may reach several percent; try --dt ${formatLimit(0.02 / curvature)}`);
  }
  switch (spec.protocol) {
    case 'trap':
      return polynomialProtocol(spec, dt, warnings, trapPhases(spec, dt), harmonicSampler(0, spec.stiffness_kT_per_a2));
    case 'stiffness':
      return polynomialProtocol(spec, dt, warnings, stiffnessPhases(spec, dt), harmonicSampler(0, spec.from_kT_per_a2));
    case 'retention':
      return spec.bits === 1 ? retentionQuartic(spec, dt, warnings) : retentionLandscape(spec, dt, warnings);
    case 'erase':
      return eraseProtocol(spec, dt, warnings);
    case 'write':
      return spec.memory === 'static' ? staticWrite(spec, dt, warnings) : limWrite(spec, dt, warnings);
    case 'consolidate':
      return consolidation(spec, dt, warnings);
  }
}

function formatLimit(value: number): string {
  return Number(value.toPrecision(2)).toString();
}

// ---------- generic machinery ----------

type Sampler = (state: Uint32Array, offset: number) => number;

interface ControlSchedule {
  steps: number;
  controlsAt: (step: number, out: Float64Array, offset: number) => void;
  fillControls: (first: number, n: number, values: Float64Array, stride: number) => void;
}

function makeControls(phases: Phase[]): ControlSchedule {
  const starts: number[] = [];
  let total = 0;
  for (const phase of phases) {
    starts.push(total);
    total += phase.steps;
  }
  const phaseOf = (step: number): number => {
    let p = 0;
    while (p < phases.length - 1 && step > starts[p] + phases[p].steps) p++;
    return p;
  };
  const controlsAt = (step: number, out: Float64Array, offset: number): void => {
    const p = phaseOf(step);
    const phase = phases[p];
    const tau = Math.min(1, Math.max(0, (step - starts[p]) / phase.steps));
    phase.controls(tau, out, offset);
  };
  const scratch = new Float64Array(CONTROL_CHANNELS);
  const fillControls = (first: number, n: number, values: Float64Array, stride: number): void => {
    let p = phaseOf(first);
    let end = starts[p] + phases[p].steps;
    let constantReady = false;
    for (let i = 0; i <= n; i++) {
      const step = first + i;
      while (p < phases.length - 1 && step > end) {
        p++;
        end = starts[p] + phases[p].steps;
        constantReady = false;
      }
      const phase = phases[p];
      if (!phase.constant || !constantReady) {
        phase.controls(Math.min(1, Math.max(0, (step - starts[p]) / phase.steps)), scratch, 0);
        constantReady = true;
      }
      for (let c = 0; c < CONTROL_CHANNELS; c++) values[c * stride + i] = scratch[c];
    }
  };
  return { steps: total, controlsAt, fillControls };
}

function harmonicSampler(centre: number, stiffness: number): Sampler {
  const width = 1 / Math.sqrt(stiffness);
  return (state, offset) => centre + width * nextNormal(state, offset);
}

/** Rejection sampler for e^{−U} on [lo, hi]: uniform proposals accepted with probability e^{−(U − U_min)}. */
export function boltzmannSampler(energy: (x: number) => number, lo: number, hi: number): Sampler {
  const umin = minimumEnergy(energy, lo, hi) - 1e-9;
  const [a, b] = boltzmannSupport(energy, lo, hi, umin);
  const width = b - a;
  return (state, offset) => {
    for (;;) {
      const x = a + width * nextUnit53(state, offset);
      if (nextUnit53(state, offset) < Math.exp(-(energy(x) - umin))) return x;
    }
  };
}

function polynomialProtocol(spec: ProtocolSpec, dt: number, warnings: string[], phases: Phase[], sampler: Sampler): Protocol {
  const { steps, controlsAt, fillControls } = makeControls(phases);
  return {
    spec,
    constantControls: phases.length === 1 && phases[0].constant === true,
    kernel: 'polynomial',
    shape: undefined,
    dt,
    steps,
    duration: steps * dt,
    levels: 2,
    warnings,
    controlsAt,
    fillControls,
    energy: (x, c, offset) => polynomialEnergy(x, c, offset),
    sampleInitial: sampler,
    classify: (x) => (x < 0 ? 0 : 1),
  };
}

function landscapeProtocol(spec: ProtocolSpec, dt: number, warnings: string[], shape: LandscapeShape, phases: Phase[], sampler: Sampler): Protocol {
  const { steps, controlsAt, fillControls } = makeControls(phases);
  return {
    spec,
    constantControls: phases.length === 1 && phases[0].constant === true,
    kernel: 'landscape',
    shape,
    dt,
    steps,
    duration: steps * dt,
    levels: shape.levels,
    warnings,
    controlsAt,
    fillControls,
    energy: (x, c, offset) => landscapeEnergy(x, c, shape, offset),
    sampleInitial: sampler,
    classify: (x) => cellOf(x, shape.levels),
  };
}

/** Energy of the landscape at fixed controls, as a function of x. */
function landscapeAt(shape: LandscapeShape, barrier: number, headStiffness: number, headCentre: number): (x: number) => number {
  const c = new Float64Array(CONTROL_CHANNELS);
  landscapeControls(barrier, headStiffness, headCentre, c);
  return (x) => landscapeEnergy(x, c, shape);
}

// ---------- harmonic protocols ----------

function trapPhases(spec: TrapSpec, dt: number): Phase[] {
  const k = spec.stiffness_kT_per_a2;
  const distance = spec.distance_a;
  const steps = phaseSteps('duration', spec.duration_tau0, dt);
  const duration = steps * dt;
  const centre = (tau: number): number => {
    switch (spec.schedule) {
      case 'linear':
        return distance * tau;
      case 'optimal':
        return tau <= 0 ? 0 : tau >= 1 ? distance : trapOptimalCentre(tau * duration, k, distance, duration);
      case 'step':
        return tau <= 0 ? 0 : distance;
    }
  };
  return [{ steps, controls: (tau, out, offset) => harmonicCoefficients(k, centre(tau), out, offset) }];
}

function stiffnessPhases(spec: StiffnessSpec, dt: number): Phase[] {
  const k0 = spec.from_kT_per_a2;
  const k1 = spec.to_kT_per_a2;
  const steps = phaseSteps('duration', spec.duration_tau0, dt);
  const stiffness = (tau: number) => (spec.schedule === 'step' ? (tau <= 0 ? k0 : k1) : k0 + (k1 - k0) * tau);
  return [{ steps, controls: (tau, out, offset) => harmonicCoefficients(stiffness(tau), 0, out, offset) }];
}

// ---------- double-well protocols ----------

/** Equilibrium over both wells of E_b·(x² − 1)² (retention counts from the stationary state; erasure starts from one bit). */
function quarticEquilibriumSampler(barrier: number): Sampler {
  const c = new Float64Array(CONTROL_CHANNELS);
  quarticCoefficients(barrier, 1, 0, c);
  return boltzmannSampler((x) => polynomialEnergy(x, c), -3, 3);
}

function retentionQuartic(spec: RetentionSpec, dt: number, warnings: string[]): Protocol {
  const barrier = spec.barrier_kT;
  const steps = phaseSteps('duration', spec.duration_tau0, dt);
  const phases: Phase[] = [{ steps, constant: true, controls: (_tau, out, offset) => quarticCoefficients(barrier, 1, 0, out, offset) }];
  return polynomialProtocol(spec, dt, warnings, phases, quarticEquilibriumSampler(barrier));
}

function retentionLandscape(spec: RetentionSpec, dt: number, warnings: string[]): Protocol {
  const shape: LandscapeShape = { levels: 2 ** spec.bits, wall: DEFAULT_WALL_STIFFNESS, head: 'trap', pushDirection: 1 };
  const steps = phaseSteps('duration', spec.duration_tau0, dt);
  const phases: Phase[] = [{ steps, constant: true, controls: (_tau, out, offset) => landscapeControls(spec.barrier_kT, 0, 0, out, offset) }];
  const energy = landscapeAt(shape, spec.barrier_kT, 0, 0);
  const sampler = boltzmannSampler(energy, -shape.levels - 3, shape.levels + 3);
  return landscapeProtocol(spec, dt, warnings, shape, phases, sampler);
}

/**
 * Erasure to the left well ("reset to 0") in E_s·(x² − s)² − f·x: lower (s: 1 → 0), tilt (f: 0 → −f_max),
 * raise (s: 0 → 1), untilt (f → 0), each a quarter of the duration, linear in s and f. Starts in
 * equilibrium over both wells (one bit of information).
 */
function eraseProtocol(spec: EraseSpec, dt: number, warnings: string[]): Protocol {
  const scale = spec.barrier_kT;
  const tilt = spec.tilt_kT_per_a;
  const quarter = phaseSteps('duration', spec.duration_tau0, dt, 4);
  const phases: Phase[] = [
    { steps: quarter, controls: (tau, out, o) => quarticCoefficients(scale, 1 - tau, 0, out, o) },
    { steps: quarter, controls: (tau, out, o) => quarticCoefficients(scale, 0, -tilt * tau, out, o) },
    { steps: quarter, controls: (tau, out, o) => quarticCoefficients(scale, tau, -tilt, out, o) },
    { steps: quarter, controls: (tau, out, o) => quarticCoefficients(scale, 1, -tilt * (1 - tau), out, o) },
  ];
  return polynomialProtocol(spec, dt, warnings, phases, quarticEquilibriumSampler(scale));
}

/** Restricted equilibrium in one cell of the landscape (a stored value at barrier E_b). */
function cellSampler(shape: LandscapeShape, barrier: number, level: number): Sampler {
  const energy = landscapeAt(shape, barrier, 0, 0);
  const centre = wellCentre(level, shape.levels);
  return boltzmannSampler(energy, centre - 1, centre + 1);
}

/**
 * Static-barrier write: the barrier stays at E_b. A piston (one-sided, stiffness k_p) starts at the edge of
 * the source cell and moves at constant speed to PISTON_OVERSHOOT_A past the last barrier top before the
 * target well, then is switched off; the state settles for STATIC_WRITE_SETTLE_TAU0. The piston can push
 * but not pull: the energy spent lifting the state to each barrier top is released as heat on the far side.
 */
function staticWrite(spec: WriteSpec, dt: number, warnings: string[]): Protocol {
  const levels = 2 ** spec.bits;
  const direction: 1 | -1 = spec.to_level > spec.from_level ? 1 : -1;
  const shape: LandscapeShape = { levels, wall: DEFAULT_WALL_STIFFNESS, head: 'push', pushDirection: direction };
  const barrier = spec.barrier_kT;
  const stiffness = writeHeadStiffness(spec);
  const start = wellCentre(spec.from_level, levels) - direction;
  const end = wellCentre(spec.to_level, levels) - direction * (1 - PISTON_OVERSHOOT_A);
  const push = phaseSteps('duration', spec.duration_tau0, dt);
  const settle = phaseSteps('settle', STATIC_WRITE_SETTLE_TAU0, dt);
  const phases: Phase[] = [
    { steps: push, controls: (tau, out, o) => landscapeControls(barrier, stiffness, start + (end - start) * tau, out, o) },
    { steps: settle, constant: true, controls: (_tau, out, o) => landscapeControls(barrier, 0, end, out, o) },
  ];
  return landscapeProtocol(spec, dt, warnings, shape, phases, cellSampler(shape, barrier, spec.from_level));
}

/**
 * Matched barrier schedule E(τ) = ln(e^{e0} + τ·(e^{e1} − e^{e0})) in kT, τ ∈ [0, 1]: e^{E(t)} grows linearly
 * in time, so E_b(t) = kT·ln(e^{e0} + t/τ_m), the ramp that keeps pace with thermal relaxation. Written as
 * e0 + ln1p(τ·expm1(e1 − e0)) for accuracy near τ = 0; ends exactly at e1.
 */
export function matchedBarrier(e0: number, e1: number, tau: number): number {
  return tau >= 1 ? e1 : e0 + Math.log1p(tau * Math.expm1(e1 - e0));
}

/**
 * LIM write: lower the barrier (E_b → 0), capture the state with a trap at the target well (k: 0 → K),
 * raise the barrier along the matched schedule E_b(t) = kT·ln(1 + t/τ_m) up to E_b (τ_m chosen so the ramp
 * ends at E_b; τ_m = τ0 by default), release the trap (K → 0). Lower, capture and release take a third of
 * `duration` each; the ramp lasts `ramp_duration`.
 */
function limWrite(spec: WriteSpec, dt: number, warnings: string[]): Protocol {
  const levels = 2 ** spec.bits;
  const shape: LandscapeShape = { levels, wall: DEFAULT_WALL_STIFFNESS, head: 'trap', pushDirection: 1 };
  const barrier = spec.barrier_kT;
  const stiffness = writeHeadStiffness(spec);
  const target = wellCentre(spec.to_level, levels);
  const third = phaseSteps('duration', spec.duration_tau0, dt, 3);
  if (spec.ramp_duration_tau0 === undefined && writeRampDuration(spec) / dt > MAX_DEFAULT_RAMP_STEPS) {
    // The matched ramp with τ_m = τ0 grows as e^{E_b}: past ~14 kT it is not simulable; say what to do.
    throw new InputError(
      'ramp-duration',
      `the default matched ramp τ0·(e^{E_b/kT} − 1) = ${writeRampDuration(spec).toExponential(2)} τ0 needs ${(writeRampDuration(spec) / dt).toExponential(2)} steps at dt = ${dt.toPrecision(4)}; give --ramp-duration (e.g. 1000, a ramp matched to τ_m < τ0) or a barrier ≤ ${Math.floor(Math.log(MAX_DEFAULT_RAMP_STEPS * dt))} kT`,
    );
  }
  const rampSteps = phaseSteps('ramp-duration', writeRampDuration(spec), dt);
  const phases: Phase[] = [
    { steps: third, controls: (tau, out, o) => landscapeControls(barrier * (1 - tau), 0, target, out, o) },
    { steps: third, controls: (tau, out, o) => landscapeControls(0, stiffness * tau, target, out, o) },
    { steps: rampSteps, controls: (tau, out, o) => landscapeControls(matchedBarrier(0, barrier, tau), stiffness, target, out, o) },
    { steps: third, controls: (tau, out, o) => landscapeControls(barrier, stiffness * (1 - tau), target, out, o) },
  ];
  return landscapeProtocol(spec, dt, warnings, shape, phases, cellSampler(shape, barrier, spec.from_level));
}

/** Consolidation ramp (see ConsolidateSpec); starts in full equilibrium with the trap on at E_start. */
function consolidation(spec: ConsolidateSpec, dt: number, warnings: string[]): Protocol {
  const levels = 2 ** spec.bits;
  const shape: LandscapeShape = { levels, wall: DEFAULT_WALL_STIFFNESS, head: 'trap', pushDirection: 1 };
  const stiffness = spec.head_stiffness_kT_per_a2 ?? DEFAULT_CAPTURE_STIFFNESS;
  const centre = wellCentre(spec.level, levels);
  const rampSteps = phaseSteps('duration', spec.duration_tau0, dt);
  const releaseSteps = phaseSteps('release-duration', spec.release_duration_tau0 ?? 1, dt);
  const phases: Phase[] = [
    { steps: rampSteps, controls: (tau, out, o) => landscapeControls(matchedBarrier(spec.start_barrier_kT, spec.barrier_kT, tau), stiffness, centre, out, o) },
    { steps: releaseSteps, controls: (tau, out, o) => landscapeControls(spec.barrier_kT, stiffness * (1 - tau), centre, out, o) },
  ];
  const energy = landscapeAt(shape, spec.start_barrier_kT, stiffness, centre);
  const sampler = boltzmannSampler(energy, -levels - 3, levels + 3);
  return landscapeProtocol(spec, dt, warnings, shape, phases, sampler);
}

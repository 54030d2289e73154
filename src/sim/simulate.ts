/**
 * The simulator's library entry: run a protocol on an ensemble and return one JSON-ready result with the
 * measured observables next to their exact or asymptotic references (analytic.ts). Energies are given in
 * kT and in J (through T), times in τ0 (the simulation time unit γa²/kT) and in s (through τ0).
 * Nothing in the result depends on the thread count, so the same seed gives the same document.
 */
import { DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K, thermalEnergy } from '../physics/constants.js';
import { requireNumber } from '../util/errors.js';
import {
  chainTransitionRate,
  generalizedLandauerBound,
  harmonicDeltaF,
  meanFirstPassageTime,
  multiwellKramersRate,
  multiwellTransitionRate,
  quarticKramersRate,
  stiffnessRampMeanWork,
  trapLinearMeanWork,
  trapOptimalMeanWork,
  trapStepMeanWork,
} from './analytic.js';
import {
  fitPowerLaw,
  histogram,
  jarzynskiEstimate,
  meanEstimate,
  proportionEstimate,
  rateEstimate,
  type MeanEstimate,
  type PowerLawFit,
  type RateEstimate,
} from './observables.js';
import { runEnsemble, WorkerPool, defaultThreads, type Ensemble } from './parallel.js';
import { CONTROL_CHANNELS, freeEnergy, wellCentre } from './potentials.js';
import { defaultTimeStep, writeHeadStiffness, writeRampDuration, type ProtocolSpec, type RetentionSpec } from './protocols.js';

export interface SimulateOptions {
  particles: number;
  seed: number;
  /** Time step in τ0; default: defaultTimeStep(spec). */
  dt?: number;
  threads?: number;
  temperature_K?: number;
  tau0_s?: number;
  histogramBins?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  pool?: WorkerPool;
  /** See EnsembleHooks.useWorkers. */
  useWorkers?: boolean;
}

/** A JSON document (numbers, strings, arrays, nested objects). */
export type SimulationResult = Record<string, unknown>;

export const DEFAULT_HISTOGRAM_BINS = 30;

/** Runs `spec` and returns the result document. */
export async function simulate(spec: ProtocolSpec, options: SimulateOptions): Promise<SimulationResult> {
  const temperature = requireNumber('temperature', options.temperature_K ?? DEFAULT_TEMPERATURE_K, { min: 0, minExclusive: true });
  const tau0 = requireNumber('tau0', options.tau0_s ?? DEFAULT_TAU0_S, { min: 0, minExclusive: true });
  const bins = requireNumber('histogram-bins', options.histogramBins ?? DEFAULT_HISTOGRAM_BINS, { min: 1, max: 10000, integer: true });
  const dt = options.dt ?? defaultTimeStep(spec);
  const ensemble = await runEnsemble(
    { spec, dt, particles: options.particles, seed: options.seed },
    { threads: options.threads, signal: options.signal, onProgress: options.onProgress, pool: options.pool, useWorkers: options.useWorkers },
  );
  return describeEnsemble(ensemble, { temperature, tau0, bins });
}

export interface Units {
  temperature: number;
  tau0: number;
  bins: number;
}

/** The result document of a finished (or interrupted) ensemble. */
export function describeEnsemble(ensemble: Ensemble, units: Units): SimulationResult {
  const { protocol, request } = ensemble;
  const kT = thermalEnergy(units.temperature);
  const n = ensemble.particlesCompleted;
  const work = meanEstimate(ensemble.work);
  const deltaU = new Float64Array(n);
  const heat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    deltaU[i] = ensemble.finalEnergy[i] - ensemble.initialEnergy[i];
    heat[i] = ensemble.work[i] - deltaU[i];
  }
  const heatEstimate = meanEstimate(heat);
  const hist = histogram(ensemble.work, units.bins);
  const occupancy = new Array<number>(protocol.levels).fill(0);
  for (let i = 0; i < n; i++) occupancy[ensemble.finalState[i]]++;
  let transitions = 0;
  for (let i = 0; i < n; i++) transitions += ensemble.transitions[i];
  const transitionRate = rateEstimate(transitions, n * protocol.duration);
  const doc: SimulationResult = {
    protocol: request.spec.protocol,
    parameters: { ...request.spec },
    particles: request.particles,
    particles_completed: n,
    interrupted: ensemble.interrupted,
    seed: request.seed,
    dt_tau0: protocol.dt,
    dt_s: protocol.dt * units.tau0,
    steps: protocol.steps,
    duration_tau0: protocol.duration,
    duration_s: protocol.duration * units.tau0,
    temperature_K: units.temperature,
    kT_J: kT,
    tau0_s: units.tau0,
    mean_work_kT: work.mean,
    stderr_work_kT: work.stderr,
    ci95_work_kT: work.ci95,
    sd_work_kT: work.sd,
    mean_work_J: work.mean * kT,
    stderr_work_J: work.stderr * kT,
    mean_heat_kT: heatEstimate.mean,
    stderr_heat_kT: heatEstimate.stderr,
    mean_heat_J: heatEstimate.mean * kT,
    mean_delta_U_kT: meanEstimate(deltaU).mean,
    occupancy_final: occupancy.map((c) => (n > 0 ? c / n : NaN)),
    // Double well: arrivals at the other well bottom (|x| ≥ 1); landscape: arrivals at a neighbouring well centre.
    transitions_total: transitions,
    transition_rate_per_tau0: transitionRate.rate,
    transition_rate_ci95_per_tau0: transitionRate.ci95,
    work_histogram: { bin_edges_kT: hist.edges, counts: hist.counts },
  };
  Object.assign(doc, protocolFindings(ensemble, { kT, tau0: units.tau0, work, transitionRate }));
  doc.warnings = protocol.warnings;
  return doc;
}

function jarzynskiFields(ensemble: Ensemble): SimulationResult {
  const j = jarzynskiEstimate(ensemble.work);
  return { jarzynski_delta_F_kT: j.deltaF, jarzynski_stderr_kT: j.stderr, jarzynski_ci95_kT: j.ci95 };
}

/** Fraction of particles whose final state differs from `target` (or from where they started). */
function failures(ensemble: Ensemble, target?: number): number {
  let count = 0;
  for (let i = 0; i < ensemble.particlesCompleted; i++) {
    const goal = target ?? ensemble.initialState[i];
    if (ensemble.finalState[i] !== goal) count++;
  }
  return count;
}

/** What describeEnsemble has already measured, shared with the protocol-specific findings. */
interface Measured {
  kT: number;
  tau0: number;
  work: MeanEstimate;
  transitionRate: RateEstimate;
}

/**
 * Free-energy change between the equilibrium at the start controls on `startRegion` and at the end
 * controls on `endRegion` ([lo, hi] or [lo, hi, quadrature intervals]), by quadrature of the partition functions.
 */
function deltaFreeEnergy(ensemble: Ensemble, startRegion: number[], endRegion: number[]): number {
  const { protocol } = ensemble;
  const start = new Float64Array(CONTROL_CHANNELS);
  const end = new Float64Array(CONTROL_CHANNELS);
  protocol.controlsAt(0, start, 0);
  protocol.controlsAt(protocol.steps, end, 0);
  const [endLo, endHi, endIntervals] = endRegion;
  const [startLo, startHi, startIntervals] = startRegion;
  return freeEnergy((x) => protocol.energy(x, end, 0), endLo, endHi, endIntervals) - freeEnergy((x) => protocol.energy(x, start, 0), startLo, startHi, startIntervals);
}

/** Dissipated work W − ΔF and the failure rate of a protocol that should leave the state at `target`. */
function dissipationFields(ensemble: Ensemble, measured: Measured, deltaF: number, target: number): SimulationResult {
  const { work, kT } = measured;
  const p = proportionEstimate(failures(ensemble, target), ensemble.particlesCompleted);
  return {
    delta_F_kT: deltaF,
    dissipated_work_kT: work.mean - deltaF,
    dissipated_stderr_kT: work.stderr,
    dissipated_work_J: (work.mean - deltaF) * kT,
    p_fail: p.p,
    p_fail_ci95: p.ci95,
  };
}

function protocolFindings(ensemble: Ensemble, measured: Measured): SimulationResult {
  const { protocol, request } = ensemble;
  const { kT, tau0, work } = measured;
  const spec = request.spec;
  const n = ensemble.particlesCompleted;
  switch (spec.protocol) {
    case 'trap': {
      const duration = protocol.duration;
      const analytic =
        spec.schedule === 'linear'
          ? trapLinearMeanWork(spec.stiffness_kT_per_a2, spec.distance_a, duration)
          : spec.schedule === 'optimal'
            ? trapOptimalMeanWork(spec.stiffness_kT_per_a2, spec.distance_a, duration)
            : trapStepMeanWork(spec.stiffness_kT_per_a2, spec.distance_a);
      return {
        analytic_mean_work_kT: analytic,
        analytic_mean_work_J: analytic * kT,
        reference_work_kT: 0,
        ...jarzynskiFields(ensemble),
        exact_delta_F_kT: 0,
      };
    }
    case 'stiffness': {
      const exact = harmonicDeltaF(spec.from_kT_per_a2, spec.to_kT_per_a2);
      const meanWork = stiffnessRampMeanWork(spec.from_kT_per_a2, spec.to_kT_per_a2, spec.schedule === 'step' ? 0 : protocol.duration);
      return {
        ...jarzynskiFields(ensemble),
        exact_delta_F_kT: exact,
        exact_delta_F_J: exact * kT,
        analytic_mean_work_kT: meanWork,
        reference_work_kT: exact,
      };
    }
    case 'retention': {
      // The measured escape rate is the transition rate of the common fields, repeated under its own name.
      const rate = measured.transitionRate;
      const levels = protocol.levels;
      const escape = spec.bits === 1 ? quarticKramersRate(spec.barrier_kT) : multiwellKramersRate(spec.barrier_kT);
      const kramers = spec.bits === 1 ? escape : multiwellTransitionRate(spec.barrier_kT, levels);
      const fields: SimulationResult = {
        rate_per_tau0: rate.rate,
        rate_stderr_per_tau0: rate.stderr,
        rate_ci95_per_tau0: rate.ci95,
        rate_per_s: rate.rate / tau0,
        rate_ci95_per_s: rate.ci95.map((r) => r / tau0),
        kramers_rate_per_tau0: kramers,
        kramers_rate_per_s: kramers / tau0,
        kramers_escape_rate_per_tau0: escape,
        retention_time_tau0: 1 / rate.rate,
        retention_time_s: tau0 / rate.rate,
        p_flipped: n > 0 ? failures(ensemble) / n : NaN,
      };
      const exact = exactRetentionRate(ensemble);
      fields.exact_rate_per_tau0 = exact;
      fields.exact_rate_per_s = exact / tau0;
      return fields;
    }
    case 'erase': {
      const failed = failures(ensemble, 0);
      const p = proportionEstimate(failed, n);
      const bound = generalizedLandauerBound(p.p);
      // Standard error of W̄ − B(p̂) by the delta method: per particle, W_i − B'(p̂)·[failed_i], B' = ln(p/(1 − p)).
      const slope = p.p > 0 && p.p < 1 ? Math.log(p.p / (1 - p.p)) : 0;
      const linear = new Float64Array(n);
      for (let i = 0; i < n; i++) linear[i] = ensemble.work[i] - slope * (ensemble.finalState[i] !== 0 ? 1 : 0);
      const excess = meanEstimate(linear);
      return {
        p_fail: p.p,
        p_fail_stderr: p.stderr,
        p_fail_ci95: p.ci95,
        landauer_bound_kT: bound,
        landauer_bound_J: bound * kT,
        landauer_ideal_kT: Math.LN2,
        excess_work_kT: work.mean - bound,
        excess_stderr_kT: excess.stderr,
        reference_work_kT: bound,
        // The protocol is cyclic (same controls at both ends), so Jarzynski's ΔF is exactly 0.
        ...jarzynskiFields(ensemble),
        exact_delta_F_kT: 0,
      };
    }
    case 'write': {
      const levels = protocol.levels;
      const from = wellCentre(spec.from_level, levels);
      const to = wellCentre(spec.to_level, levels);
      const crossed = Math.abs(spec.to_level - spec.from_level);
      const floor = spec.bits * Math.LN2;
      const fields: SimulationResult = {
        memory: spec.memory,
        ...dissipationFields(ensemble, measured, deltaFreeEnergy(ensemble, [from - 1, from + 1], [to - 1, to + 1]), spec.to_level),
        barriers_crossed: crossed,
        static_reference_kT: crossed * spec.barrier_kT,
        landauer_floor_kT: floor,
        reference_work_kT: spec.memory === 'lim' ? floor : 0,
        head_stiffness_kT_per_a2: writeHeadStiffness(spec),
        retention_barrier_kT: spec.barrier_kT,
        wall_stiffness_kT_per_a2: protocol.shape!.wall,
      };
      if (spec.memory === 'lim') {
        fields.ramp_duration_tau0 = writeRampDuration(spec);
        fields.ramp_duration_s = writeRampDuration(spec) * tau0;
      }
      return fields;
    }
    case 'consolidate': {
      const levels = protocol.levels;
      const centre = wellCentre(spec.level, levels);
      // Starts in equilibrium over the whole landscape (wider range, finer quadrature), ends held in one cell.
      const deltaF = deltaFreeEnergy(ensemble, [-levels - 4, levels + 4, 80000], [centre - 1, centre + 1]);
      return { ...dissipationFields(ensemble, measured, deltaF, spec.level), reference_work_kT: deltaF };
    }
  }
}

/**
 * The exact transition rate of free retention from first-passage times (analytic.ts): the quartic well
 * counts transitions between the well bottoms, so the rate is 1/MFPT(−1 → +1); the landscape counts
 * arrivals at a neighbouring well centre, combined over end and interior wells by chainTransitionRate.
 */
function exactRetentionRate(ensemble: Ensemble): number {
  const { protocol } = ensemble;
  const spec = ensemble.request.spec as RetentionSpec;
  const e = spec.barrier_kT;
  if (protocol.kernel === 'polynomial') {
    return 1 / meanFirstPassageTime((x) => e * (x * x - 1) ** 2, -1, 1, -1 - Math.max(1.5, 3 / Math.sqrt(e)));
  }
  const levels = protocol.levels;
  const controls = new Float64Array(CONTROL_CHANNELS);
  protocol.controlsAt(0, controls, 0);
  const energy = (x: number) => protocol.energy(x, controls, 0);
  const end = wellCentre(0, levels);
  const wallReach = Math.sqrt(60 / protocol.shape!.wall);
  const endTime = meanFirstPassageTime(energy, end, end + 2, -levels - wallReach);
  // Interior wells are symmetric about their centre: the exit time equals the passage time to c + 2 with
  // a reflecting boundary at c.
  const interiorTime = levels > 2 ? meanFirstPassageTime(energy, end + 2, end + 4, end + 2) : NaN;
  return chainTransitionRate(levels, endTime, interiorTime);
}

// ---------- sweeps ----------

export interface SweepOptions extends Omit<SimulateOptions, 'pool' | 'onProgress'> {
  onProgress?: (point: number, points: number, done: number, total: number) => void;
}

/** `count` durations spaced geometrically from `from` to `to` (inclusive). */
export function geometricDurations(from: number, to: number, count: number): number[] {
  requireNumber('from', from, { min: 0, minExclusive: true });
  requireNumber('to', to, { min: 0, minExclusive: true });
  requireNumber('count', count, { min: 1, max: 1000, integer: true });
  if (count === 1) return [from];
  return Array.from({ length: count }, (_, i) => from * (to / from) ** (i / (count - 1)));
}

/** Copy of `spec` with another duration. */
export function withDuration(spec: ProtocolSpec, duration: number): ProtocolSpec {
  return { ...spec, duration_tau0: duration } as ProtocolSpec;
}

export interface SweepRow {
  duration_tau0: number;
  duration_s: number;
  mean_work_kT: number;
  stderr_work_kT: number;
  reference_work_kT: number;
  excess_work_kT: number;
  excess_stderr_kT: number;
  p_fail?: number;
  particles_completed: number;
  steps: number;
  dt_tau0: number;
  seed: number;
}

/**
 * Work against protocol duration, with a fit of the excess over the slow limit (reference_work_kT: the
 * generalised Landauer bound for erasure, ΔF for stiffness/consolidation, N·ln2 for the LIM write, 0 for
 * the trap) to A·t^α and to B/t. Point i uses seed + i, so the points are independent.
 */
export async function sweepDuration(spec: ProtocolSpec, durations: number[], options: SweepOptions): Promise<SimulationResult> {
  const rows: SweepRow[] = [];
  const points: SimulationResult[] = [];
  const threads = options.threads ?? defaultThreads();
  const pool = threads > 1 || options.useWorkers ? new WorkerPool(threads) : undefined;
  let interrupted = false;
  try {
    for (let i = 0; i < durations.length; i++) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const result = await simulate(withDuration(spec, durations[i]), {
        ...options,
        seed: options.seed + i,
        threads,
        pool,
        onProgress: (done, total) => options.onProgress?.(i, durations.length, done, total),
      });
      points.push(result);
      const reference = Number(result.reference_work_kT ?? 0);
      const mean = Number(result.mean_work_kT);
      const stderr = Number(result.stderr_work_kT);
      rows.push({
        duration_tau0: durations[i],
        duration_s: durations[i] * Number(result.tau0_s),
        mean_work_kT: mean,
        stderr_work_kT: stderr,
        reference_work_kT: reference,
        excess_work_kT: mean - reference,
        excess_stderr_kT: Number(result.excess_stderr_kT ?? stderr),
        ...(result.p_fail !== undefined ? { p_fail: Number(result.p_fail) } : {}),
        particles_completed: Number(result.particles_completed),
        steps: Number(result.steps),
        dt_tau0: Number(result.dt_tau0),
        seed: options.seed + i,
      });
      if (result.interrupted) {
        interrupted = true;
        break;
      }
    }
  } finally {
    await pool?.close();
  }
  // Rows without a standard error (fewer than two particles finished) are counted as dropped by the fit.
  const fit: PowerLawFit = fitPowerLaw(
    rows.map((r) => r.duration_tau0),
    rows.map((r) => r.excess_work_kT),
    rows.map((r) => r.excess_stderr_kT),
  );
  return {
    sweep: 'duration',
    protocol: spec.protocol,
    parameters: { ...spec },
    particles: options.particles,
    seed: options.seed,
    interrupted,
    temperature_K: points[0]?.temperature_K ?? options.temperature_K ?? DEFAULT_TEMPERATURE_K,
    tau0_s: points[0]?.tau0_s ?? options.tau0_s ?? DEFAULT_TAU0_S,
    rows,
    fit: {
      model: 'excess_work_kT = A · duration_tau0^exponent (weighted least squares on log excess); and B / duration_tau0',
      exponent: fit.exponent,
      exponent_stderr: fit.exponentStderr,
      prefactor_kT: fit.prefactor,
      inverse_prefactor_kT_tau0: fit.inversePrefactor,
      inverse_prefactor_stderr_kT_tau0: fit.inversePrefactorStderr,
      points: rows.length,
      points_used: fit.points,
      inverse_points_used: fit.inversePoints,
      // The log fit cannot use excess ≤ 0 (durations near the slow limit): dropping them steepens the exponent.
      points_dropped_nonpositive_excess: fit.droppedNonPositive,
      points_dropped_no_stderr: fit.droppedNoError,
    },
  };
}

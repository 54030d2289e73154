/**
 * The protocols the machine runs, as knots and phases (protocol.ts).
 *
 * QP mode (harmonic cells, a4 = a2 = 0, λ = 1):
 * - `field-ramp`: the field scale μ rises linearly 0 → 1 over the anneal (from equilibrium at zero
 *   field), is held while the cells are read out (time average), then falls back 1 → 0 (reset).
 * - `equilibrium`: start in equilibrium at the full field and only read out (the precision–time law).
 *
 * Ising / MAX-CUT mode (bistable cells E_b(t)·(x² − 1)², coupling λ(t) ramped up from 0):
 * - phases: anneal (λ: 0 → λ_max), consolidate (the barrier rises to the retention barrier), hold
 *   (read-out), reset (λ → 0, then the barrier back to its start): a full cycle, so the mean work of the
 *   cycle cannot be negative.
 * - `static`: the barrier stays at the retention barrier throughout (a compute-in-memory cell).
 * - `lim`: the barrier is low (E_low) while the coupling anneals, then rises along the matched ramp
 *   (consolidationBarrier): retention always ahead of the solution's age, compression quasi-static.
 * - `free`: no barrier at all during the anneal (a soft quartic cell x⁴), then the cell is morphed into
 *   the low-barrier well and consolidated as for `lim`.
 * - a schedule file gives E_b(t) and λ(t) (and optionally μ(t)) as knots.
 */
import { InputError, requireNumber } from '../util/errors.js';
import { cellBarrier, cellShape, type Controls, type PhaseSpec, type ProtocolSpec } from './protocol.js';

export type MemorySchedule = 'static' | 'lim' | 'free';
export const MEMORY_SCHEDULES: readonly MemorySchedule[] = ['static', 'lim', 'free'];

export type QPProtocol = 'field-ramp' | 'equilibrium';
export const QP_PROTOCOLS: readonly QPProtocol[] = ['field-ramp', 'equilibrium'];

export interface QPProtocolOptions {
  protocol: QPProtocol;
  /** Anneal (ramp) time, τ_D. */
  duration_tau0: number;
  /** Read-out window, τ_D. */
  readout_tau0: number;
  /** Reset time, τ_D (default: the ramp time). */
  reset_tau0?: number;
  /** Relaxation before t = 0 (only for a non-exact start), τ_D. */
  warmup_tau0?: number;
}

const qpControls = (mu: number): Controls => [0, 0, 0, 1, mu];

export function qpProtocol(o: QPProtocolOptions): ProtocolSpec {
  requireNumber('duration', o.duration_tau0, { min: 0, minExclusive: true });
  requireNumber('readout', o.readout_tau0, { min: 0, minExclusive: true });
  if (o.protocol === 'equilibrium') {
    return {
      times: [0, o.readout_tau0],
      controls: [qpControls(1), qpControls(1)],
      phases: [{ name: 'hold', end_tau0: o.readout_tau0, readout: true }],
      initial: 'gaussian',
      warmup_tau0: o.warmup_tau0 ?? 0,
    };
  }
  if (o.protocol !== 'field-ramp') throw new InputError('protocol', `unknown QP protocol '${String(o.protocol)}' (allowed: ${QP_PROTOCOLS.join(', ')})`);
  const t1 = o.duration_tau0;
  const t2 = t1 + o.readout_tau0;
  const t3 = t2 + (o.reset_tau0 ?? o.duration_tau0);
  return {
    times: [0, t1, t2, t3],
    controls: [qpControls(0), qpControls(1), qpControls(1), qpControls(0)],
    phases: [
      { name: 'anneal', end_tau0: t1 },
      { name: 'hold', end_tau0: t2, readout: true },
      { name: 'reset', end_tau0: t3 },
    ],
    initial: 'gaussian',
    warmup_tau0: o.warmup_tau0 ?? 0,
  };
}

export interface IsingScheduleOptions {
  memory: MemorySchedule;
  /** Anneal time (λ ramp), τ_D. */
  anneal_tau0: number;
  /** Final coupling scale λ_max (the problem as given, in kT per unit of E_problem). */
  lambda_max: number;
  /** Coupling scale where the geometric ramp starts (after a linear piece from 0). */
  lambda_start: number;
  /** Retention barrier, kT. */
  retention_barrier_kT: number;
  /** Barrier while the coupling anneals (lim), kT. */
  low_barrier_kT: number;
  consolidate_tau0: number;
  hold_tau0: number;
  reset_tau0: number;
  /** Warm-up at the start controls (random bits relax in their wells), τ_D. */
  warmup_tau0: number;
  /** Reflecting walls at ±wall (units of a), through the whole cycle; undefined: none. */
  wall?: number;
}

/** Knots of the anneal's coupling ramp: linear 0 → λ_start over the first 1/KNOTS, then geometric to λ_max. */
const RAMP_KNOTS = 48;
/** Knots of the consolidation ramp. */
const CONSOLIDATION_KNOTS = 24;

/**
 * The matched consolidation ramp at fraction u of the consolidation phase: geometric in the barrier,
 * E_b = E_low·(E_ret/E_low)^u (from max(E_low, 1 kT) when E_low is lower). It meets both halves of the
 * matching rule (docs/model.md §7): the escape time ≈ τ0·e^{E_b/kT} (τ0 the Arrhenius attempt time) stays above the age of the committed
 * solution (e^{E_b} grows faster than t), and the barrier's relative rate ln(E_ret/E_low)/T_c stays below
 * the in-well relaxation rate 8·E_b/γ, so the compression of the wells is quasi-static. The MODEL.md
 * form kT·ln(e^{E_low} + t/τ_m), compressed into a simulable time (τ_m ≪ τ_D), is instead a jump to
 * ≈ E_ret − ln(T_c/τ_D) within 10⁻² τ_D — a quench that dissipates ≈ E_b·⟨φ⟩ per cell.
 */
export function consolidationBarrier(eLow: number, eRet: number, u: number): number {
  const start = Math.max(eLow, 1);
  return start * (eRet / start) ** u;
}

export function validateIsingSchedule(o: IsingScheduleOptions): void {
  if (!MEMORY_SCHEDULES.includes(o.memory)) throw new InputError('memory', `unknown memory schedule '${String(o.memory)}' (allowed: ${MEMORY_SCHEDULES.join(', ')}, or a schedule file)`);
  requireNumber('duration', o.anneal_tau0, { min: 0, minExclusive: true });
  requireNumber('lambda-max', o.lambda_max, { min: 0, minExclusive: true });
  requireNumber('lambda-start', o.lambda_start, { min: 0, max: o.lambda_max, minExclusive: true });
  requireNumber('retention-barrier', o.retention_barrier_kT, { min: 0.5, max: 60 });
  requireNumber('low-barrier', o.low_barrier_kT, { min: 0, max: o.retention_barrier_kT });
  requireNumber('consolidate', o.consolidate_tau0, { min: 0, minExclusive: true });
  requireNumber('hold', o.hold_tau0, { min: 0, minExclusive: true });
  requireNumber('reset', o.reset_tau0, { min: 0, minExclusive: true });
}

export function isingSchedule(o: IsingScheduleOptions): ProtocolSpec {
  validateIsingSchedule(o);
  const times: number[] = [];
  const controls: Controls[] = [];
  const knot = (t: number, cell: [number, number, number], lambda: number) => {
    times.push(t);
    controls.push([cell[0], cell[1], cell[2], lambda, 1]);
  };
  const eRet = o.retention_barrier_kT;
  const eLow = o.low_barrier_kT;
  const retention = cellBarrier(eRet);
  /** The cell while the coupling anneals. */
  const annealCell: [number, number, number] = o.memory === 'static' ? retention : o.memory === 'lim' ? cellBarrier(eLow) : cellShape(1, 0);
  const ta = o.anneal_tau0;
  // Anneal: λ from 0, linear to λ_start, then geometric to λ_max.
  knot(0, annealCell, 0);
  const ratio = o.lambda_max / o.lambda_start;
  for (let k = 1; k <= RAMP_KNOTS; k++) knot((ta * k) / RAMP_KNOTS, annealCell, o.lambda_start * ratio ** ((k - 1) / (RAMP_KNOTS - 1)));
  // Consolidate: the barrier rises to the retention barrier (static: it is already there).
  const tc = ta + o.consolidate_tau0;
  if (o.memory === 'static') knot(tc, retention, o.lambda_max);
  else {
    let t0 = ta;
    if (o.memory === 'free') {
      // Morph the soft cell into the low-barrier well over the first tenth.
      t0 = ta + 0.1 * o.consolidate_tau0;
      knot(t0, cellBarrier(eLow), o.lambda_max);
    }
    const span = tc - t0;
    for (let k = 1; k <= CONSOLIDATION_KNOTS; k++) {
      const u = k / CONSOLIDATION_KNOTS;
      const barrier = k === CONSOLIDATION_KNOTS ? eRet : consolidationBarrier(eLow, eRet, u);
      knot(t0 + u * span, cellBarrier(barrier), o.lambda_max);
    }
  }
  const th = tc + o.hold_tau0;
  knot(th, retention, o.lambda_max);
  // Reset: the coupling off, then the barrier back to its start value.
  const half = th + 0.5 * o.reset_tau0;
  const tr = th + o.reset_tau0;
  knot(half, retention, 0);
  knot(tr, annealCell, 0);
  const phases: PhaseSpec[] = [
    { name: 'anneal', end_tau0: ta },
    { name: 'consolidate', end_tau0: tc },
    { name: 'hold', end_tau0: th, readout: true },
    { name: 'reset', end_tau0: tr },
  ];
  return { times, controls, phases, initial: 'wells', warmup_tau0: o.warmup_tau0, wall: o.wall };
}

/**
 * A schedule file: JSON {"knots": [{"t": τ_D, "barrier_kT": E_b, "lambda": λ, "mu"?: μ}, …],
 * "phases"?: [{"name", "end", "readout"?}], "wall"?: x}. Without phases: one anneal up to the knot of largest λ,
 * then a hold (read-out) to the end.
 */
export function scheduleFromJson(doc: unknown, field = 'schedule'): ProtocolSpec {
  const fail = (msg: string): never => {
    throw new InputError(field, msg);
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('expected a JSON object with "knots"');
  const d = doc as Record<string, unknown>;
  if (!Array.isArray(d.knots) || d.knots.length < 2) fail('"knots" must be an array of at least two {t, barrier_kT, lambda} objects');
  const times: number[] = [];
  const controls: Controls[] = [];
  (d.knots as unknown[]).forEach((k, idx) => {
    if (typeof k !== 'object' || k === null) fail(`knot ${idx} must be an object {t, barrier_kT, lambda}`);
    const o = k as Record<string, unknown>;
    const num = (key: string, dflt?: number): number => {
      const v = o[key] ?? dflt;
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`knot ${idx}: "${key}" must be a finite number`);
      return v as number;
    };
    const barrier = num('barrier_kT');
    if (barrier < 0 || barrier > 60) fail(`knot ${idx}: "barrier_kT" must be between 0 and 60, got ${barrier}`);
    const cell = barrier > 0 ? cellBarrier(barrier) : cellShape(1, 0);
    times.push(num('t'));
    controls.push([cell[0], cell[1], cell[2], num('lambda'), num('mu', 1)]);
  });
  const end = times[times.length - 1];
  let phases: PhaseSpec[];
  if (d.phases !== undefined) {
    if (!Array.isArray(d.phases)) fail('"phases" must be an array of {name, end, readout?}');
    phases = (d.phases as unknown[]).map((p, idx) => {
      const o = (p ?? {}) as Record<string, unknown>;
      if (typeof o.name !== 'string' || typeof o.end !== 'number') fail(`phase ${idx} needs "name" (string) and "end" (τ_D)`);
      return { name: o.name as string, end_tau0: o.end as number, readout: o.readout === true };
    });
  } else {
    let peak = 0;
    controls.forEach((c, k) => {
      if (c[3] > controls[peak][3]) peak = k;
    });
    const tPeak = times[peak] < end ? times[peak] : times[times.length - 2];
    phases = [
      { name: 'anneal', end_tau0: tPeak },
      { name: 'hold', end_tau0: end, readout: true },
    ];
  }
  if (d.wall !== undefined && (typeof d.wall !== 'number' || !Number.isFinite(d.wall))) fail('"wall" must be a finite number (units of the well position)');
  return { times, controls, phases, initial: 'wells', warmup_tau0: typeof d.warmup === 'number' ? d.warmup : 1, wall: d.wall as number | undefined };
}

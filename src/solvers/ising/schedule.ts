/**
 * Annealing schedules: the temperature of sweep s = 0 … S−1 (t = s + 1 counts sweeps from 1).
 *
 * - geometric: T_s = T0·(T1/T0)^{s/(S−1)} (Kirkpatrick, Gelatt & Vecchi, Science 220, 671, 1983).
 * - log: Hajek's schedule T(t) = c/ln(1 + t) (B. Hajek, "Cooling schedules for optimal annealing",
 *   Math. Oper. Res. 13(2), 311, 1988). Hajek's convergence guarantee needs c ≥ the depth of the deepest
 *   non-global well, which no finite run honours; by default c = T1·ln(1 + S), so the run ends at T1.
 * - lim: the learning-in-memory annealer. Each spin is a memory cell whose barrier rises as
 *   E_b(t) = kT·ln(1 + t/τ0) (MODEL.md §2.6; τ0 in sweeps). An uphill flip ΔH must be carried over the
 *   barrier by thermal noise, with probability e^{−(E_b(t)/kT)·ΔH/ε} = (1 + t/τ0)^{−ΔH/ε}, ε the problem
 *   energy that one kT of barrier holds. That is Metropolis at T(t) = ε / ln(1 + t/τ0): the barrier ramp
 *   is a logarithmic schedule. ε and τ0 are chosen so the run spans T0 → T1. T(1)/T(S) = ln(1 + S/τ0)/ln(1 + 1/τ0)
 *   rises to S as τ0 → ∞ and never exceeds it, so a lim run cools at most S-fold: a T1 below T0/S is clamped
 *   to ≈ T0/S (the schedule's t1 reports the end temperature actually used).
 */
import { InputError } from '../../util/errors.js';

export type ScheduleKind = 'geometric' | 'log' | 'lim';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['geometric', 'log', 'lim'];

export interface Schedule {
  kind: ScheduleKind;
  sweeps: number;
  t0: number;
  t1: number;
  /** log: Hajek's constant c. */
  hajek_c?: number;
  /** lim: memory attempt time τ0 in sweeps and the problem energy per kT of barrier ε. */
  tau0_sweeps?: number;
  epsilon?: number;
}

export interface ScheduleParameters {
  t0?: number;
  t1?: number;
  hajek_c?: number;
  tau0_sweeps?: number;
}

/**
 * Rejects parameters the schedule would silently ignore (undefined means "not given"): log has one
 * constant, c (T0 = c/ln 2 follows from it), so t0 never applies and t1 only sets c when c is not given;
 * lim's end temperature follows from t0 and τ0, so t1 and τ0 exclude each other; geometric uses neither c nor τ0.
 */
export function checkScheduleParameters(kind: ScheduleKind, given: ScheduleParameters): void {
  requireScheduleKind(kind);
  const has = (k: keyof ScheduleParameters) => given[k] !== undefined;
  if (kind !== 'log' && has('hajek_c')) throw new InputError('hajek_c', `applies only to the log schedule, not '${kind}'`);
  if (kind !== 'lim' && has('tau0_sweeps')) throw new InputError('tau0_sweeps', `applies only to the lim schedule, not '${kind}'`);
  if (kind === 'log' && has('t0')) throw new InputError('t0', 'the log schedule T = c/ln(1+t) has one constant and starts at c/ln 2: set it with --hajek-c or --t1');
  if (kind === 'log' && has('hajek_c') && has('t1')) throw new InputError('t1', 'the log schedule has one constant: give --hajek-c or --t1, not both');
  if (kind === 'lim' && has('tau0_sweeps') && has('t1')) throw new InputError('t1', 'the lim schedule ends where t0 and --tau0-sweeps put it: give --t1 or --tau0-sweeps, not both');
}

function requireScheduleKind(kind: ScheduleKind): void {
  if (!SCHEDULE_KINDS.includes(kind)) throw new InputError('schedule', `unknown schedule '${String(kind)}' (allowed: ${SCHEDULE_KINDS.join(', ')})`);
}

export function makeSchedule(kind: ScheduleKind, sweeps: number, t0: number, t1: number, opts: { hajek_c?: number; tau0_sweeps?: number } = {}): Schedule {
  requireScheduleKind(kind);
  if (!(t0 >= t1) || !(t1 >= 0)) throw new InputError('t0', `need t0 ≥ t1 ≥ 0, got t0 = ${t0}, t1 = ${t1}`);
  if (kind === 'geometric') return { kind, sweeps, t0, t1 };
  if (kind === 'log') {
    const c = opts.hajek_c ?? t1 * Math.log(1 + sweeps);
    return { kind, sweeps, t0: c / Math.LN2, t1: c / Math.log(1 + sweeps), hajek_c: c };
  }
  const tau0 = opts.tau0_sweeps ?? fitTau0(sweeps, t1 / Math.max(t0, Number.MIN_VALUE));
  // log1p: fitTau0 may clamp τ0 to e^60, where Math.log(1 + 1/τ0) rounds to 0 and T would be 0/0.
  const epsilon = t0 * Math.log1p(1 / tau0);
  return { kind, sweeps, t0, t1: epsilon / Math.log1p(sweeps / tau0), tau0_sweeps: tau0, epsilon };
}

/** Temperature of sweep s (0-based). */
export function temperatureAt(sch: Schedule, s: number): number {
  const t = s + 1;
  switch (sch.kind) {
    case 'geometric':
      return sch.sweeps <= 1 ? sch.t1 : sch.t0 * Math.pow(sch.t1 / sch.t0, s / (sch.sweeps - 1));
    case 'log':
      return sch.hajek_c! / Math.log1p(t);
    case 'lim':
      return sch.epsilon! / barrierKT(sch, s);
  }
}

/** lim: the memory barrier at sweep s in units of kT, ln(1 + t/τ0). */
export function barrierKT(sch: Schedule, s: number): number {
  return Math.log1p((s + 1) / (sch.tau0_sweeps ?? 1));
}

/**
 * τ0 such that ln(1 + 1/τ0) / ln(1 + S/τ0) = ratio (= T1/T0). The left side falls
 * from 1 (τ0 → 0) to 1/S (τ0 → ∞), monotonically, so bisection on log τ0 finds it; ratios outside
 * (1/S, 1) are clamped to the ends.
 */
export function fitTau0(sweeps: number, ratio: number): number {
  const f = (logTau: number) => {
    const tau = Math.exp(logTau);
    return Math.log1p(1 / tau) / Math.log1p(sweeps / tau);
  };
  let lo = -60, hi = 60;
  if (ratio >= f(lo)) return Math.exp(lo);
  if (ratio <= f(hi)) return Math.exp(hi);
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > ratio) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}

/**
 * The energy–speed trade-off (docs/model.md §4): every row's energy against the time to solution T_sol, with
 * the counts held fixed. LIM falls towards the Landauer floor as 1/T_sol; the static-barrier rows do not
 * (their best barrier E_b* grows with ln T_sol) and von Neumann rows grow with refresh time.
 */
import type { Resolved } from './resolve.js';
import type { OperationCounts } from './counts.js';
import { derive, type PricingEnv } from './env.js';
import { PARADIGMS, withOverrides, type ParadigmId, type TermOverrides } from './paradigms.js';
import { priceInto, STRIDE, TOTAL } from './price.js';

export interface TradeoffPoint {
  time_s: number;
  /** Energy per paradigm id, J. */
  energy_J: Record<ParadigmId, number>;
  cim_barrier_kT: number;
  /** τ_u ≥ τ0 at this T_sol: inside the model's domain (Arrhenius escape, overdamped cell). */
  in_model_domain: boolean;
}

export interface Tradeoff {
  points: TradeoffPoint[];
  /** T_sol at which each cell is updated once per relaxation time (τ_u = τ_r). */
  relaxation_limited_time_s: number;
  /** Shortest T_sol inside the model's domain: τ_u = τ0, T_sol = τ0·OPS/P. Faster points are outside it. */
  model_domain_min_time_s: number;
  /** T_sol at which LIM is within 2× of the Landauer floor (null if it never is, e.g. consolidation dominates). */
  lim_within_2x_time_s: number | null;
  /** Whether that time lies inside the model's domain (null when there is no such time). */
  lim_within_2x_in_model_domain: boolean | null;
  /** LIM ÷ floor at the input's own T_sol. */
  lim_over_floor_at_input: number;
}

/** Landauer floor and LIM energy at one T_sol, using the fast core. */
function limAndFloor(c: OperationCounts, e: PricingEnv, time: number, buf: Float64Array, paradigms: typeof PARADIGMS): [number, number] {
  priceInto({ ...c, time_s: time }, e, buf, paradigms);
  return [buf[TOTAL]!, buf[STRIDE + TOTAL]!];
}

export function limWithin2xTime(c: OperationCounts, e: PricingEnv, terms?: TermOverrides): number | null {
  const paradigms = withOverrides(terms);
  const buf = new Float64Array(paradigms.length * STRIDE);
  const ratio = (t: number) => {
    const [floor, lim] = limAndFloor(c, e, t, buf, paradigms);
    return lim / floor;
  };
  // Start far below the relaxation-limited time, where the 1/T_sol excess dominates, and step up.
  let hi = ((derive(c, e).relaxation_s * c.ops) / c.params) * 1e-9;
  if (ratio(hi) <= 2) return hi; // within 2× even at absurd speed (e.g. a user term without the excess)
  for (let i = 0; i < 200 && ratio(hi) > 2; i++) hi *= 10;
  if (ratio(hi) > 2) return null;
  let lo = hi / 10;
  // Bisection in log time: LIM is non-increasing in T_sol. The geometric mean as √lo·√hi: lo·hi overflows
  // to Infinity once the times pass 1e154 s.
  // Stryker disable next-line UpdateOperator: validated inputs start the search at a positive finite time, and a factor-10 bracket is within 1 + 1e-12 after 42 halvings, so the loop always breaks long before i reaches 100
  for (let i = 0; i < 100; i++) {
    const mid = Math.sqrt(lo) * Math.sqrt(hi);
    if (ratio(mid) > 2) lo = mid;
    else hi = mid;
    if (hi / lo < 1 + 1e-12) break;
  }
  return hi;
}

export function tradeoff(resolved: Resolved, options: { points?: number; from_s?: number; to_s?: number; terms?: TermOverrides } = {}): Tradeoff {
  const { counts, env } = resolved;
  const paradigms = withOverrides(options.terms);
  const relaxationLimited = (derive(counts, env).relaxation_s * counts.ops) / counts.params;
  const domainMin = modelDomainMinTime_s(counts, env);
  const n = Math.max(2, Math.min(10000, Math.floor(options.points ?? 41)));
  // Default span: from 1000× faster than the relaxation-limited speed to 100× the input's own time.
  const from = options.from_s ?? Math.min(relaxationLimited * 1e-3, counts.time_s / 10);
  const to = Math.max(from * 10, options.to_s ?? Math.max(counts.time_s * 100, from * 1e6));
  const buf = new Float64Array(paradigms.length * STRIDE);
  const points: TradeoffPoint[] = [];
  for (let i = 0; i < n; i++) {
    const t = from * (to / from) ** (i / (n - 1));
    const d = priceInto({ ...counts, time_s: t }, env, buf, paradigms);
    const energy = {} as Record<ParadigmId, number>;
    paradigms.forEach((p, r) => (energy[p.id] = buf[r * STRIDE + TOTAL]!));
    points.push({ time_s: t, energy_J: energy, cim_barrier_kT: d.cim_barrier_kT, in_model_domain: d.in_model_domain });
  }
  const [floor, lim] = limAndFloor(counts, env, counts.time_s, buf, paradigms);
  const within = limWithin2xTime(counts, env, options.terms);
  return {
    points,
    relaxation_limited_time_s: relaxationLimited,
    model_domain_min_time_s: domainMin,
    lim_within_2x_time_s: within,
    lim_within_2x_in_model_domain: within === null ? null : within >= domainMin,
    lim_over_floor_at_input: lim / floor,
  };
}

/** T_sol at which each cell is updated once per attempt time (τ_u = τ0): the fastest point of the model's domain. */
export function modelDomainMinTime_s(c: OperationCounts, e: PricingEnv): number {
  return (e.tau0_s * c.ops) / c.params;
}

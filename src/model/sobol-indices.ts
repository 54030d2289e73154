/**
 * Variance-based sensitivity indices from a Saltelli design: two independent point sets A and B and, for
 * each input i, the set AB_i (A with column i taken from B). With f evaluated on all of them:
 *
 *   V    = variance of f over A ∪ B
 *   S_i  = mean( f(B)·(f(AB_i) − f(A)) ) / V          first order (Saltelli et al. 2010, Comput. Phys.
 *                                                       Commun. 181, 259–270, Table 2 (b))
 *   ST_i = mean( (f(A) − f(AB_i))² ) / (2·V)           total order (Jansen 1999, Comput. Phys. Commun.
 *                                                       117, 35–43; Table 2 (f) of Saltelli et al.)
 *
 * Confidence intervals: percentile bootstrap over the N rows of the design (resampled with replacement,
 * seeded), as in common practice (e.g. Archer, Saltelli & Sobol 1997).
 */
import { seedParticle, nextInt32 } from '../sim/rng.js';
import { quantileSorted } from '../util/quantile.js';

export interface IndexEstimate {
  first: number;
  total: number;
  /** 95 % percentile-bootstrap intervals. */
  first_ci: [number, number];
  total_ci: [number, number];
}

/** Estimators on rows `rows` (indices into the arrays; all rows when omitted). */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: Uint32Array | undefined, first: Float64Array, total: Float64Array): void {
  const n = rows ? rows.length : fA.length;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k]! : k;
    const a = fA[j]!;
    const b = fB[j]!;
    // Stryker disable next-line AssignmentOperator: sum only enters the variance as mean², which −sum leaves unchanged (negation is exact)
    sum += a + b;
    sumSq += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = sumSq / (2 * n) - mean * mean;
  for (let i = 0; i < fAB.length; i++) {
    const ab = fAB[i]!;
    let s = 0;
    let t = 0;
    for (let k = 0; k < n; k++) {
      const j = rows ? rows[k]! : k;
      const a = fA[j]!;
      const c = ab[j]!;
      s += fB[j]! * (c - a);
      t += (a - c) * (a - c);
    }
    first[i] = variance > 0 ? s / n / variance : Number.NaN;
    total[i] = variance > 0 ? t / (2 * n) / variance : Number.NaN;
  }
}

/** Relative variance below which an output is taken as constant (no indices). */
const CONSTANT_OUTPUT = 1e-20;

export function sobolIndices(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], options: { bootstrap?: number; seed?: number } = {}): IndexEstimate[] {
  const d = fAB.length;
  const n = fA.length;
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  estimate(fA, fB, fAB, undefined, first, total);
  let scale = 0;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += fA[j]! / n;
  for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(fA[j]!), Math.abs(fB[j]!));
  let variance = 0;
  for (let j = 0; j < n; j++) variance += ((fA[j]! - mean) ** 2 + (fB[j]! - mean) ** 2) / (2 * n);
  const constant = !(variance > CONSTANT_OUTPUT * Math.max(1, scale * scale));
  const resamples = options.bootstrap ?? 100;
  const firstDraws = Array.from({ length: d }, () => new Float64Array(resamples));
  const totalDraws = Array.from({ length: d }, () => new Float64Array(resamples));
  if (!constant) {
    const state = new Uint32Array(4);
    seedParticle(options.seed ?? 1, 0xb0075, state, 0);
    const rows = new Uint32Array(n);
    const f = new Float64Array(d);
    const t = new Float64Array(d);
    for (let b = 0; b < resamples; b++) {
      for (let k = 0; k < n; k++) rows[k] = Math.floor(((nextInt32(state, 0) >>> 0) / 4294967296) * n);
      estimate(fA, fB, fAB, rows, f, t);
      for (let i = 0; i < d; i++) {
        firstDraws[i]![b] = f[i]!;
        totalDraws[i]![b] = t[i]!;
      }
    }
  }
  const interval = (draws: Float64Array): [number, number] => {
    // Without resamples the draws are empty, and so is the interval: quantileSorted of nothing is NaN.
    if (constant) return [Number.NaN, Number.NaN];
    // Each output's draws are read only here: sorted in place.
    const sorted = draws.sort();
    return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
  };
  return Array.from({ length: d }, (_, i) => ({
    first: constant ? Number.NaN : first[i]!,
    total: constant ? Number.NaN : total[i]!,
    first_ci: interval(firstDraws[i]!),
    total_ci: interval(totalDraws[i]!),
  }));
}

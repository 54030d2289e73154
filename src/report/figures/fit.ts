/**
 * Weighted least-squares fit of W(τ) = a + b/τ, the finite-time Landauer form kT·ln2 + B/τ
 * (K. Proesmans, J. Ehrich, J. Bechhoefer, PRL 125, 100602 (2020)): linear in x = 1/τ, so the normal
 * fit is a weighted straight line (src/util/weighted-line.ts) with weights 1/σ².
 */
import { fitWeightedLine } from '../../util/weighted-line.js';

export interface InverseTimeFit {
  /** Slow limit a (the τ → ∞ work), in the unit of y. */
  a: number;
  a_stderr: number;
  /** Excess coefficient b, in the unit of y × the unit of τ. */
  b: number;
  b_stderr: number;
  /** χ² per degree of freedom (NaN with fewer than 3 points). */
  chi2_per_dof: number;
  points: number;
  weighted: boolean;
}

export function fitInverseTime(tau: readonly number[], y: readonly number[], sigma?: readonly number[]): InverseTimeFit {
  if (tau.length !== y.length || (sigma && sigma.length !== tau.length)) throw new Error('fitInverseTime: arrays of different lengths');
  const weighted = sigma !== undefined && sigma.length > 0 && sigma.every((s) => s > 0 && Number.isFinite(s));
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < tau.length; i++) {
    if (!(tau[i]! > 0) || !Number.isFinite(y[i]!)) continue;
    xs.push(1 / tau[i]!);
    ys.push(y[i]!);
    ws.push(weighted ? 1 / sigma![i]! ** 2 : 1);
  }
  const n = xs.length;
  const line = fitWeightedLine(xs, ys, ws);
  if (!Number.isFinite(line.slope)) return { a: NaN, a_stderr: NaN, b: NaN, b_stderr: NaN, chi2_per_dof: NaN, points: n, weighted };
  const a = line.intercept;
  const b = line.slope;
  let chi2 = 0;
  for (let i = 0; i < tau.length; i++) {
    if (!(tau[i]! > 0) || !Number.isFinite(y[i]!)) continue;
    const r = y[i]! - a - b / tau[i]!;
    chi2 += weighted ? (r / sigma![i]!) ** 2 : r * r;
  }
  const dof = n - 2;
  // Unweighted: scale the parameter variances by the residual variance (σ unknown, estimated from the scatter).
  const scale = weighted ? 1 : dof > 0 ? chi2 / dof : NaN;
  return {
    a,
    a_stderr: Math.sqrt(line.intercept_variance * scale),
    b,
    b_stderr: Math.sqrt(line.slope_variance * scale),
    chi2_per_dof: dof > 0 ? chi2 / dof : NaN,
    points: n,
    weighted,
  };
}

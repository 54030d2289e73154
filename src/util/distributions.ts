/**
 * One-dimensional distributions of uncertain inputs, as inverse CDFs from (0, 1) — what a quasi-random
 * sampler needs: a uniform point maps to the input's value, and monotonically, so sample quantiles of a
 * monotone output follow the input's quantiles.
 *
 * - uniform, log (log-uniform): on [low, high].
 * - normal, lognormal: [low, high] is the central 95 % interval (2.5 % and 97.5 % quantiles), in the
 *   value or its logarithm; truncated to the input's allowed domain when one is given.
 *
 * The normal quantile is P. J. Acklam's rational approximation (2003; relative error < 1.15e-9); the
 * normal CDF uses the Chebyshev fit of erfc in W. H. Press et al., Numerical Recipes, 3rd ed. (2007),
 * §6.2 (fractional error < 1.2e-7), enough to place a truncation point. Written here: @stdlib has both,
 * but each pulls in a dozen packages with native-addon scaffolding for a single function.
 */

export const DISTRIBUTIONS = ['uniform', 'log', 'normal', 'lognormal'] as const;
export type DistributionKind = (typeof DISTRIBUTIONS)[number];

/** z at the 97.5 % quantile of the standard normal. */
export const Z975 = 1.959963984540054;

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
}

const ERFC_COEF = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
];

/** erfc(x), fractional error < 1.2e-7 everywhere. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = ERFC_COEF.length - 1; i >= 0; i--) poly = poly * t + ERFC_COEF[i]!;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export interface DistributionSpec {
  kind: DistributionKind;
  low: number;
  high: number;
  /** Allowed domain of the input: normal tails are truncated to it. */
  min?: number;
  max?: number;
}

/** The inverse CDF of a spec: u in (0, 1) → value, non-decreasing in u. */
export function inverseCdf(spec: DistributionSpec): (u: number) => number {
  const { kind, low, high } = spec;
  if (low === high) return () => low;
  switch (kind) {
    case 'uniform':
      return (u) => low + u * (high - low);
    case 'log': {
      const a = Math.log(low);
      const span = Math.log(high) - a;
      return (u) => Math.exp(a + u * span);
    }
    case 'normal':
    case 'lognormal': {
      const log = kind === 'lognormal';
      const lo = log ? Math.log(low) : low;
      const hi = log ? Math.log(high) : high;
      const mu = 0.5 * (lo + hi);
      const sigma = (hi - lo) / (2 * Z975);
      const toScale = (v: number | undefined, fallback: number) => (v === undefined ? fallback : log ? (v > 0 ? Math.log(v) : -Infinity) : v);
      const pLow = normalCdf((toScale(spec.min, -Infinity) - mu) / sigma);
      const pHigh = normalCdf((toScale(spec.max, Infinity) - mu) / sigma);
      const width = pHigh - pLow;
      return (u) => {
        const z = mu + sigma * normalQuantile(pLow + u * width);
        return log ? Math.exp(z) : z;
      };
    }
  }
}

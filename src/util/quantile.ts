/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7,
 * the default of R and NumPy).
 */

/** The p-quantile of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Several quantiles of `values` (not modified; NaN entries are dropped). */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  return ps.map((p) => quantileSorted(sorted, p));
}

/** Fraction of `values` for which `test` holds (NaN entries count as failing). */
export function fractionWhere(values: Float64Array, test: (v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i]!)) hits++;
  return values.length ? hits / values.length : Number.NaN;
}

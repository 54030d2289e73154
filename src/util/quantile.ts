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

/**
 * Several quantiles of `values` (not modified; NaN entries are dropped): the same numbers as
 * `quantileSorted` of the sorted array, found by selection in O(n) per quantile rather than an O(n log n)
 * sort, since a 1e6-sample uncertainty run asks for three quantiles of a dozen arrays after its parallel part.
 */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const a = values.filter((v) => !Number.isNaN(v));
  const n = a.length;
  if (n === 0) return ps.map(() => Number.NaN);
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const below = selectInPlace(a, lo);
    // After selection everything right of lo is ≥ a[lo]: the next order statistic is their minimum.
    let above = below;
    if (lo + 1 < n && h > lo) {
      above = a[lo + 1]!;
      for (let i = lo + 2; i < n; i++) if (a[i]! < above) above = a[i]!;
    }
    return below + (h - lo) * (above - below);
  });
}

/**
 * Rearranges `a` so that a[k] is its k-th smallest element, everything before it ≤ a[k] and everything after
 * ≥ a[k] (Hoare's FIND with a median-of-three pivot, C. A. R. Hoare, CACM 4, 321 (1961)); returns a[k].
 */
function selectInPlace(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot, which keeps sorted or constant data at linear cost.
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Fraction of `values` for which `test` holds (NaN entries count as failing). */
export function fractionWhere(values: Float64Array, test: (v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i]!)) hits++;
  return values.length ? hits / values.length : Number.NaN;
}

/**
 * Statistics of an ensemble of trajectories: means with standard errors and 95 % intervals, histograms,
 * the Jarzynski free-energy estimator, proportions and Poisson rates with intervals, power-law fits.
 * Pure functions over typed arrays; sums run in array (particle) order, so results are reproducible.
 */
import { fitWeightedLine } from '../util/weighted-line.js';

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

export interface MeanEstimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Standard error of the mean, sd/√n. */
  stderr: number;
  /** 95 % confidence interval (normal approximation; n is large in every use here). */
  ci95: [number, number];
}

/**
 * Mean, standard deviation and standard error of `values` (Welford's one-pass update). With no values the
 * mean is NaN (JSON null), not 0: a run stopped before its first block measured nothing.
 */
export function meanEstimate(values: ArrayLike<number>): MeanEstimate {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, stderr: NaN, ci95: [NaN, NaN] };
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const stderr = n > 1 ? sd / Math.sqrt(n) : NaN;
  return { n, mean, sd, stderr, ci95: [mean - Z95 * stderr, mean + Z95 * stderr] };
}

export interface Histogram {
  /** bins + 1 edges. */
  edges: number[];
  counts: number[];
}

/** Histogram on `bins` equal bins spanning [min, max] of the data (the maximum falls in the last bin). */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  if (values.length === 0) return { edges: [], counts: [] };
  if (hi === lo) {
    hi = lo + 0.5;
    lo -= 0.5;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor((values[i] - lo) / width));
    counts[b]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  return { edges, counts };
}

export interface JarzynskiEstimate {
  /** −kT·ln⟨e^{−W/kT}⟩ (kT = 1). */
  deltaF: number;
  /** Delta-method standard error: sd(e^{−W}) / (√n·⟨e^{−W}⟩). */
  stderr: number;
  ci95: [number, number];
}

/**
 * Jarzynski's estimator ΔF = −ln⟨e^{−W}⟩ (C. Jarzynski, PRL 78, 2690 (1997)), computed as a
 * log-sum-exp shifted by min W so that no exponential overflows or underflows.
 */
export function jarzynskiEstimate(work: ArrayLike<number>): JarzynskiEstimate {
  const n = work.length;
  let wmin = Infinity;
  for (let i = 0; i < n; i++) if (work[i] < wmin) wmin = work[i];
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-(work[i] - wmin));
    sum += e;
    sumSq += e * e;
  }
  const mean = sum / n;
  const variance = n > 1 ? (sumSq - n * mean * mean) / (n - 1) : NaN;
  const deltaF = wmin - Math.log(mean);
  const stderr = Math.sqrt(Math.max(0, variance) / n) / mean;
  return { deltaF, stderr, ci95: [deltaF - Z95 * stderr, deltaF + Z95 * stderr] };
}

export interface ProportionEstimate {
  count: number;
  n: number;
  p: number;
  stderr: number;
  /** Wilson score 95 % interval (E. B. Wilson, JASA 22, 209 (1927)): sensible even for 0 or n events. */
  ci95: [number, number];
}

export function proportionEstimate(count: number, n: number): ProportionEstimate {
  const p = n > 0 ? count / n : NaN;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const lo = count === 0 ? 0 : Math.max(0, centre - half);
  const hi = count === n ? 1 : Math.min(1, centre + half);
  return { count, n, p, stderr: Math.sqrt((p * (1 - p)) / n), ci95: [lo, hi] };
}

export interface RateEstimate {
  events: number;
  exposure: number;
  rate: number;
  stderr: number;
  /** Score interval for a Poisson count (λ: |n − λT| ≤ z√(λT)), exact in the normal limit. */
  ci95: [number, number];
}

/** Rate of `events` Poisson events seen over `exposure` (particle-time), with a 95 % interval. */
export function rateEstimate(events: number, exposure: number): RateEstimate {
  const z2 = Z95 * Z95;
  const root = Z95 * Math.sqrt(events + z2 / 4);
  const lo = (events + z2 / 2 - root) / exposure;
  const hi = (events + z2 / 2 + root) / exposure;
  return { events, exposure, rate: events / exposure, stderr: Math.sqrt(events) / exposure, ci95: [Math.max(0, lo), hi] };
}

export interface PowerLawFit {
  /** y ≈ prefactor · x^exponent, fitted on log y by weighted least squares (weights (y/σ_y)²). */
  exponent: number;
  exponentStderr: number;
  prefactor: number;
  /** Best prefactor B with the exponent fixed at −1 (y ≈ B/x), weighted least squares on y. */
  inversePrefactor: number;
  inversePrefactorStderr: number;
  /** Points in the log fit. */
  points: number;
  /** Points in the B/x fit (every point with a standard error; y ≤ 0 is fine there). */
  inversePoints: number;
  /** Left out of the log fit because y ≤ 0: near the slow limit this biases the exponent (steeper). */
  droppedNonPositive: number;
  /** Left out of both fits because σ_y is 0 or unknown (or y is not a number): no weight can be given. */
  droppedNoError: number;
}

/**
 * Fits y = A·x^α to points (x > 0) with standard errors σ_y; on the log scale σ_ln y = σ_y / y. Points
 * without a positive, finite σ_y are dropped rather than given an invented weight; points with y ≤ 0
 * cannot enter the log fit and are dropped from it (both counted in the result). At least two are needed.
 */
export function fitPowerLaw(x: number[], y: number[], sigma: number[]): PowerLawFit {
  const lx: number[] = [];
  const ly: number[] = [];
  const weights: number[] = [];
  let droppedNonPositive = 0;
  let droppedNoError = 0;
  // y ≈ B/x: minimise Σ (y − B/x)²/σ², B = Σ(y/(xσ²)) / Σ(1/(x²σ²)).
  let num = 0;
  let den = 0;
  let inversePoints = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0)) throw new RangeError(`fitPowerLaw: x must be > 0, got ${x[i]} at ${i}`);
    if (!(sigma[i] > 0 && Number.isFinite(sigma[i]) && Number.isFinite(y[i]))) {
      droppedNoError++;
      continue;
    }
    const v = sigma[i] * sigma[i];
    num += y[i] / (x[i] * v);
    den += 1 / (x[i] * x[i] * v);
    inversePoints++;
    if (!(y[i] > 0)) {
      droppedNonPositive++;
      continue;
    }
    const s = sigma[i] / y[i];
    lx.push(Math.log(x[i]));
    ly.push(Math.log(y[i]));
    weights.push(1 / (s * s));
  }
  const line = fitWeightedLine(lx, ly, weights);
  return {
    exponent: line.slope,
    exponentStderr: Math.sqrt(line.slope_variance),
    prefactor: Math.exp(line.intercept),
    inversePrefactor: den > 0 ? num / den : NaN,
    inversePrefactorStderr: den > 0 ? 1 / Math.sqrt(den) : NaN,
    points: line.points,
    inversePoints,
    droppedNonPositive,
    droppedNoError,
  };
}

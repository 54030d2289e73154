/**
 * Potentials with time-dependent controls, in simulation units (kT = γ = a = 1).
 *
 * Two families, each with a hot kernel in engine.ts:
 * - Polynomial U(x) = a4·x⁴ + a2·x² + a1·x + a0, four controls. It holds the harmonic trap
 *   (k/2)(x − λ)² and the quartic double well E_s·(x² − s)² − f·x (barrier height E_b = E_s·s², minima
 *   at ±√s, tilt f). With s = 1 this is MODEL.md §6's E_b·((x/a)² − 1)².
 * - Multi-well landscape for an N-bit cell: M = 2^N wells of width 2 at x_j = 2j − M + 1, barrier height
 *   E_b(t), fixed soft walls outside [−M, M], plus a "write head" that is either a harmonic trap
 *   (k_h/2)(x − λ)² or a one-sided piston (k_h/2)·max(0, σ(λ − x))² that can push the state but never
 *   pull it back. The controls are (E_b, k_h, λ).
 *
 * Scalar energy functions here are for set-up and checks; the kernels inline the same expressions.
 */

/** Number of control channels every protocol fills per step. */
export const CONTROL_CHANNELS = 4;

// ---------- polynomial family ----------

/** Coefficients (a4, a2, a1, a0) of the harmonic trap (k/2)(x − λ)². */
export function harmonicCoefficients(stiffness: number, centre: number, out: Float64Array, offset = 0): void {
  out[offset] = 0;
  out[offset + 1] = 0.5 * stiffness;
  out[offset + 2] = -stiffness * centre;
  out[offset + 3] = 0.5 * stiffness * centre * centre;
}

/**
 * Coefficients of the quartic double well E_s·(x² − s)² − f·x: barrier height E_s·s² (for f = 0),
 * minima at ±√s. The shape parameter s ∈ [0, 1] moves linearly in the protocols (a smooth control, so
 * that slow protocols dissipate ∝ 1/duration); s = 0 is a single quartic well, still confining.
 */
export function quarticCoefficients(scale: number, shape: number, tilt: number, out: Float64Array, offset = 0): void {
  out[offset] = scale;
  out[offset + 1] = -2 * scale * shape;
  out[offset + 2] = -tilt;
  out[offset + 3] = scale * shape * shape;
}

/** U(x) of the polynomial family for coefficients at `offset`. */
export function polynomialEnergy(x: number, c: ArrayLike<number>, offset = 0): number {
  const x2 = x * x;
  return c[offset] * x2 * x2 + c[offset + 1] * x2 + c[offset + 2] * x + c[offset + 3];
}

// ---------- multi-well landscape ----------

export type HeadMode = 'trap' | 'push';

export interface LandscapeShape {
  /** Number of wells M = 2^bits. */
  levels: number;
  /** Wall stiffness k_w: U_wall = k_w·(|x| − M)² outside [−M, M] (independent of E_b, so E_b = 0 stays confined). */
  wall: number;
  /** Write head: a two-sided trap or a one-sided piston. */
  head: HeadMode;
  /** Piston direction σ = ±1 (it pushes towards σ·∞); ignored for the trap. */
  pushDirection: 1 | -1;
}

/** Default wall stiffness of the multi-well landscape, in kT/a². */
export const DEFAULT_WALL_STIFFNESS = 8;

/** Centre of well j (0-based) of an M-level landscape. */
export function wellCentre(level: number, levels: number): number {
  return 2 * level - levels + 1;
}

/** The well (cell) index holding x, clamped to [0, M − 1]. */
export function cellOf(x: number, levels: number): number {
  const j = Math.floor((x + levels) * 0.5);
  return j < 0 ? 0 : j >= levels ? levels - 1 : j;
}

/**
 * Unit barrier profile g(x) of the landscape: in each cell, with u = x − x_j ∈ [−1, 1],
 * g = u²(2 − u²) (well bottom g = 0, g'' = 4; barrier top g = 1 at the cell edges, g'' = −8, C¹ across
 * edges); g = 1 outside [−M, M]. The Kramers curvatures are therefore 4·E_b (well) and 8·E_b (barrier).
 */
export function barrierProfile(x: number, levels: number): number {
  const y = x + levels;
  if (y < 0 || y > 2 * levels) return 1;
  let j = Math.floor(y * 0.5);
  if (j >= levels) j = levels - 1;
  const u = y - 2 * j - 1;
  const u2 = u * u;
  return u2 * (2 - u2);
}

/** Wall energy k_w·(|x| − M)² outside [−M, M]. */
export function wallEnergy(x: number, shape: LandscapeShape): number {
  const d = x < -shape.levels ? x + shape.levels : x > shape.levels ? x - shape.levels : 0;
  return shape.wall * d * d;
}

/** Energy of the write head at x. */
export function headEnergy(x: number, stiffness: number, centre: number, shape: LandscapeShape): number {
  if (stiffness === 0) return 0;
  if (shape.head === 'trap') {
    const d = x - centre;
    return 0.5 * stiffness * d * d;
  }
  const d = shape.pushDirection * (centre - x);
  return d > 0 ? 0.5 * stiffness * d * d : 0;
}

/** U(x) of the landscape for controls (E_b, k_h, λ) at `offset`. */
export function landscapeEnergy(x: number, c: ArrayLike<number>, shape: LandscapeShape, offset = 0): number {
  return c[offset] * barrierProfile(x, shape.levels) + wallEnergy(x, shape) + headEnergy(x, c[offset + 1], c[offset + 2], shape);
}

/** Landscape controls (E_b, k_h, λ) written into `out`. */
export function landscapeControls(barrier: number, headStiffness: number, headCentre: number, out: Float64Array, offset = 0): void {
  out[offset] = barrier;
  out[offset + 1] = headStiffness;
  out[offset + 2] = headCentre;
  out[offset + 3] = 0;
}

// ---------- equilibrium helpers (quadrature; set-up only) ----------

/**
 * Free energy −ln ∫_lo^hi e^{−U(x)} dx by the composite Simpson rule on `intervals` (even) intervals,
 * shifted by the minimum of U on the grid for numerical safety.
 */
export function freeEnergy(energy: (x: number) => number, lo: number, hi: number, intervals = 20000): number {
  const n = intervals % 2 === 0 ? intervals : intervals + 1;
  const h = (hi - lo) / n;
  let umin = Infinity;
  const u = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    u[i] = energy(lo + i * h);
    if (u[i] < umin) umin = u[i];
  }
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const weight = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(-(u[i] - umin));
  }
  return umin - Math.log((sum * h) / 3);
}

/**
 * The minimum of U on [lo, hi]: a fine grid search refined by golden-section search around the best
 * grid point. Used to bound the rejection sampler's acceptance ratio.
 */
export function minimumEnergy(energy: (x: number) => number, lo: number, hi: number, points = 4001): number {
  const h = (hi - lo) / (points - 1);
  let best = 0;
  let bestU = Infinity;
  for (let i = 0; i < points; i++) {
    const value = energy(lo + i * h);
    if (value < bestU) {
      bestU = value;
      best = i;
    }
  }
  let a = Math.max(lo, lo + (best - 1) * h);
  let b = Math.min(hi, lo + (best + 1) * h);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let iter = 0; iter < 80; iter++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (energy(c) < energy(d)) b = d;
    else a = c;
  }
  return Math.min(bestU, energy(0.5 * (a + b)));
}

/**
 * Sampling bounds for e^{−U} on an interval: [lo, hi] shrunk to where U − U_min < 45 kT (the mass beyond
 * is below e^{−45}) by scanning inwards on a grid.
 */
export function boltzmannSupport(energy: (x: number) => number, lo: number, hi: number, umin: number, points = 4001): [number, number] {
  const h = (hi - lo) / (points - 1);
  let first = 0;
  while (first < points - 1 && energy(lo + first * h) - umin > 45) first++;
  let last = points - 1;
  while (last > 0 && energy(lo + last * h) - umin > 45) last--;
  return [Math.max(lo, lo + (first - 1) * h), Math.min(hi, lo + (last + 1) * h)];
}

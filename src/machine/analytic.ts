/**
 * Exact references for the machine's checks (kT = γ = 1), each derived in docs/model.md ("The physical
 * optimizer"):
 * - the mean work of a linear field ramp on coupled harmonic cells, from the mean equation
 *   dm/dt = −(A·m − s(t)·f), f = −b, s = t/t_f, solved mode by mode in the eigenbasis of A;
 * - the variance of a time average of the stationary Ornstein–Uhlenbeck process;
 * - moments of two coupled bistable cells by 2-D quadrature of e^{−H};
 * - ground states of small Ising problems by enumeration.
 */
import { denseK, type MachineProblem } from './problem.js';

/** Eigen-decomposition of a symmetric dense matrix by cyclic Jacobi rotations (values, row-major vectors as columns). */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i * n + j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p], akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k], aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

/** 1 − (1 − e^{−r})/r, by its series where the difference cancels. */
function lag(r: number): number {
  return r < 1e-4 ? r / 2 - (r * r) / 6 + (r * r * r) / 24 : 1 + Math.expm1(-r) / r;
}

export interface FieldRampReference {
  /** ⟨W⟩ of the ramp, kT. */
  meanWork: number;
  /** ΔF = −½·fᵀA⁻¹f, kT. */
  deltaF: number;
  /** The 1/t_f coefficient of the excess: Σ_k f_k²/a_k². */
  excessCoefficient: number;
  /** Smallest eigenvalue of A. */
  minEigenvalue: number;
}

/**
 * Linear ramp of the field f = −b from 0 to full over t_f on H = ½xᵀAx − s(t)·fᵀx, starting in equilibrium at
 * zero field. Mode k (eigenvalue a_k, f_k = v_kᵀf): m_k(t) = (f_k/a_k)·[t/t_f − (1 − e^{−a_k t})/(a_k t_f)] and
 * ⟨W⟩ = −(1/t_f)∫₀^{t_f} Σ_k f_k m_k dt = Σ_k [−f_k²/(2a_k) + (f_k²/(a_k² t_f))·(1 − (1 − e^{−a_k t_f})/(a_k t_f))].
 */
export function fieldRampMeanWork(p: MachineProblem, duration: number): FieldRampReference {
  const n = p.n;
  const { values, vectors } = symmetricEigen(denseK(p), n);
  let meanWork = 0;
  let deltaF = 0;
  let excess = 0;
  for (let k = 0; k < n; k++) {
    let fk = 0;
    for (let i = 0; i < n; i++) fk -= vectors[i * n + k] * p.field[i];
    const a = values[k];
    deltaF -= (fk * fk) / (2 * a);
    excess += (fk * fk) / (a * a);
    meanWork += -(fk * fk) / (2 * a) + ((fk * fk) / (a * a * duration)) * lag(a * duration);
  }
  return { meanWork, deltaF, excessCoefficient: excess, minEigenvalue: Math.min(...values) };
}

/**
 * Covariance of the time average x̄ = (1/τ)∫x dt of the stationary OU process dx = −A(x − m)dt + √2 dW:
 * Cov = Σ_k v_k v_kᵀ · (2/(a_k² τ))·[1 − (1 − e^{−a_k τ})/(a_k τ)]. Returns the diagonal (per-cell variances).
 */
export function timeAverageVariance(p: MachineProblem, window: number): Float64Array {
  const n = p.n;
  const { values, vectors } = symmetricEigen(denseK(p), n);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = values[k];
    const w = (2 / (a * a * window)) * lag(a * window);
    for (let i = 0; i < n; i++) out[i] += vectors[i * n + k] ** 2 * w;
  }
  return out;
}

/** Exact minimiser x* = −Q⁻¹b of ½xᵀQx + bᵀx (dense; small n). */
export function qpMinimiser(p: MachineProblem): Float64Array {
  const n = p.n;
  const { values, vectors } = symmetricEigen(denseK(p), n);
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let bk = 0;
    for (let i = 0; i < n; i++) bk += vectors[i * n + k] * p.field[i];
    for (let i = 0; i < n; i++) x[i] -= (vectors[i * n + k] * bk) / values[k];
  }
  return x;
}

/**
 * ⟨x₁x₂⟩ and ⟨x₁²⟩ of H = E_b[(x₁² − 1)² + (x₂² − 1)²] + J·x₁x₂ (+ h(x₁ + x₂)) by the trapezoidal rule on
 * [−L, L]² (the integrand is smooth and vanishes at the edges, so the rule converges geometrically), or on
 * the box [−wall, wall]² of reflecting walls when wall < L (the density does not vanish there: the rule's
 * half weights at the ends, second order).
 */
export function twoCellMoments(barrier: number, coupling: number, field = 0, points = 1201, half = 3, wall = Infinity): { x1x2: number; x1sq: number } {
  const end = Math.min(half, wall);
  const h = (2 * end) / (points - 1);
  const xs = new Float64Array(points);
  const weight = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    xs[i] = -end + i * h;
    weight[i] = Math.exp(-(barrier * (xs[i] * xs[i] - 1) ** 2 + field * xs[i])) * (i === 0 || i === points - 1 ? 0.5 : 1);
  }
  let z = 0;
  let s12 = 0;
  let s11 = 0;
  for (let i = 0; i < points; i++) {
    for (let j = 0; j < points; j++) {
      const w = weight[i] * weight[j] * Math.exp(-coupling * xs[i] * xs[j]);
      z += w;
      s12 += w * xs[i] * xs[j];
      s11 += w * xs[i] * xs[i];
    }
  }
  return { x1x2: s12 / z, x1sq: s11 / z };
}

/** Ground-state energy and degeneracy of E(s) = ½sᵀKs + gᵀs over s ∈ {±1}ⁿ (K without diagonal), n ≤ 24. */
export function enumerateGroundStates(p: MachineProblem): { energy: number; degeneracy: number } {
  if (p.n > 24) throw new Error('enumerateGroundStates: n ≤ 24');
  const s = new Float64Array(p.n);
  let best = Infinity;
  let count = 0;
  for (let mask = 0; mask < 2 ** p.n; mask++) {
    for (let i = 0; i < p.n; i++) s[i] = mask & (1 << i) ? 1 : -1;
    let e = 0;
    for (let i = 0; i < p.n; i++) {
      let f = 0;
      for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) f += p.val[k] * s[p.col[k]];
      e += s[i] * (0.5 * f + p.field[i]);
    }
    if (e < best - 1e-9) {
      best = e;
      count = 1;
    } else if (Math.abs(e - best) <= 1e-9) count++;
  }
  return { energy: best, degeneracy: count };
}

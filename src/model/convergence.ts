/**
 * Convergence laws: how many iterations K an optimizer needs to reach N bits of precision
 * (error ≤ 2^−N of the initial error). docs/model.md §1; standard rates of first-order methods
 * (Nesterov, "Introductory Lectures on Convex Optimization", 2004, ch. 2).
 */
import { InputError, requireNumber } from '../util/errors.js';

export type ConvergenceLaw = 'linear' | 'sublinear' | 'sqrt';

export const CONVERGENCE_LAWS: readonly ConvergenceLaw[] = ['linear', 'sublinear', 'sqrt'];

/**
 * Linear (geometric) rate ρ: error_k = ρ^k·error_0, so K = ⌈N·ln2 / ln(1/ρ)⌉.
 * O(1/k): K ≈ 2^N. O(1/√k): K ≈ 4^N.
 */
export function iterationsForPrecision(law: ConvergenceLaw, precision_bits: number, rate?: number): number {
  requireNumber('precision_bits', precision_bits, { min: 1, max: 64 });
  switch (law) {
    case 'linear': {
      if (rate === undefined) throw new InputError('convergence_rate', "is required for the 'linear' law (a contraction factor 0 < convergence_rate < 1)");
      requireNumber('convergence_rate', rate, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
      return Math.ceil((precision_bits * Math.LN2) / Math.log(1 / rate));
    }
    case 'sublinear':
      return 2 ** precision_bits;
    case 'sqrt':
      return 4 ** precision_bits;
    default:
      throw new InputError('law', `unknown convergence law '${String(law)}' (allowed: ${CONVERGENCE_LAWS.join(', ')})`);
  }
}

/** The contraction factor ρ a run achieved: the geometric mean of its per-iteration error ratios. */
export function measuredContractionRate(initialError: number, finalError: number, iterations: number): number {
  requireNumber('iterations', iterations, { min: 1 });
  requireNumber('initialError', initialError, { min: 0, minExclusive: true });
  requireNumber('finalError', finalError, { min: 0, minExclusive: true });
  return Math.exp(Math.log(finalError / initialError) / iterations);
}

/**
 * Precision of a QP run against the reference optimum: the iteration K at which ‖x_k − x*‖∞ first fell to
 * 2^−N of the initial error, the contraction rate measured over those K iterations, and the count the
 * engine's linear law predicts for that rate (src/model/convergence.ts, MODEL.md §1).
 */
import { iterationsForPrecision, measuredContractionRate } from '../../model/convergence.js';

export interface PrecisionReport {
  initial_error: number;
  final_error: number;
  /** log2(initial / final error); null when the final error is exactly 0. */
  achieved_bits: number | null;
  reached_precision: boolean;
  iterations_to_precision: number | null;
  /** ρ = (e_K/e_0)^{1/K} over the K iterations to N bits. */
  contraction_rate: number | null;
  /** ⌈N·ln2 / ln(1/ρ)⌉ for that ρ. */
  law_iterations: number | null;
}

/** First k ≥ 1 with errors[k] ≤ target, or −1. */
export function firstBelow(errors: ArrayLike<number>, target: number): number {
  for (let k = 1; k < errors.length; k++) if (errors[k] <= target) return k;
  return -1;
}

export function precisionReport(errors: ArrayLike<number>, bits: number): PrecisionReport {
  const e0 = errors[0];
  const eN = errors[errors.length - 1];
  const K = e0 > 0 ? firstBelow(errors, e0 * 2 ** -bits) : -1;
  let rate: number | null = null;
  let law: number | null = null;
  if (K > 0 && errors[K] > 0) {
    rate = measuredContractionRate(e0, errors[K], K);
    law = rate > 0 && rate < 1 ? iterationsForPrecision('linear', bits, rate) : null;
  }
  return {
    initial_error: e0,
    final_error: eN,
    achieved_bits: eN > 0 && e0 > 0 ? Math.log2(e0 / eN) : null,
    reached_precision: e0 === 0 || eN <= e0 * 2 ** -bits,
    iterations_to_precision: K > 0 ? K : e0 === 0 ? 0 : null,
    contraction_rate: rate,
    law_iterations: law,
  };
}

/**
 * The law as a prediction: ρ measured over the first half of the bits (to 2^−N/2) predicts the
 * iterations to N bits; returns both counts (null when the run never reached N bits).
 */
export function extrapolatedLaw(errors: ArrayLike<number>, bits: number): { rate: number; predicted: number; measured: number } | null {
  const e0 = errors[0];
  const half = Math.max(1, Math.floor(bits / 2));
  const Kh = firstBelow(errors, e0 * 2 ** -half);
  const K = firstBelow(errors, e0 * 2 ** -bits);
  if (Kh <= 0 || K <= 0 || !(errors[Kh] > 0)) return null;
  const rate = measuredContractionRate(e0, errors[Kh], Kh);
  if (!(rate > 0 && rate < 1)) return null;
  return { rate, predicted: iterationsForPrecision('linear', bits, rate), measured: K };
}

/**
 * μ ≤ SINGULAR_MU_RATIO·L counts as μ ≈ 0 (Q singular): the minimiser need not be unique, and even where it
 * is, the float64 reference pins it down only to ≈ κ·2^−52 ≥ 1e−6 relative, so ‖x − x*‖∞ measures nothing.
 * μ is the Lanczos estimate of λ_min (exact for n ≤ 60, an upper bound above).
 */
export const SINGULAR_MU_RATIO = 1e-10;

export function minimiserIsUnique(lipschitz: number, strongConvexity: number): boolean {
  return strongConvexity > SINGULAR_MU_RATIO * lipschitz;
}

/** Precision when μ ≈ 0: no verdict on N bits; the objective gap f − f* is measured instead. */
export interface ObjectiveGapReport {
  reached_precision: null;
  precision_note: string;
  initial_objective_gap: number;
  final_objective_gap: number;
  /** log2(initial / final gap); null when the final gap is at round-off (exact) or the start was already optimal. */
  objective_gap_bits: number | null;
}

export function objectiveGapReport(initialObjective: number, finalObjective: number, referenceObjective: number): ObjectiveGapReport {
  const g0 = initialObjective - referenceObjective;
  const gK = finalObjective - referenceObjective;
  // A gap within 1e−12 of the magnitudes involved is round-off of the objective sums.
  const roundoff = 1e-12 * Math.max(Math.abs(referenceObjective), Math.abs(g0));
  return {
    reached_precision: null,
    precision_note:
      'Q is singular (μ ≈ 0): the minimiser is not unique, so ‖x − x*‖∞ against one minimiser measures nothing; precision is not applicable, the objective gap f − f* is reported instead',
    initial_objective_gap: g0,
    final_objective_gap: gK,
    objective_gap_bits: gK > roundoff && g0 > 0 ? Math.log2(g0 / gK) : null,
  };
}

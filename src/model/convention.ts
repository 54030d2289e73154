/**
 * The counting convention (docs/model.md §1): which multiply–accumulates land on a weight as a write.
 * `flop` charges every FLOP as an N-bit write (the reading that reproduces Chen et al.'s 1e8–1e9 J);
 * `sample` writes each weight once per training sample (token), `step` once per optimizer step. An
 * optimizer iteration is one step and one pass over the problem, so `sample` and `step` coincide there.
 */
export type OpsConvention = 'flop' | 'sample' | 'step';
export const OPS_CONVENTIONS: readonly OpsConvention[] = ['flop', 'sample', 'step'];
export const DEFAULT_OPS_CONVENTION: OpsConvention = 'flop';

/** The counts a convention chooses between. */
export interface ConventionBasis {
  flops: number;
  params: number;
  /** D: samples (tokens); undefined when the workload has none (an optimizer's pass is one sample). */
  samples: number | undefined;
  /** S: optimizer steps (iterations for an optimizer). */
  steps: number;
}

/** OPS under each convention (null where the basis lacks the count). */
export function opsByConvention(b: ConventionBasis): Record<OpsConvention, number | null> {
  return { flop: b.flops, sample: b.samples === undefined ? null : b.params * b.samples, step: b.params * b.steps };
}

/**
 * MACs that only read a weight: none under `flop` (every FLOP is a write); otherwise each of the F/2
 * multiply–accumulates touches one weight and OPS of them are its writes.
 */
export function macReads(convention: OpsConvention, flops: number, ops: number): number {
  return convention === 'flop' ? 0 : Math.max(0, flops / 2 - ops);
}

export const CONVENTION_TEXT: Record<OpsConvention, string> = {
  flop: 'every FLOP is charged as an N-bit memory-cell write (OPS = F)',
  sample: 'each weight is written once per sample/token (OPS = P·D); the other MACs read it in place',
  step: 'each weight is written once per optimizer step (OPS = P·S); the other MACs read it in place',
};

/** The --explain paragraph: which convention is in force, what it counts, and why flop is the default. */
export function conventionExplanation(convention: OpsConvention): string[] {
  return [
    `Counting convention: ${convention}${convention === DEFAULT_OPS_CONVENTION ? ' (default)' : ''}: ${CONVENTION_TEXT[convention]}.`,
    "  flop is the default because it is the reading that reproduces Chen et al.'s 1e8–1e9 J for brain-scale",
    '  training; it is not a derived count. In compute- and learning-in-memory the forward and activation-gradient',
    '  MACs read the weight in place, and a weight is written at most once per sample (sample, OPS = P·D) or once',
    '  per optimizer step (step, OPS = P·S); under those two the other MACs are priced as reads (0 J for the',
    "  bound rows, the device's sourced read energy for device rows). Optimizers: OPS = F (flop) or P·K (sample,",
    '  step). The floor under each convention is printed under the table.',
  ];
}

/** MAX-CUT by annealing the equivalent Ising problem; the cut is recounted from the edge list. */
import { anneal, annealSync, type AnnealOptions, type AnnealResult } from './anneal.js';
import { cutValue, type MaxCutProblem } from './problem.js';

export interface MaxCutResult extends AnnealResult {
  best_cut: number;
  /** Partition side of each vertex (0 or 1), from the best spins. */
  partition: Uint8Array;
}

function withCut(mc: MaxCutProblem, r: AnnealResult): MaxCutResult {
  const cut = cutValue(mc.graph, r.spins);
  const fromEnergy = (mc.totalWeight - r.ising_energy) / 2;
  if (Math.abs(cut - fromEnergy) > 1e-6 * Math.max(1, Math.abs(cut))) {
    throw new Error(`internal: cut ${cut} disagrees with (W − H)/2 = ${fromEnergy}`);
  }
  return { ...r, best_cut: cut, partition: Uint8Array.from(r.spins, (s) => (s > 0 ? 1 : 0)) };
}

export function solveMaxCutSync(mc: MaxCutProblem, options: AnnealOptions = {}): MaxCutResult {
  return withCut(mc, annealSync(mc.ising, options));
}

export async function solveMaxCut(mc: MaxCutProblem, options: AnnealOptions = {}): Promise<MaxCutResult> {
  return withCut(mc, await anneal(mc.ising, options));
}

/**
 * The best single barrier for a static memory (docs/model.md §2.4). A static cell pays its barrier E_b on
 * every write and on every refresh ("each write and refresh costs ≥ E_b"). A write also refreshes the
 * bit it writes, so a bit rewritten every τ_w needs refreshes only while τ_ref < τ_w: between two writes
 * ⌈τ_w/τ_ref⌉ − 1 ≥ τ_w/τ_ref − 1 of them, with τ_ref = ε_ref·τ0·e^{x} (x = E_b/kT). Over the run the bits
 * are written W times, so with R = τ_w/(ε_ref·τ0) the energy in kT is at least
 *     f(x) = W·x + W·x·max(0, R·e^{−x} − 1) = W·x·max(1, R·e^{−x}).
 * Above the hold barrier x_h = ln R, f = W·x grows; below it f = W·R·x·e^{−x}, which falls on (1, x_h) and
 * rises on (0, 1). A write cannot cost less than Landauer's kT·ln2, so x ≥ ln2, and the minimum is at one
 * of the two edges: x_h (the barrier that just holds a bit between its writes; no refresh at all) or
 * ln2 (refreshing an almost barrier-free cell, better only for 2 < R < 4).
 */
import { LN2 } from './constants.js';

export interface StaticBarrierOptimum {
  /** The optimal barrier E_b* in units of kT. */
  barrier_kT: number;
  /** f(x*) in units of kT: write energy plus refresh energy. */
  energy_kT: number;
  /** Write part W·x*. */
  write_kT: number;
  /** Refresh part W·x*·max(0, R·e^{−x*} − 1). */
  refresh_kT: number;
  /** 'hold' when the hold-between-writes barrier ln R is the minimum, 'landauer-edge' when x* = ln2. */
  regime: 'hold' | 'landauer-edge';
}

/** Static-barrier energy f(x) in kT for W bit writes and ln R = ln(τ_w/(ε_ref·τ0)). */
export function staticBarrierEnergy_kT(x: number, writes: number, lnHoldRatio: number): number {
  return writes * x * Math.max(1, Math.exp(lnHoldRatio - x));
}

/** Refreshes per bit per write interval beyond the write itself: max(0, τ_w/τ_ref − 1) = max(0, R·e^{−x} − 1). */
export function refreshesPerWrite(x: number, lnHoldRatio: number): number {
  return Math.max(0, Math.exp(lnHoldRatio - x) - 1);
}

/**
 * The minimising barrier x* ≥ ln2 in kT (Infinity when nothing is written: the memory then needs no
 * refresh during the run). Returns a number so that the pricing core allocates nothing per point.
 */
export function optimalStaticBarrier_kT(writes: number, lnHoldRatio: number): number {
  if (!(writes > 0)) return Infinity;
  const hold = Math.max(LN2, lnHoldRatio);
  // f(ln2)/W = ln2·R/2; at x_h: f/W = x_h. Keep the smaller (ties go to the hold barrier). When x_h = ln2
  // both candidates are ln2, so that case needs no branch of its own.
  return (LN2 * Math.exp(lnHoldRatio)) / 2 < hold ? LN2 : hold;
}

/** Minimises f(x) over x ≥ ln2 and reports the optimum with its write and refresh parts. */
export function optimalStaticBarrier(writes: number, lnHoldRatio: number): StaticBarrierOptimum {
  const best = optimalStaticBarrier_kT(writes, lnHoldRatio);
  if (best === Infinity) return { barrier_kT: Infinity, energy_kT: 0, write_kT: 0, refresh_kT: 0, regime: 'hold' };
  const write = writes * best;
  const refresh = write * refreshesPerWrite(best, lnHoldRatio);
  return { barrier_kT: best, energy_kT: write + refresh, write_kT: write, refresh_kT: refresh, regime: best === LN2 ? 'landauer-edge' : 'hold' };
}

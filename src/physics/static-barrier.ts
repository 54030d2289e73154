/**
 * The best single barrier for a static memory (docs/model.md §2.4). A static cell pays its barrier E_b on
 * every write and again on every refresh; a higher barrier costs more per write but needs fewer
 * refreshes. In units of kT (x = E_b/kT) the energy is
 *     f(x) = A·x + B·x·e^{−x},  A = bits written,  B = P·N·T_sol/(ε_ref·τ0),
 * since a cell with barrier x is refreshed T_sol/(ε_ref·τ0·e^x) times. f′(x) = A + B·e^{−x}(1 − x) = 0
 * gives (x − 1)·e^{−(x−1)} = A·e/B, whose minimum is x* = 1 − W₋₁(−A·e/B).
 * A memory write cannot cost less than Landauer's kT·ln2, so x is restricted to x ≥ ln2: when the
 * stationary point does not exist (A > B/e²: refreshes never dominate) or is worse, x* = ln2.
 */
import { LN2 } from './constants.js';
import { lambertWm1FromLog } from './lambert-w.js';

export interface StaticBarrierOptimum {
  /** The optimal barrier E_b* in units of kT. */
  barrier_kT: number;
  /** f(x*) in units of kT: write energy plus refresh energy. */
  energy_kT: number;
  /** Write part A·x*. */
  write_kT: number;
  /** Refresh part B·x*·e^{−x*}. */
  refresh_kT: number;
  /** 'stationary' when the Lambert-W closed form is the minimum, 'landauer-edge' when x* = ln2. */
  regime: 'stationary' | 'landauer-edge';
}

/** Static-barrier energy f(x) in kT for write count A and refresh weight B (given as ln B to avoid overflow). */
export function staticBarrierEnergy_kT(x: number, writes: number, lnRefreshWeight: number): number {
  return writes * x + x * Math.exp(lnRefreshWeight - x);
}

/**
 * The minimising barrier x* ≥ ln2 in kT (Infinity when nothing is written: the memory then needs no
 * refresh at all). `writes` = A ≥ 0; `lnRefreshWeight` = ln B = ln(P·N·T_sol/(ε_ref·τ0)). Returns a number
 * so that the pricing core allocates nothing per design point.
 */
export function optimalStaticBarrier_kT(writes: number, lnRefreshWeight: number): number {
  if (!(writes > 0)) return Infinity;
  const edge = LN2;
  // ln(A·e/B) = ln A − ln B + 1; the stationary point exists only for A·e/B ≤ 1/e.
  const lnQ = Math.log(writes) - lnRefreshWeight + 1;
  if (lnQ > -1) return edge;
  const x = 1 - lambertWm1FromLog(lnQ);
  // At the stationary point B·e^{−x} = A/(x − 1), so f(x*) = A·x·x/(x − 1): no exponential needed.
  const stationaryEnergy = (writes * x * x) / (x - 1);
  return x >= edge && stationaryEnergy < staticBarrierEnergy_kT(edge, writes, lnRefreshWeight) ? x : edge;
}

/** Minimises f(x) over x ≥ ln2 and reports the optimum with its write and refresh parts. */
export function optimalStaticBarrier(writes: number, lnRefreshWeight: number): StaticBarrierOptimum {
  const best = optimalStaticBarrier_kT(writes, lnRefreshWeight);
  if (best === Infinity) return { barrier_kT: Infinity, energy_kT: 0, write_kT: 0, refresh_kT: 0, regime: 'stationary' };
  const energy = staticBarrierEnergy_kT(best, writes, lnRefreshWeight);
  const write = writes * best;
  return {
    barrier_kT: best,
    energy_kT: energy,
    write_kT: write,
    refresh_kT: energy - write,
    regime: best === LN2 ? 'landauer-edge' : 'stationary',
  };
}

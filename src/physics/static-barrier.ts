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
 * Minimises f(x) over x ≥ ln2. `writes` = A ≥ 0; `lnRefreshWeight` = ln B = ln(P·N·T_sol/(ε_ref·τ0)).
 */
export function optimalStaticBarrier(writes: number, lnRefreshWeight: number): StaticBarrierOptimum {
  const edge = LN2;
  let best = edge;
  let bestEnergy = staticBarrierEnergy_kT(edge, writes, lnRefreshWeight);
  if (writes > 0) {
    // ln(A·e/B) = ln A − ln B + 1.
    const lnQ = Math.log(writes) - lnRefreshWeight + 1;
    if (lnQ <= -1) {
      const x = 1 - lambertWm1FromLog(lnQ);
      const energy = staticBarrierEnergy_kT(x, writes, lnRefreshWeight);
      if (x >= edge && energy < bestEnergy) {
        best = x;
        bestEnergy = energy;
      }
    }
  } else {
    // No writes: only refreshes matter and f decreases towards 0 as x grows; the memory then needs no
    // refresh at all. Report the retention-free limit as x → ∞ with zero energy.
    return { barrier_kT: Infinity, energy_kT: 0, write_kT: 0, refresh_kT: 0, regime: 'stationary' };
  }
  const write = writes * best;
  return {
    barrier_kT: best,
    energy_kT: bestEnergy,
    write_kT: write,
    refresh_kT: bestEnergy - write,
    regime: best === edge ? 'landauer-edge' : 'stationary',
  };
}

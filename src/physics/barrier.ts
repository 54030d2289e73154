/**
 * Energy barriers and retention. Thermally activated escape over a barrier E_b happens at the rate
 * τ0⁻¹·e^{−E_b/kT} (Arrhenius; Néel–Brown for magnetic memories: L. Néel, Ann. Géophys. 5, 99 (1949);
 * W. F. Brown, Phys. Rev. 130, 1677 (1963)), so a state is kept for τ = τ0·e^{E_b/kT}.
 */
import { thermalEnergy } from './constants.js';

/** Mean retention time τ0·e^{E_b/kT} in s (∞ when it overflows a double). */
export function retentionTime_s(barrier_J: number, temperature_K: number, tau0_s: number): number {
  return tau0_s * Math.exp(barrier_J / thermalEnergy(temperature_K));
}

/**
 * Barrier in units of kT that keeps a state for τ_ret with a loss probability of at most ε_ret:
 * the escape probability in time t ≪ τ is t/τ, so τ0·e^{E/kT} ≥ τ_ret/ε_ret, E = ln(τ_ret/(ε_ret·τ0)).
 * ε_ret = 1 gives the mean lifetime τ_ret (at which 63 % of the bits are lost).
 */
export function barrierForRetention_kT(retention_s: number, tau0_s: number, retentionError = 1): number {
  return Math.log(retention_s / (retentionError * tau0_s));
}

/** Barrier in J that keeps a state for τ_ret with loss probability ε_ret: kT·ln(τ_ret/(ε_ret·τ0)). */
export function barrierForRetention_J(retention_s: number, temperature_K: number, tau0_s: number, retentionError = 1): number {
  return thermalEnergy(temperature_K) * barrierForRetention_kT(retention_s, tau0_s, retentionError);
}

/**
 * Refresh interval of a volatile cell with barrier E_b so that the chance of losing the bit between
 * refreshes stays below ε_ref: the escape probability in time t is ≈ t/τ for t ≪ τ, so
 * τ_ref = ε_ref·τ0·e^{E_b/kT} (docs/model.md §2.3).
 */
export function refreshInterval_s(barrier_kT: number, tau0_s: number, refreshError: number): number {
  return refreshError * tau0_s * Math.exp(barrier_kT);
}

/**
 * Number of refreshes of one cell over a run of duration T_sol: T_sol/τ_ref, computed in log space so a
 * high barrier gives a clean (tiny) number instead of ∞/∞.
 */
export function refreshCount(duration_s: number, barrier_kT: number, tau0_s: number, refreshError: number): number {
  return Math.exp(Math.log(duration_s / (refreshError * tau0_s)) - barrier_kT);
}

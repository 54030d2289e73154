/**
 * Finite-time excess: moving a probability distribution a Wasserstein distance W₂ in time τ dissipates at
 * least γ·W₂²/τ (Aurell, Gawędzki, Mejía-Monasterio, Mohayaee & Muratore-Ginanneschi, J. Stat. Phys. 147,
 * 487 (2012)). With the relaxation time τ_r = γL²/kT over the state range L and c = W₂²/L², this is
 * c·kT·τ_r/τ. Landauer plus this term is the finite-time Landauer form kT·ln2 + B/τ (Proesmans, Ehrich &
 * Bechhoefer, PRL 125, 100602 (2020)).
 */
import { thermalEnergy } from './constants.js';

/** c for collapsing a uniform distribution on [0, L] to a point: W₂² = L²/3 − L²/4 = L²/12. */
export const UNIFORM_TO_POINT_C = 1 / 12;

/** Least excess dissipation c·kT·τ_r/τ in J of one operation performed in time τ. */
export function finiteTimeExcess_J(temperature_K: number, relaxation_s: number, duration_s: number, c = UNIFORM_TO_POINT_C): number {
  return (c * thermalEnergy(temperature_K) * relaxation_s) / duration_s;
}

/** Same in units of kT. */
export function finiteTimeExcess_kT(relaxation_s: number, duration_s: number, c = UNIFORM_TO_POINT_C): number {
  return (c * relaxation_s) / duration_s;
}

/** Wasserstein-2 bound γ·W₂²/τ in J for friction γ (kg/s), distance W₂ (m) and duration τ (s). */
export function transportBound_J(friction: number, wasserstein_m: number, duration_s: number): number {
  return (friction * wasserstein_m * wasserstein_m) / duration_s;
}

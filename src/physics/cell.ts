/**
 * The memory cell behind the in-memory rows (docs/model.md §2.2): its geometry fixes how far an update
 * moves probability, hence the finite-time excess; its attempt time τ0 and barrier fix that geometry.
 *
 * The cell is the quartic double well U(x) = E_b·((x/a)² − 1)² of the simulator (wells at ±a, separation
 * 2a, friction γ). Kramers' high-barrier rate (H. A. Kramers, Physica 7, 284 (1940); Hänggi, Talkner &
 * Borkovec, RMP 62, 251 (1990)) is √(U''(±a)·|U''(0)|)/(2πγ)·e^{−E_b/kT} with U''(±a) = 8E_b/a² and
 * U''(0) = −4E_b/a², so the Arrhenius attempt time is τ0 = 2π·γa²/(√32·E_b). The simulator's time unit
 * τ_D = γa²/kT (diffusion over the half separation) is therefore
 *     τ_D = (√32/2π)·(E_b/kT)·τ0,
 * with E_b the barrier at which τ0 is quoted: the retention barrier of the cell. The multi-level landscape
 * of the simulator has the same curvature product (32·E_b²/a⁴) per level, so the relation holds there too.
 */

export type CellModel = 'binary' | 'analog';
export const CELL_MODELS: readonly CellModel[] = ['binary', 'analog'];

/** √32/(2π): τ_D/τ0 per kT of barrier for the quartic cell. */
export const KRAMERS_GEOMETRY = Math.sqrt(32) / (2 * Math.PI);

/** τ_D = γa²/kT of a quartic cell whose Arrhenius attempt time is τ0 at barrier E_b (kT). */
export function diffusionTime_s(tau0_s: number, barrier_kT: number): number {
  return KRAMERS_GEOMETRY * barrier_kT * tau0_s;
}

/** Levels of a cell holding N bits: 2 per binary cell (N cells per parameter), 2^N for one analog cell. */
export function cellLevels(cell: CellModel, precisionBits: number): number {
  return cell === 'binary' ? 2 : 2 ** precisionBits;
}

/**
 * State range L of a cell in units of a: levels 2a apart, so L = 2a·(M − 1). Its relaxation time
 * τ_r = γL²/kT = 4(M − 1)²·τ_D grows as the square of the number of levels.
 */
export function relaxationTime_s(levels: number, diffusion_s: number): number {
  return 4 * (levels - 1) ** 2 * diffusion_s;
}

/**
 * c = W₂²/L² of one update: the old value is unknown (uniform over the M levels) and the new one is a
 * single level. In one dimension the optimal transport is the monotone map, so W₂² is the mean squared
 * distance to the target level; it is least at the median level, where with spacing 2a
 *     W₂² = 4a²·((M² − 1)/12 + [M even]/4),
 * i.e. c = (M² + 2)/(12(M − 1)²) for even M (M = 2: the half of the mass in the other well moves 2a,
 * W₂² = 2a², c = 1/2) and (M² − 1)/(12(M − 1)²) for odd M. Large M → 1/12, the continuum limit
 * (uniform on [0, L] to a point).
 */
export function transportRatio(levels: number): number {
  const even = levels % 2 === 0;
  return (levels * levels - 1 + (even ? 3 : 0)) / (12 * (levels - 1) ** 2);
}

/**
 * Least excess dissipation of one cell update in time τ, in kT: c·τ_r/τ = W₂²/(a²)·τ_D/τ (Aurell et al.,
 * J. Stat. Phys. 147, 487 (2012): γ·W₂²/τ). Binary cell: 2·τ_D/τ per erased bit.
 */
export function cellExcess_kT(cell: CellModel, precisionBits: number, diffusion_s: number, duration_s: number): number {
  const m = cellLevels(cell, precisionBits);
  return (transportRatio(m) * relaxationTime_s(m, diffusion_s)) / duration_s;
}

/**
 * Physical constants, exact in the 2019 SI (BIPM SI Brochure, 9th ed., 2019; 26th CGPM Resolution 1).
 * Everything inside limbound is SI: J, s, K, bits, counts.
 */

/** Boltzmann constant k_B in J/K (exact since 20 May 2019). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Planck constant h in J·s (exact). */
export const PLANCK_J_S = 6.62607015e-34;
/** Elementary charge e in C (exact); used for J ↔ eV. */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Speed of light c in m/s (exact). */
export const SPEED_OF_LIGHT_M_PER_S = 299792458;

export const LN2 = Math.LN2;

/** Julian year (365.25 d) in seconds, the year used throughout. */
export const YEAR_S = 3.15576e7;
export const DAY_S = 86400;
/** 1 kWh in J. */
export const KWH_J = 3.6e6;

/** Default operating temperature in K. */
export const DEFAULT_TEMPERATURE_K = 300;
/** Default memory attempt time τ0 in s (common magnetic-memory assumption; see docs/model.md). */
export const DEFAULT_TAU0_S = 1e-9;

/** Thermal energy k_B·T in J. */
export function thermalEnergy(temperature_K: number): number {
  return BOLTZMANN_J_PER_K * temperature_K;
}

/** Energy in J expressed in electron-volts. */
export function joulesToEV(energy_J: number): number {
  return energy_J / ELEMENTARY_CHARGE_C;
}

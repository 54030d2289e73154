/**
 * Landauer's bound (R. Landauer, IBM J. Res. Dev. 5, 183 (1961)): erasing one bit dissipates at least
 * k_B·T·ln2. With a tolerated erasure error ε the bound relaxes to k_B·T·(ln2 − H(ε)), H the binary
 * entropy in nats (the generalised bound; e.g. Bérut et al., Nature 483, 187 (2012)).
 */
import { LN2, thermalEnergy } from './constants.js';

/** Binary entropy H(p) = −p ln p − (1−p) ln(1−p), in nats; H(0) = H(1) = 0. */
export function binaryEntropyNats(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log(p) - (1 - p) * Math.log1p(-p);
}

/** Least heat per erased bit, in units of kT: ln2 − H(ε). Zero at ε = ½ (nothing is erased). */
export function landauerPerBit_kT(erasureError = 0): number {
  return LN2 - binaryEntropyNats(Math.min(erasureError, 0.5));
}

/** Least heat per erased bit in J at temperature T: k_B·T·(ln2 − H(ε)). */
export function landauerPerBit_J(temperature_K: number, erasureError = 0): number {
  return thermalEnergy(temperature_K) * landauerPerBit_kT(erasureError);
}

/** Least heat to overwrite `bits` bits irreversibly, in J. */
export function landauerErase_J(bits: number, temperature_K: number, erasureError = 0): number {
  return bits * landauerPerBit_J(temperature_K, erasureError);
}

/**
 * The physical and technological setting in which counts are priced: temperature, memory physics,
 * the accelerator and the devices. All SI. `derive` computes the per-point intermediates once.
 */
import type { Accelerator, Precision } from '../data/accelerators.js';
import { CMOS_LIMIT, DRAM_REFRESH, joulesPerFlop } from '../data/accelerators.js';
import type { MemoryDevice } from '../data/devices.js';
import type { OperationCounts } from './counts.js';
import { thermalEnergy, LN2 } from '../physics/constants.js';
import { landauerPerBit_kT } from '../physics/landauer.js';
import { barrierForRetention_kT } from '../physics/barrier.js';
import { optimalStaticBarrier_kT } from '../physics/static-barrier.js';

export interface PricingEnv {
  temperature_K: number;
  /** τ0: attempt time of thermally activated escape. */
  tau0_s: number;
  /** τ_r: relaxation time of a memory cell over its state range (sets the finite-time excess). */
  relaxation_s: number;
  /** c = W₂²/L² of the update (1/12: uniform state collapsed to a point). */
  transport_c: number;
  /** ε: tolerated erasure error of an update (Landauer floor kT·(ln2 − H(ε))). */
  erasure_error: number;
  /** ε_ref: tolerated chance that a volatile cell loses its bit between refreshes. */
  refresh_error: number;
  /** τ_ret: how long the trained model must be kept after training. */
  retention_s: number;
  accelerator: Accelerator;
  accelerator_precision: Precision;
  lim_device: MemoryDevice;
  cim_device: MemoryDevice;
  cmos_J_per_flop: number;
  /** Off-chip energy per bit for the CMOS-limit von Neumann machine. */
  cmos_memory_J_per_bit: number;
  dram_refresh_interval_s: number;
  dram_refresh_J_per_bit: number;
}

/** Intermediates shared by several terms, computed once per design point. */
export interface Derived {
  kT_J: number;
  /** kT·(ln2 − H(ε)): Landauer cost per changed bit. */
  bit_floor_J: number;
  /** N_eff = Σbits/OPS: bits that change per update operation. */
  neff_bits: number;
  /** τ_u = T_sol·P/OPS: time each cell has for one update on a fully parallel machine. */
  update_time_s: number;
  /** c·kT·τ_r/τ_u: finite-time excess per update operation. */
  excess_per_op_J: number;
  /** ln(τ_ret/τ0): barrier (kT) that keeps the trained model for τ_ret. */
  retention_barrier_kT: number;
  /** Work (kT) to raise a LIM barrier from kT to the retention barrier: ½·ln(E_ret/kT). */
  ramp_per_bit_kT: number;
  /** The best single barrier E_b* of an ideal static memory, in kT. */
  cim_barrier_kT: number;
  /** Refreshes per cell over the run at E_b*. */
  cim_refresh_count: number;
  /** J/FLOP of the accelerator at its precision. */
  accelerator_J_per_flop: number;
  /** Refreshes per DRAM bit over the run. */
  dram_refresh_count: number;
}

/** Derived quantities that depend on the setting only, not on the counts. */
interface EnvConstants {
  kT_J: number;
  bit_floor_J: number;
  retention_barrier_kT: number;
  ramp_per_bit_kT: number;
  accelerator_J_per_flop: number;
  /** ln(ε_ref·τ0), so that T_sol/(ε_ref·τ0) refreshes-at-zero-barrier is one log per point. */
  ln_refresh_error_tau0: number;
}

// A sweep prices many points in one setting: remember the last setting's constants (settings are
// treated as immutable values everywhere in the engine).
let lastEnv: PricingEnv | undefined;
let lastConstants: EnvConstants | undefined;

function envConstants(e: PricingEnv): EnvConstants {
  if (e === lastEnv && lastConstants) return lastConstants;
  const kT = thermalEnergy(e.temperature_K);
  const retentionBarrier = barrierForRetention_kT(e.retention_s, e.tau0_s);
  lastConstants = {
    kT_J: kT,
    bit_floor_J: kT * landauerPerBit_kT(e.erasure_error),
    retention_barrier_kT: retentionBarrier,
    ramp_per_bit_kT: 0.5 * Math.log(Math.max(1, retentionBarrier)),
    accelerator_J_per_flop: joulesPerFlop(e.accelerator, e.accelerator_precision),
    ln_refresh_error_tau0: Math.log(e.refresh_error) + Math.log(e.tau0_s),
  };
  lastEnv = e;
  return lastConstants;
}

/**
 * For a caller that changes a setting in place (the uncertainty sampler reuses one setting object for
 * every sample, to allocate nothing): the next pricing recomputes the setting's constants.
 */
export function forgetEnvConstants(): void {
  lastEnv = undefined;
}

export function derive(c: OperationCounts, e: PricingEnv): Derived {
  return deriveInto(c, e, emptyDerived());
}

/** Fills `d` (reused across design points, so the pricing core allocates nothing) and returns it. */
export function deriveInto(c: OperationCounts, e: PricingEnv, d: Derived): Derived {
  const k = envConstants(e);
  const updateTime = c.ops > 0 ? (c.time_s * c.params) / c.ops : Infinity;
  // ln(T_sol/(ε_ref·τ0)): refreshes a cell needs at zero barrier (docs/model.md §2.4).
  const lnRefreshes = Math.log(c.time_s) - k.ln_refresh_error_tau0;
  const lnRefreshWeight = Math.log(c.params * c.precision_bits) + lnRefreshes;
  const cimBarrier = optimalStaticBarrier_kT(c.update_bits, lnRefreshWeight);
  d.kT_J = k.kT_J;
  d.bit_floor_J = k.bit_floor_J;
  d.neff_bits = c.ops > 0 ? c.update_bits / c.ops : 0;
  d.update_time_s = updateTime;
  d.excess_per_op_J = Number.isFinite(updateTime) ? (e.transport_c * k.kT_J * e.relaxation_s) / updateTime : 0;
  d.retention_barrier_kT = k.retention_barrier_kT;
  d.ramp_per_bit_kT = k.ramp_per_bit_kT;
  d.cim_barrier_kT = cimBarrier;
  // refreshCount (src/physics/barrier.ts) with its logarithm already at hand.
  d.cim_refresh_count = Number.isFinite(cimBarrier) ? Math.exp(lnRefreshes - cimBarrier) : 0;
  d.accelerator_J_per_flop = k.accelerator_J_per_flop;
  d.dram_refresh_count = c.time_s / e.dram_refresh_interval_s;
  return d;
}

export function emptyDerived(): Derived {
  return {
    kT_J: 0,
    bit_floor_J: 0,
    neff_bits: 0,
    update_time_s: 0,
    excess_per_op_J: 0,
    retention_barrier_kT: 0,
    ramp_per_bit_kT: 0,
    cim_barrier_kT: 0,
    cim_refresh_count: 0,
    accelerator_J_per_flop: 0,
    dram_refresh_count: 0,
  };
}

export const DEFAULT_PHYSICS = {
  temperature_K: 300,
  tau0_s: 1e-9,
  relaxation_s: 1e-9,
  transport_c: 1 / 12,
  erasure_error: 0,
  refresh_error: 1e-9,
  retention_s: 10 * 3.15576e7,
} as const;

export const DEFAULT_TECHNOLOGY = {
  cmos_J_per_flop: CMOS_LIMIT.J_per_flop,
  cmos_memory_J_per_bit: CMOS_LIMIT.memory_J_per_bit,
  dram_refresh_interval_s: DRAM_REFRESH.interval_s,
  dram_refresh_J_per_bit: DRAM_REFRESH.J_per_bit,
} as const;

export { LN2 };

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
import { barrierForRetention_kT, refreshCount } from '../physics/barrier.js';
import { optimalStaticBarrier } from '../physics/static-barrier.js';

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

export function derive(c: OperationCounts, e: PricingEnv): Derived {
  const kT = thermalEnergy(e.temperature_K);
  const updateTime = c.ops > 0 ? (c.time_s * c.params) / c.ops : Infinity;
  const retentionBarrier = barrierForRetention_kT(e.retention_s, e.tau0_s);
  const storedBits = c.params * c.precision_bits;
  const lnRefreshWeight = Math.log(storedBits) + Math.log(c.time_s) - Math.log(e.refresh_error * e.tau0_s);
  const cim = optimalStaticBarrier(c.update_bits, lnRefreshWeight);
  return {
    kT_J: kT,
    bit_floor_J: kT * landauerPerBit_kT(e.erasure_error),
    neff_bits: c.ops > 0 ? c.update_bits / c.ops : 0,
    update_time_s: updateTime,
    excess_per_op_J: Number.isFinite(updateTime) ? (e.transport_c * kT * e.relaxation_s) / updateTime : 0,
    retention_barrier_kT: retentionBarrier,
    ramp_per_bit_kT: 0.5 * Math.log(Math.max(1, retentionBarrier)),
    cim_barrier_kT: cim.barrier_kT,
    cim_refresh_count: Number.isFinite(cim.barrier_kT) ? refreshCount(c.time_s, cim.barrier_kT, e.tau0_s, e.refresh_error) : 0,
    accelerator_J_per_flop: joulesPerFlop(e.accelerator, e.accelerator_precision),
    dram_refresh_count: c.time_s / e.dram_refresh_interval_s,
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

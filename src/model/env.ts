/**
 * The physical and technological setting in which counts are priced: temperature, memory physics,
 * the accelerator and the devices. All SI. `derive` computes the per-point intermediates once.
 */
import type { Accelerator, Precision } from '../data/accelerators.js';
import { CMOS_LIMIT, DRAM_REFRESH } from '../data/accelerators.js';
import type { MemoryDevice } from '../data/devices.js';
import type { OperationCounts } from './counts.js';
import { thermalEnergy, LN2 } from '../physics/constants.js';
import { landauerPerBit_kT } from '../physics/landauer.js';
import { barrierForRetention_kT } from '../physics/barrier.js';
import { optimalStaticBarrier_kT, refreshesPerWrite } from '../physics/static-barrier.js';
import { cellLevels, diffusionTime_s, relaxationTime_s, transportRatio, type CellModel } from '../physics/cell.js';

export interface PricingEnv {
  /** T: temperature of the memory. */
  temperature_K: number;
  /** Temperature of the surroundings the heat is finally rejected to (Carnot cooling below it). */
  ambient_K: number;
  /** τ0: Arrhenius attempt time of thermally activated escape, quoted at the retention barrier. */
  tau0_s: number;
  /** Cell model: N bistable cells per parameter, or one analog cell of 2^N levels. */
  cell: CellModel;
  /** τ_r override: relaxation time of a cell over its state range (default: derived from the cell). */
  relaxation_s?: number;
  /** c = W₂²/L² override (default: derived from the cell). */
  transport_c?: number;
  /** ε: tolerated erasure error of an update (Landauer floor kT·(ln2 − H(ε))). */
  erasure_error: number;
  /** ε_ref: tolerated chance that a volatile cell loses its bit between refreshes. */
  refresh_error: number;
  /** τ_ret: how long the trained model must be kept after training. */
  retention_s: number;
  /** ε_ret: tolerated chance that a bit of the trained model is lost within τ_ret. */
  retention_error: number;
  accelerator: Accelerator;
  accelerator_precision: Precision;
  lim_device: MemoryDevice;
  cim_device: MemoryDevice;
  cmos_J_per_flop: number;
  /** Off-chip energy per bit for the CMOS-limit von Neumann machine. */
  cmos_memory_J_per_bit: number;
  dram_refresh_interval_s: number;
  dram_refresh_J_per_bit: number;
  /** Board power of the accelerator row, W (default: the catalog's figure, see its power convention). */
  accelerator_power_W?: number;
  /** Model FLOPs utilisation of the accelerator row (1: every FLOP at peak, the best case). */
  mfu: number;
  /** Power usage effectiveness applied to the accelerator row (1: no facility overhead, the best case). */
  pue: number;
  /** FLOP per byte moved off-chip by the CMOS-limit machine; null: use the workload's traffic (read_bits). */
  cmos_intensity_flop_per_byte: number | null;
  /** Optimizer state bytes a von Neumann machine writes per parameter per step; null: the parameter itself (N/8). */
  optimizer_state_bytes: number | null;
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
  /** τ_D = γa²/kT of the cell, from τ0 at the retention barrier (the simulator's time unit). */
  diffusion_time_s: number;
  /** τ_r: relaxation time of a cell over its state range (derived, or the user's). */
  relaxation_s: number;
  /** c = W₂²/L² of one cell update (derived, or the user's). */
  transport_c: number;
  /** Finite-time excess per update operation: N_eff·c·kT·τ_r/τ_u (binary cells) or c·kT·τ_r/τ_u (analog). */
  excess_per_op_J: number;
  /** Cells holding the model: P·N (binary) or P (analog). */
  stored_cells: number;
  /** Cell writes over the run: Σbits (a binary cell per changed bit) or OPS (an analog cell per update). */
  cell_writes: number;
  /** τ_u ≥ τ0: the update is slower than one escape attempt, where Arrhenius escape and the overdamped model hold. */
  in_model_domain: boolean;
  /** ln(τ_ret/(ε_ret·τ0)): barrier (kT) that keeps the trained model for τ_ret with loss ε_ret. */
  retention_barrier_kT: number;
  /** Work (kT) to raise a LIM barrier from kT to the retention barrier: ½·ln(E_ret/kT). */
  ramp_per_bit_kT: number;
  /** The best single barrier E_b* of an ideal static memory, in kT. */
  cim_barrier_kT: number;
  /** ln(τ_w/(ε_ref·τ0)): the barrier (kT) that holds a bit from one write to the next. */
  cim_hold_barrier_kT: number;
  /** Refreshes per cell over the run at E_b*, beyond the ones its writes do: T_sol·max(0, 1/τ_ref − 1/τ_w). */
  cim_refresh_count: number;
  /** Carnot work per joule of heat pumped from T to the ambient: max(0, T_amb/T − 1). */
  cooling_per_J: number;
  /** J/FLOP of the accelerator at its precision: board power ÷ peak. */
  accelerator_J_per_flop: number;
  /** Board power of the accelerator row, W. */
  accelerator_power_W: number;
  /** Accelerator-seconds of the run: max(F/(peak·MFU), read_bits/(8·bandwidth)). */
  accelerator_time_s: number;
  /** Board energy W·t of the accelerator row, before PUE. */
  accelerator_board_J: number;
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
  accelerator_power_W: number;
  accelerator_peak_flop_per_s: number;
  /** ln(ε_ref·τ0), so that the hold barrier ln(τ_w/(ε_ref·τ0)) is one log per point. */
  ln_refresh_error_tau0: number;
  diffusion_time_s: number;
  cooling_per_J: number;
}

// A sweep prices many points in one setting: remember the last setting's constants (settings are
// treated as immutable values everywhere in the engine).
let lastEnv: PricingEnv | undefined;
let lastConstants: EnvConstants | undefined;

function envConstants(e: PricingEnv): EnvConstants {
  if (e === lastEnv && lastConstants) return lastConstants;
  const kT = thermalEnergy(e.temperature_K);
  const retentionBarrier = barrierForRetention_kT(e.retention_s, e.tau0_s, e.retention_error);
  const power = e.accelerator_power_W ?? e.accelerator.tdp_W;
  const peak = e.accelerator.precisions[e.accelerator_precision]?.peak_flop_per_s ?? Number.NaN;
  lastConstants = {
    kT_J: kT,
    bit_floor_J: kT * landauerPerBit_kT(e.erasure_error),
    retention_barrier_kT: retentionBarrier,
    ramp_per_bit_kT: 0.5 * Math.log(Math.max(1, retentionBarrier)),
    accelerator_J_per_flop: power / peak,
    accelerator_power_W: power,
    accelerator_peak_flop_per_s: peak,
    ln_refresh_error_tau0: Math.log(e.refresh_error) + Math.log(e.tau0_s),
    diffusion_time_s: diffusionTime_s(e.tau0_s, retentionBarrier),
    cooling_per_J: Math.max(0, e.ambient_K / e.temperature_K - 1),
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
  const neff = c.ops > 0 ? c.update_bits / c.ops : 0;
  const levels = cellLevels(e.cell, c.precision_bits);
  const relaxation = e.relaxation_s ?? relaxationTime_s(levels, k.diffusion_time_s);
  const transport = e.transport_c ?? transportRatio(levels);
  // One erasure per changed bit (binary cells, in parallel) or one transport of the whole value (analog).
  const cellsMovedPerOp = e.cell === 'binary' ? neff : 1;
  // τ_w: mean time between writes of one cell; the hold barrier keeps it that long (§2.4). A binary cell is
  // written when its bit changes, an analog cell at every update (one barrier crossing at least).
  const cells = e.cell === 'binary' ? c.params * c.precision_bits : c.params;
  const cellWrites = e.cell === 'binary' ? c.update_bits : c.update_bits > 0 ? c.ops : 0;
  const lnHold = Math.log(c.time_s) + Math.log(cells) - Math.log(cellWrites) - k.ln_refresh_error_tau0;
  const cimBarrier = optimalStaticBarrier_kT(cellWrites, lnHold);
  d.kT_J = k.kT_J;
  d.bit_floor_J = k.bit_floor_J;
  d.neff_bits = neff;
  d.update_time_s = updateTime;
  d.diffusion_time_s = k.diffusion_time_s;
  d.relaxation_s = relaxation;
  d.transport_c = transport;
  d.excess_per_op_J = Number.isFinite(updateTime) ? (cellsMovedPerOp * transport * k.kT_J * relaxation) / updateTime : 0;
  d.in_model_domain = updateTime >= e.tau0_s;
  d.retention_barrier_kT = k.retention_barrier_kT;
  d.ramp_per_bit_kT = k.ramp_per_bit_kT;
  d.cim_barrier_kT = cimBarrier;
  d.cim_hold_barrier_kT = lnHold;
  d.stored_cells = cells;
  d.cell_writes = cellWrites;
  d.cim_refresh_count = Number.isFinite(cimBarrier) ? (cellWrites / cells) * refreshesPerWrite(cimBarrier, lnHold) : 0;
  d.cooling_per_J = k.cooling_per_J;
  d.accelerator_J_per_flop = k.accelerator_J_per_flop;
  d.accelerator_power_W = k.accelerator_power_W;
  // Roofline time of the run on one board, stretched by MFU: compute-bound at or above the ridge point.
  d.accelerator_time_s = Math.max(c.flops / (k.accelerator_peak_flop_per_s * e.mfu), c.read_bits / (8 * e.accelerator.memory_bandwidth_B_per_s));
  d.accelerator_board_J = d.accelerator_time_s * k.accelerator_power_W;
  d.dram_refresh_count = c.time_s / e.dram_refresh_interval_s;
  return d;
}

export function emptyDerived(): Derived {
  return {
    kT_J: 0,
    bit_floor_J: 0,
    neff_bits: 0,
    update_time_s: 0,
    diffusion_time_s: 0,
    relaxation_s: 0,
    transport_c: 0,
    excess_per_op_J: 0,
    stored_cells: 0,
    cell_writes: 0,
    // Stryker disable next-line BooleanLiteral: deriveInto writes in_model_domain before anything reads a Derived
    in_model_domain: true,
    retention_barrier_kT: 0,
    ramp_per_bit_kT: 0,
    cim_barrier_kT: 0,
    cim_hold_barrier_kT: 0,
    cim_refresh_count: 0,
    cooling_per_J: 0,
    accelerator_J_per_flop: 0,
    accelerator_power_W: 0,
    accelerator_time_s: 0,
    accelerator_board_J: 0,
    dram_refresh_count: 0,
  };
}

export const DEFAULT_PHYSICS = {
  temperature_K: 300,
  ambient_K: 300,
  tau0_s: 1e-9,
  cell: 'binary',
  erasure_error: 0,
  refresh_error: 1e-9,
  retention_s: 10 * 3.15576e7,
  retention_error: 1e-9,
} as const satisfies Partial<PricingEnv>;

export const DEFAULT_TECHNOLOGY = {
  cmos_J_per_flop: CMOS_LIMIT.J_per_flop,
  cmos_memory_J_per_bit: CMOS_LIMIT.memory_J_per_bit,
  dram_refresh_interval_s: DRAM_REFRESH.interval_s,
  dram_refresh_J_per_bit: DRAM_REFRESH.J_per_bit,
  mfu: 1,
  pue: 1,
  cmos_intensity_flop_per_byte: null,
  optimizer_state_bytes: null,
} as const satisfies Partial<PricingEnv>;

export { LN2 };

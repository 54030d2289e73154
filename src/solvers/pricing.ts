/**
 * Prices a solver run's measured counts with the engine's paradigm rows (src/model/price.ts): the
 * solvers add no paradigm formula of their own. This module only builds the pricing setting from the
 * engine's defaults plus the user's choices, and attaches the assumed time to solution to each row.
 */
import { findAccelerator, findDevice, type Precision } from '../data/index.js';
import type { OperationCounts } from '../model/counts.js';
import { DEFAULT_PHYSICS, DEFAULT_TECHNOLOGY, type PricingEnv } from '../model/env.js';
import { priceCounts } from '../model/price.js';
import { DEFAULT_ACCELERATOR, DEFAULT_CIM_DEVICE, DEFAULT_LIM_DEVICE } from '../model/resolve.js';
import { InputError, requireNumber } from '../util/errors.js';

export interface SolverPricingOptions {
  temperature_K?: number;
  accelerator?: string;
  /** Precision at which the accelerator row is priced (default fp32: the solvers' arithmetic). */
  accelerator_precision?: Precision;
  lim_device?: string;
  /** The CIM (static-barrier) device row. */
  device?: string;
}

export interface ParadigmEnergy {
  id: string;
  label: string;
  kind: 'bound' | 'estimate' | 'measured';
  memory_J: number | null;
  update_J: number | null;
  consolidation_J: number | null;
  compute_J: number | null;
  energy_J: number;
  orders_above_floor: number;
  /** The time to solution the row is priced at (the assumed hardware's T_sol, the same for every row). */
  time_to_solution_s: number;
}

export const DEFAULT_SOLVER_PRECISION: Precision = 'fp32';

export function solverPricingEnv(o: SolverPricingOptions = {}): PricingEnv {
  const accelerator = findAccelerator(o.accelerator ?? DEFAULT_ACCELERATOR);
  if (!accelerator) throw new InputError('accelerator', `unknown accelerator '${o.accelerator}'`);
  const precision = o.accelerator_precision ?? DEFAULT_SOLVER_PRECISION;
  if (!accelerator.precisions[precision]) {
    throw new InputError('accelerator_precision', `${accelerator.name} has no ${precision} rating (allowed: ${Object.keys(accelerator.precisions).join(', ')})`);
  }
  const limDevice = findDevice(o.lim_device ?? DEFAULT_LIM_DEVICE);
  if (!limDevice) throw new InputError('lim_device', `unknown device '${o.lim_device}'`);
  const cimDevice = findDevice(o.device ?? DEFAULT_CIM_DEVICE);
  if (!cimDevice) throw new InputError('device', `unknown device '${o.device}'`);
  const temperature_K = o.temperature_K === undefined ? DEFAULT_PHYSICS.temperature_K : requireNumber('temperature_K', o.temperature_K, { min: 0, minExclusive: true });
  return {
    ...DEFAULT_PHYSICS,
    temperature_K,
    accelerator,
    accelerator_precision: precision,
    lim_device: limDevice,
    cim_device: cimDevice,
    ...DEFAULT_TECHNOLOGY,
  };
}

/** Energy to solution of one run under every paradigm. */
export function priceRun(counts: OperationCounts, o: SolverPricingOptions = {}): ParadigmEnergy[] {
  const { rows } = priceCounts(counts, solverPricingEnv(o));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    kind: r.kind,
    memory_J: r.memory_J,
    update_J: r.update_J,
    consolidation_J: r.consolidation_J,
    compute_J: r.compute_J,
    energy_J: r.energy_J,
    orders_above_floor: r.orders_above_floor,
    time_to_solution_s: counts.time_s,
  }));
}

/**
 * Prices a solver run's measured counts with the engine's paradigm rows (src/model/price.ts): the
 * solvers add no paradigm formula of their own. This module only builds the pricing setting from the
 * engine's defaults plus the user's choices, and attaches the assumed time to solution to each row.
 */
import { findAccelerator, findDevice, type Precision } from '../data/index.js';
import type { OperationCounts } from '../model/counts.js';
import { DEFAULT_PHYSICS, DEFAULT_TECHNOLOGY, type PricingEnv } from '../model/env.js';
import { priceCounts, type PricedRow } from '../model/price.js';
import { DEFAULT_ACCELERATOR, DEFAULT_CIM_DEVICE, DEFAULT_LIM_DEVICE } from '../model/resolve.js';
import { InputError, requireNumber } from '../util/errors.js';

export interface SolverPricingOptions {
  temperature_K?: number;
  /** Ambient the heat is rejected to; below it every row carries its Carnot cooling (default 300 K). */
  ambient_K?: number;
  accelerator?: string;
  /** Precision at which the accelerator row is priced (default fp32: the solvers' arithmetic). */
  accelerator_precision?: Precision;
  lim_device?: string;
  /** The CIM (static-barrier) device row. */
  device?: string;
  /** τ_r of the priced cell, s (default: derived from τ0 and the cell, docs/model.md §2.2). */
  relaxation_s?: number;
}

/** An engine row (src/model/price.ts) with the time to solution it is priced at (the same for every row). */
export type ParadigmEnergy = Omit<PricedRow, 'citations'> & { time_to_solution_s: number };

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
    ambient_K: o.ambient_K === undefined ? DEFAULT_PHYSICS.ambient_K : requireNumber('ambient_K', o.ambient_K, { min: 0, minExclusive: true }),
    accelerator,
    accelerator_precision: precision,
    lim_device: limDevice,
    cim_device: cimDevice,
    ...DEFAULT_TECHNOLOGY,
    ...(o.relaxation_s === undefined ? {} : { relaxation_s: requireNumber('relaxation_s', o.relaxation_s, { min: 0, minExclusive: true }) }),
  };
}

/** Energy to solution of one run under every paradigm. */
export function priceRun(counts: OperationCounts, o: SolverPricingOptions = {}): ParadigmEnergy[] {
  const { rows } = priceCounts(counts, solverPricingEnv(o));
  return rows.map(({ citations: _citations, ...row }) => ({ ...row, time_to_solution_s: counts.time_s }));
}

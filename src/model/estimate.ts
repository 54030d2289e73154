/**
 * `estimate(input)`: the library's main entry. Validates the input, resolves the workload to counts,
 * prices them per paradigm and wall, adds the reported energy of the workload where one is sourced,
 * and (optionally) the energy–speed trade-off.
 */
import { validateInput, type EstimateInput } from './schema.js';
import { resolve, type Resolved } from './resolve.js';
import { priceCounts, ordersAbove, type PricedRow } from './price.js';
import type { Derived, PricingEnv } from './env.js';
import { enduranceWarnings } from './endurance.js';
import type { TermOverrides } from './paradigms.js';
import { tradeoff, type Tradeoff } from './tradeoff.js';
import { CITATIONS, type Citation } from '../data/sources.js';
import { VERSION } from '../version.js';
import { OPS_CONVENTIONS, type OpsConvention } from './convention.js';

export interface EstimateOptions {
  /** Replace individual wall terms of individual rows. */
  terms?: TermOverrides;
  /** Add the energy–speed trade-off (E against T_sol). */
  tradeoff?: boolean | { points?: number };
}

export interface EstimateResult {
  tool: { name: 'limbound'; version: string };
  inputs: Record<string, number | string>;
  origin: Record<string, string>;
  workload: { id: string; name: string; kind: string; assumptions: string[] };
  /** The counting convention in force (docs/model.md §1). */
  ops_convention: OpsConvention;
  /** The Landauer floor under each counting convention (null where the workload lacks the count). */
  floors_by_convention_J: Record<OpsConvention, number | null>;
  counts: {
    flops: number;
    ops: number;
    mac_reads?: number;
    param_writes: number;
    steps: number;
    iterations?: number;
    update_bits: number;
    read_bits: number;
    params: number;
    precision_bits: number;
    checkpoints: number;
    time_s: number;
  };
  derived: {
    kT_J: number;
    landauer_per_bit_J: number;
    n_eff_bits: number;
    update_time_s: number;
    /** τ_u ≥ τ0: inside the model's domain (docs/model.md §2.2). */
    in_model_domain: boolean;
    diffusion_time_s: number;
    relaxation_s: number;
    transport_c: number;
    finite_time_excess_per_op_J: number;
    cim_barrier_kT: number;
    cim_barrier_J: number;
    cim_hold_barrier_kT: number;
    cim_refresh_count: number;
    retention_barrier_kT: number;
    cooling_per_J: number;
    accelerator_J_per_flop: number;
    accelerator_power_W: number;
    accelerator_time_s: number;
    accelerator_board_J: number;
    cmos_intensity_flop_per_byte: number | null;
    optimizer_state_bytes: number | null;
  };
  rows: PricedRow[];
  /** Things to know that did not stop the estimate (the CLI prints them on stderr). */
  warnings: string[];
  tradeoff?: Tradeoff;
  citations: Citation[];
}

export function estimate(input: EstimateInput = {}, options: EstimateOptions = {}): EstimateResult {
  const resolved = resolve(validateInput(input));
  return estimateResolved(resolved, options);
}

export function estimateResolved(resolved: Resolved, options: EstimateOptions = {}): EstimateResult {
  const { counts, env, workload } = resolved;
  const { rows, derived } = priceCounts(counts, env, options.terms);
  if (resolved.reported) rows.push(reportedRow(resolved, rows[0]!.energy_J, options.terms));
  const citationIds = new Set<string>(['si2019', 'chen2024lim']);
  for (const row of rows) row.citations.forEach((c) => citationIds.add(c));
  for (const s of workload.sources) citationIds.add(s.citation);
  const result: EstimateResult = {
    tool: { name: 'limbound', version: VERSION },
    inputs: resolved.inputs,
    origin: resolved.origin,
    workload: { id: workload.id, name: workload.name, kind: resolved.kind, assumptions: workload.assumptions },
    ops_convention: resolved.ops_convention,
    floors_by_convention_J: floorsByConvention(resolved, derived),
    counts: { ...counts, steps: resolved.steps, ...(resolved.iterations !== undefined ? { iterations: resolved.iterations } : {}) },
    derived: summarizeDerived(derived, env),
    rows,
    warnings: [...resolved.warnings, ...enduranceWarnings(counts, env)],
    citations: [...citationIds].filter((id) => id !== 'limbound' && CITATIONS[id]).map((id) => CITATIONS[id]!),
  };
  if (options.tradeoff) {
    const points = typeof options.tradeoff === 'object' ? options.tradeoff.points : undefined;
    result.tradeoff = tradeoff(resolved, { points, terms: options.terms });
  }
  return result;
}

/**
 * The Landauer floor Σbits·kT·(ln2 − H(ε)) with OPS under each convention (N_eff per update kept), plus
 * its Carnot cooling when the memory is colder than the ambient.
 */
function floorsByConvention(r: Resolved, d: Derived): Record<OpsConvention, number | null> {
  const out = {} as Record<OpsConvention, number | null>;
  for (const k of OPS_CONVENTIONS) {
    const ops = r.ops_by_convention[k];
    out[k] = ops === null ? null : ops * d.neff_bits * d.bit_floor_J * (1 + d.cooling_per_J);
  }
  return out;
}

function summarizeDerived(d: Derived, e: PricingEnv): EstimateResult['derived'] {
  return {
    kT_J: d.kT_J,
    landauer_per_bit_J: d.bit_floor_J,
    n_eff_bits: d.neff_bits,
    update_time_s: d.update_time_s,
    in_model_domain: d.in_model_domain,
    diffusion_time_s: d.diffusion_time_s,
    relaxation_s: d.relaxation_s,
    transport_c: d.transport_c,
    finite_time_excess_per_op_J: d.excess_per_op_J,
    cim_barrier_kT: d.cim_barrier_kT,
    cim_barrier_J: d.cim_barrier_kT * d.kT_J,
    cim_hold_barrier_kT: d.cim_hold_barrier_kT,
    cim_refresh_count: d.cim_refresh_count,
    retention_barrier_kT: d.retention_barrier_kT,
    cooling_per_J: d.cooling_per_J,
    accelerator_J_per_flop: d.accelerator_J_per_flop,
    accelerator_power_W: d.accelerator_power_W,
    accelerator_time_s: d.accelerator_time_s,
    accelerator_board_J: d.accelerator_board_J,
    cmos_intensity_flop_per_byte: e.cmos_intensity_flop_per_byte,
    optimizer_state_bytes: e.optimizer_state_bytes,
  };
}

/** The reported row, placed against the floor and the best-case accelerator row (MFU = PUE = 1). */
function reportedRow(resolved: Resolved, floor_J: number, terms?: TermOverrides): PricedRow {
  const r = resolved.reported!;
  const bestCase = priceCounts(resolved.counts, { ...resolved.env, mfu: 1, pue: 1 }, terms).rows.find((x) => x.id === 'vn-accelerator')!.energy_J;
  return {
    id: 'reported',
    label: r.label,
    kind: 'reported',
    memory_J: null,
    update_J: null,
    consolidation_J: null,
    compute_J: null,
    cooling_J: null,
    energy_J: r.energy_J,
    orders_above_floor: ordersAbove(r.energy_J, floor_J),
    citations: r.citations,
    boundary: r.boundary,
    method: r.method,
    ratio_to_best_case_accelerator: r.energy_J / bestCase,
    implied_utilisation: bestCase / r.energy_J,
  };
}

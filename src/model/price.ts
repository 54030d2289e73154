/**
 * Prices operation counts under every paradigm: the one mechanism behind both the analytic engine and
 * the solvers' measured ledger. `priceInto` is the allocation-light core used by sweeps and the
 * benchmark; `priceCounts` wraps it in labelled rows.
 */
import type { OperationCounts } from './counts.js';
import { deriveInto, emptyDerived, type Derived, type PricingEnv } from './env.js';
import { PARADIGMS, WALLS, withOverrides, zeroValue, type Kind, type Paradigm, type ParadigmId, type Term, type TermOverrides } from './paradigms.js';

export interface PricedRow {
  id: ParadigmId | 'reported';
  label: string;
  kind: Kind;
  memory_J: number | null;
  update_J: number | null;
  consolidation_J: number | null;
  compute_J: number | null;
  /** Carnot work to pump the row's heat from T to the ambient (0 when T ≥ T_amb); included in energy_J. */
  cooling_J: number | null;
  energy_J: number;
  /** log10(energy / Landauer floor). */
  orders_above_floor: number;
  citations: string[];
  /** Reported rows: what the energy includes ('gpu', 'system', 'facility') and how it was obtained. */
  boundary?: string;
  method?: string;
  /** Reported rows: reported ÷ the best-case accelerator row (MFU = PUE = 1). */
  ratio_to_best_case_accelerator?: number;
  /** Reported rows: best-case accelerator row ÷ reported, the utilisation the report implies. */
  implied_utilisation?: number;
}

export const ROW_COUNT = PARADIGMS.length;
/** Layout of `priceInto`'s output: 6 numbers per row (4 walls, cooling, then the total), rows in PARADIGMS order. */
export const STRIDE = 6;
/** Offset of the cooling work and of the total within a row of `priceInto`'s output. */
export const COOLING = 4;
export const TOTAL = 5;

/**
 * Writes walls and totals of every paradigm into `out` (length ≥ ROW_COUNT·STRIDE); returns the derived
 * intermediates, written into `scratch` when given (a loop passes one to allocate nothing per point).
 */
export function priceInto(
  c: OperationCounts,
  e: PricingEnv,
  out: Float64Array,
  paradigms: readonly Paradigm[] = PARADIGMS,
  scratch: Derived = emptyDerived(),
): Derived {
  const d = deriveInto(c, e, scratch);
  for (let r = 0; r < paradigms.length; r++) {
    const w = paradigms[r]!.walls;
    const base = r * STRIDE;
    const m = wallValue(w.memory, c, e, d);
    const u = wallValue(w.update, c, e, d);
    const k = wallValue(w.consolidation, c, e, d);
    const f = wallValue(w.compute, c, e, d);
    out[base] = m;
    out[base + 1] = u;
    out[base + 2] = k;
    out[base + 3] = f;
    // Heat dissipated at T below the ambient must be pumped out: ideal (Carnot) work Q·(T_amb/T − 1).
    const cooling = (m + u + k + f) * d.cooling_per_J;
    out[base + COOLING] = cooling;
    out[base + TOTAL] = m + u + k + f + cooling;
  }
  return d;
}

/** A term's value; structurally-zero walls (a quarter of them) cost no call. */
function wallValue(t: Term, c: OperationCounts, e: PricingEnv, d: Derived): number {
  return t.value === zeroValue ? 0 : t.value(c, e, d);
}

export function priceCounts(c: OperationCounts, e: PricingEnv, overrides?: TermOverrides): { rows: PricedRow[]; derived: Derived } {
  const paradigms = withOverrides(overrides);
  const out = new Float64Array(paradigms.length * STRIDE);
  const derived = priceInto(c, e, out, paradigms);
  const floor = out[TOTAL]!;
  const rows = paradigms.map((p, r): PricedRow => {
    const base = r * STRIDE;
    return {
      id: p.id,
      label: p.label(e),
      kind: p.kind,
      memory_J: out[base]!,
      update_J: out[base + 1]!,
      consolidation_J: out[base + 2]!,
      compute_J: out[base + 3]!,
      cooling_J: out[base + COOLING]!,
      energy_J: out[base + TOTAL]!,
      orders_above_floor: ordersAbove(out[base + TOTAL]!, floor),
      citations: p.citations,
    };
  });
  return { rows, derived };
}

export function ordersAbove(energy_J: number, floor_J: number): number {
  if (floor_J > 0 && energy_J > 0) return Math.log10(energy_J / floor_J);
  return energy_J === floor_J ? 0 : Number.NaN;
}

export { WALLS };

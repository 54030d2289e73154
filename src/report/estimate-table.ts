/**
 * The columns of the estimate table, as `limbound estimate` prints them: shared by the report and the
 * web page so that both show the CLI's strings (formatSI with three significant figures).
 */
import type { EstimateResult } from '../model/estimate.js';
import type { PricedRow } from '../model/price.js';
import { formatDuration, formatScientific, formatSI } from '../util/format.js';
import { OPS_CONVENTIONS } from '../model/convention.js';
import type { Column } from './table.js';

const wallText = (v: number | null) => (v === null ? '—' : formatSI(v, 'J'));

export const ESTIMATE_COLUMNS: readonly Column<PricedRow>[] = [
  { header: 'paradigm', value: (row) => row.label },
  { header: 'kind', value: (row) => row.kind },
  { header: 'energy', value: (row) => formatSI(row.energy_J, 'J'), align: 'right' },
  { header: 'in Wh', value: (row) => formatSI(row.energy_J / 3600, 'Wh'), align: 'right' },
  { header: 'orders above floor', value: (row) => row.orders_above_floor.toFixed(2), align: 'right' },
  { header: 'memory', value: (row) => wallText(row.memory_J), align: 'right' },
  { header: 'update', value: (row) => wallText(row.update_J), align: 'right' },
  { header: 'consolidation', value: (row) => wallText(row.consolidation_J), align: 'right' },
  { header: 'compute', value: (row) => wallText(row.compute_J), align: 'right' },
];

/** The cooling column, shown only when the memory is colder than the ambient (it is 0 J otherwise). */
export const COOLING_COLUMN: Column<PricedRow> = { header: 'cooling', value: (row) => wallText(row.cooling_J), align: 'right' };

export function estimateColumns(r: EstimateResult): readonly Column<PricedRow>[] {
  return r.derived.cooling_per_J > 0 ? [...ESTIMATE_COLUMNS, COOLING_COLUMN] : ESTIMATE_COLUMNS;
}

/** CSV of the rows, as `limbound estimate --csv` writes it (full precision, units in the header). */
export const ROWS_CSV_HEADER = ['id', 'label', 'kind', 'memory_J', 'update_J', 'consolidation_J', 'compute_J', 'energy_J', 'energy_kWh', 'orders_above_floor', 'boundary', 'ratio_to_best_case_accelerator', 'implied_utilisation'] as const;

export function rowsCsvValues(rows: readonly PricedRow[]): unknown[][] {
  return rows.map((r) => [r.id, r.label, r.kind, r.memory_J, r.update_J, r.consolidation_J, r.compute_J, r.energy_J, r.energy_J / 3.6e6, r.orders_above_floor, r.boundary, r.ratio_to_best_case_accelerator, r.implied_utilisation]);
}

/**
 * The sentences under the estimate table, the same in `limbound estimate`, the report and the web
 * page: LIM against the floor and the accelerator, what the accelerator row is (a best case, unless
 * calibrated), the static-barrier optimum, the 2× time (when the trade-off was computed) and the
 * reported run (when there is one) with its boundary and its place against the best case.
 */
export function summaryNotes(r: EstimateResult): string[] {
  const lim = r.rows.find((x) => x.id === 'lim')!;
  const acc = r.rows.find((x) => x.id === 'vn-accelerator')!;
  const reported = r.rows.find((x) => x.id === 'reported');
  const within = r.tradeoff?.lim_within_2x_time_s;
  const outside = r.tradeoff?.lim_within_2x_in_model_domain === false;
  const calibrated = Number(r.inputs.mfu ?? 1) !== 1 || Number(r.inputs.pue ?? 1) !== 1;
  return [
    `LIM is ${formatSI(lim.energy_J, 'J')}, ${lim.orders_above_floor.toFixed(2)} orders above the Landauer floor and ${ordersApart(acc.energy_J, lim.energy_J)} ${acc.label}.`,
    calibrated
      ? `The accelerator row is calibrated with MFU ${r.inputs.mfu} and PUE ${r.inputs.pue} (board power × time ÷ MFU × PUE).`
      : 'The accelerator row is a best case (every FLOP at peak, board power, no host, network or PUE): sourced real runs sit 2–10× above it; --mfu and --pue calibrate it.',
    `Static-barrier optimum E_b* = ${r.derived.cim_barrier_kT.toFixed(2)} kT; each cell updated every τ_u = ${formatSI(r.derived.update_time_s, 's')}${r.derived.in_model_domain ? '' : ', faster than τ0: OUTSIDE the model\'s domain (τ_u ≥ τ0)'}.`,
    ...(within === undefined
      ? []
      : [
          within === null
            ? 'LIM is never within 2× of the floor, whatever T_sol.'
            : `LIM stays within 2× of the floor for T_sol ≥ ${formatDuration(within)}${outside ? ` — outside the model's domain, which starts at T_sol = ${formatDuration(r.tradeoff!.model_domain_min_time_s)} (τ_u = τ0); inside it LIM is within 2× everywhere` : ` (τ_u = ${formatSI((within * r.counts.params) / r.counts.ops, 's')}, inside the model's domain τ_u ≥ τ0)`}.`,
        ]),
    floorsLine(r),
    ...(r.derived.cooling_per_J > 0 ? [`Memory at ${r.inputs.temperature_K} K below the ambient ${r.inputs.ambient_K} K: every row includes the Carnot work to pump its heat out (× ${formatSI(r.derived.cooling_per_J, '')} of the heat, cooling_J).`] : []),
    ...(reported ? reportedNote(reported, r.counts.flops) : []),
  ];
}

function reportedNote(row: PricedRow, flops: number): string[] {
  const ratio = row.ratio_to_best_case_accelerator!;
  const place =
    ratio >= 1
      ? `${ratio.toPrecision(3)}× the best-case accelerator row (implied utilisation ${(100 * row.implied_utilisation!).toPrecision(3)} %)`
      : `${formatScientific(ratio)}× the best-case accelerator row, below it: the run did less work than F = ${formatScientific(flops)} FLOP at the chosen accelerator's peak, or the figure has another boundary`;
  return [
    `${row.label}: ${formatSI(row.energy_J, 'J')} (${formatSI(row.energy_J / 3600, 'Wh')}), boundary ${row.boundary}, ${row.orders_above_floor.toFixed(2)} orders above the floor; ${place}.`,
    `  how it was obtained: ${row.method}`,
  ];
}

/** "2.00 orders below" / "1.00 orders above": where LIM sits relative to another row. */
function ordersApart(other_J: number, lim_J: number): string {
  const d = Math.log10(other_J / lim_J);
  return `${Math.abs(d).toFixed(2)} orders ${d >= 0 ? 'below' : 'above'}`;
}

/** The Landauer floor under each counting convention, so the dependence on the convention is never hidden. */
export function floorsLine(r: EstimateResult): string {
  const parts = OPS_CONVENTIONS.map((k) => {
    const v = r.floors_by_convention_J[k];
    return `${k} ${v === null ? 'n/a' : formatSI(v, 'J')}${k === r.ops_convention ? ' (in force)' : ''}`;
  });
  return `Landauer floor by counting convention (--ops-convention): ${parts.join(' · ')}.`;
}

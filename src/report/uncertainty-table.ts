/** Text of the uncertainty run: the band column, the claim quantiles and the ranges with their sources. */
import type { PricedRow } from '../model/price.js';
import type { ActiveRange, UncertaintySummary } from '../model/uncertainty.js';
import { CITATIONS } from '../data/sources.js';
import { formatDuration, formatSI, formatScientific } from '../util/format.js';
import { renderTable, toCsv, type Column } from './table.js';
import type { EstimateResult } from '../model/estimate.js';
import { ROWS_CSV_HEADER, rowsCsvValues } from './estimate-table.js';

export function bandColumn(summary: UncertaintySummary): Column<PricedRow> {
  return {
    header: '5–95 % band',
    value: (row) => {
      const b = summary.rows.find((x) => x.id === row.id);
      return b ? `${formatSI(b.energy_J_p05, 'J')} – ${formatSI(b.energy_J_p95, 'J')}` : 'not sampled';
    },
    align: 'right',
  };
}

export function uncertaintyNotes(s: UncertaintySummary): string[] {
  const c = s.claims;
  return [
    `Quantiles (5 / 50 / 95 %) over ${s.samples} samples, seed ${s.seed}: LIM/floor ${c.lim_over_floor.p05} / ${c.lim_over_floor.p50} / ${c.lim_over_floor.p95}; ` +
      `orders between LIM and the accelerator row ${c.orders_accelerator_over_lim.p05} / ${c.orders_accelerator_over_lim.p50} / ${c.orders_accelerator_over_lim.p95}; ` +
      `CIM barrier E_b* ${c.cim_barrier_kT.p05} / ${c.cim_barrier_kT.p50} / ${c.cim_barrier_kT.p95} kT.`,
    s.statement,
  ];
}

/** A unitless value gets no SI prefix (0.0833, not "83.3 m"). */
const valueText = (v: number, unit: string) => (unit === 's' ? formatDuration(v) : unit ? formatSI(v, unit) : formatScientific(v));

/** Where a range comes from, in words: "user range", "assumed: …" or "Author year [status]: …". */
export function rangeSourceText(r: ActiveRange): string {
  if (r.origin === 'user') return 'user range';
  const c = CITATIONS[r.source.citation];
  const who = r.source.status === 'assumed' ? 'assumed' : `${c ? `${c.authors.split(',')[0]} ${c.year}` : r.source.citation} [${r.source.status}]`;
  return `${who}: ${r.source.where}`;
}

const RANGE_COLUMNS: readonly Column<ActiveRange>[] = [
  { header: 'range', value: (r) => r.name },
  { header: 'point', value: (r) => valueText(r.point, r.unit), align: 'right' },
  { header: 'low', value: (r) => valueText(r.low, r.unit), align: 'right' },
  { header: 'high', value: (r) => valueText(r.high, r.unit), align: 'right' },
  { header: 'distribution', value: (r) => r.distribution },
  { header: 'source', value: rangeSourceText },
];
export const RANGE_HEADER = RANGE_COLUMNS.map((c) => c.header);

/** The ranges as table cells (for the report). */
export function renderRangesRows(ranges: readonly ActiveRange[]): string[][] {
  return ranges.map((r) => RANGE_COLUMNS.map((c) => c.value(r)));
}

export function renderRanges(ranges: readonly ActiveRange[]): string {
  if (!ranges.length) return 'Ranges: none (every input at its point value).';
  return ['Ranges sampled (an input you set keeps its value unless you give it a --range):', renderTable(ranges, RANGE_COLUMNS)].join('\n');
}

type BandRow = EstimateResult['rows'][number] & { energy_J_p05: number | null; energy_J_p50: number | null; energy_J_p95: number | null };

/** The estimate's rows with their quantiles (null for a row that is not sampled, e.g. a reported run). */
export function rowsWithBands(result: EstimateResult, summary: UncertaintySummary): BandRow[] {
  return result.rows.map((row) => {
    const b = summary.rows.find((x) => x.id === row.id);
    return { ...row, energy_J_p05: b?.energy_J_p05 ?? null, energy_J_p50: b?.energy_J_p50 ?? null, energy_J_p95: b?.energy_J_p95 ?? null };
  });
}

/** The JSON document of `estimate --uncertainty --json` (the web page downloads the same). */
export function withUncertainty(result: EstimateResult, summary: UncertaintySummary, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { rows: _bands, ...rest } = summary;
  return { ...result, rows: rowsWithBands(result, summary), uncertainty: { ...rest, ...extra } };
}

/** The CSV of `estimate --uncertainty --csv`: the rows with their quantiles. */
export function bandsCsv(result: EstimateResult, summary: UncertaintySummary): string {
  const rows = rowsWithBands(result, summary);
  return toCsv([...ROWS_CSV_HEADER, 'energy_J_p05', 'energy_J_p50', 'energy_J_p95'], rowsCsvValues(result.rows).map((values, i) => [...values, rows[i]!.energy_J_p05, rows[i]!.energy_J_p50, rows[i]!.energy_J_p95]));
}

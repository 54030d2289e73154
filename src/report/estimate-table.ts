/**
 * The columns of the estimate table, as `limbound estimate` prints them: shared by the report and the
 * web page so that both show the CLI's strings (formatSI with three significant figures).
 */
import type { PricedRow } from '../model/price.js';
import { formatSI } from './format.js';
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

/** CSV of the rows, as `limbound estimate --csv` writes it (full precision, units in the header). */
export const ROWS_CSV_HEADER = ['id', 'label', 'kind', 'memory_J', 'update_J', 'consolidation_J', 'compute_J', 'energy_J', 'energy_kWh', 'orders_above_floor'] as const;

export function rowsCsvValues(rows: readonly PricedRow[]): unknown[][] {
  return rows.map((r) => [r.id, r.label, r.kind, r.memory_J, r.update_J, r.consolidation_J, r.compute_J, r.energy_J, r.energy_J / 3.6e6, r.orders_above_floor]);
}

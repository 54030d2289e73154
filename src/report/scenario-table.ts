/** Scenarios side by side: each row's 5–95 % band under every combination of the discrete choices, and the claims per scenario. */
import type { ScenarioBands, ScenarioKey } from '../model/scenarios.js';
import { PARADIGMS } from '../model/paradigms.js';
import { formatSI } from '../util/format.js';
import { compactNumber } from '../util/errors.js';
import { renderTable, toCsv, type Column } from './table.js';

const valuesLabel = (b: ScenarioBands) => Object.values(b.scenario).join(' · ');
const percent = (f: number) => `${(100 * f).toFixed(f > 0.999 || f < 0.001 ? 1 : 0)} %`;

/** Table cells: one row per paradigm, one column per scenario (band "p05 – p95"); then one row per scenario with its claims. */
export function scenarioTables(list: readonly ScenarioBands[]): { bands: { header: string[]; rows: string[][] }; claims: { header: string[]; rows: string[][] } } {
  const bandsHeader = ['paradigm', ...list.map(valuesLabel)];
  const bandsRows = PARADIGMS.map((p) => [
    p.id,
    ...list.map((b) => {
      if ('not_applicable' in b) return 'n/a';
      const r = b.rows.find((x) => x.id === p.id)!;
      return `${formatSI(r.energy_J_p05, 'J')} – ${formatSI(r.energy_J_p95, 'J')}`;
    }),
  ]);
  const claimsHeader = ['scenario', 'LIM/floor p50', 'orders acc./LIM 5/50/95 %', 'LIM ≤ 10× floor', 'acc./LIM 1e6–1e7'];
  const claimsRows = list.map((b) => {
    if ('not_applicable' in b) return [valuesLabel(b), `not applicable: ${b.not_applicable}`, '', '', ''];
    const o = b.claims.orders_accelerator_over_lim;
    return [valuesLabel(b), compactNumber(b.claims.lim_over_floor.p50), `${o.p05} / ${o.p50} / ${o.p95}`, percent(b.probabilities.lim_within_one_order_of_floor), percent(b.probabilities.accelerator_over_lim_1e6_to_1e7)];
  });
  return { bands: { header: bandsHeader, rows: bandsRows }, claims: { header: claimsHeader, rows: claimsRows } };
}

function plain(header: string[], rows: string[][]): string {
  const columns: Column<string[]>[] = header.map((h, i) => ({ header: h, value: (r) => r[i]!, align: i === 0 ? 'left' : 'right' }));
  return renderTable(rows, columns);
}

export function renderScenarios(keys: readonly ScenarioKey[], list: readonly ScenarioBands[]): string {
  const t = scenarioTables(list);
  return [
    `Scenarios (${keys.join(' × ')}): 5–95 % bands side by side, the same ranges and samples in each; choices are not averaged.`,
    plain(t.bands.header, t.bands.rows),
    '',
    plain(t.claims.header, t.claims.rows),
  ].join('\n');
}

/** Long CSV: one line per scenario and row, the scenario's choices first. */
export function scenariosCsv(keys: readonly ScenarioKey[], list: readonly ScenarioBands[]): string {
  const lines = list.flatMap((b): unknown[][] =>
    'not_applicable' in b
      ? [[...keys.map((k) => b.scenario[k]), '', null, null, null, null]]
      : b.rows.map((r) => [...keys.map((k) => b.scenario[k]), r.id, r.energy_J, r.energy_J_p05, r.energy_J_p50, r.energy_J_p95]),
  );
  return toCsv([...keys, 'id', 'energy_J', 'energy_J_p05', 'energy_J_p50', 'energy_J_p95'], lines);
}

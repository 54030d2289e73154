/** The uncertainty part of `limbound report --uncertainty`: tables, the ranges with sources, the text. */
import type { EstimateResult } from '../model/estimate.js';
import type { UncertaintySummary } from '../model/uncertainty.js';
import type { SensitivityResult } from '../model/sensitivity.js';
import { toCsv } from './table.js';
import { renderRangesRows, uncertaintyNotes, RANGE_HEADER } from './uncertainty-table.js';
import type { Block } from './document.js';
import type { ScenarioRun } from '../model/scenarios.js';
import { scenarioTables, scenariosCsv } from './scenario-table.js';

export interface ReportUncertainty {
  summary: UncertaintySummary;
  sensitivity: SensitivityResult;
  /** The bands under each value of the discrete choices, side by side. */
  scenarios?: ScenarioRun;
}

export function uncertaintyTables(r: EstimateResult, u: ReportUncertainty): Array<[string, string]> {
  const bands = u.summary.rows;
  return [
    ['tables/uncertainty.csv', toCsv(['id', 'energy_J', 'energy_J_p05', 'energy_J_p50', 'energy_J_p95'], bands.map((b) => [b.id, r.rows.find((x) => x.id === b.id)!.energy_J, b.energy_J_p05, b.energy_J_p50, b.energy_J_p95]))],
    ['tables/ranges.csv', toCsv(['name', 'unit', 'point', 'low', 'high', 'distribution', 'origin', 'source_citation', 'source_status', 'source_where'], u.summary.ranges.map((x) => [x.name, x.unit, x.point, x.low, x.high, x.distribution, x.origin, x.source.citation, x.source.status, x.source.where]))],
    ...(u.scenarios ? [['tables/uncertainty-scenarios.csv', scenariosCsv(u.scenarios.keys, u.scenarios.list)] as [string, string]] : []),
    [
      'tables/sensitivity.csv',
      toCsv(
        ['output', 'assumption', 'first_order', 'total_order', 'total_ci_low', 'total_ci_high'],
        u.sensitivity.outputs.flatMap((o) => o.indices.map((i) => [o.id, i.name, round(i.first), round(i.total), round(i.total_ci[0]), round(i.total_ci[1])])),
      ),
    ],
  ];
}

/** Four decimals: the bootstrap intervals are wider than that. */
const round = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(4)) : null);

export function uncertaintyBlocks(u: ReportUncertainty, figureBlock: (name: string) => Block[]): Block[] {
  const s = u.sensitivity;
  return [
    { type: 'heading', level: 2, text: 'Uncertainty' },
    { type: 'paragraph', text: `Every assumption that is not exact is sampled over its range (${u.summary.method}); the bars of the ladder above are the 5–95 % bands. Table: \`tables/uncertainty.csv\`; ranges: \`tables/ranges.csv\`.` },
    { type: 'list', items: uncertaintyNotes(u.summary) },
    { type: 'table', header: [...RANGE_HEADER], rows: renderRangesRows(u.summary.ranges) },
    ...scenarioBlocks(u.scenarios),
    { type: 'paragraph', text: `What drives the gap between LIM and the accelerator row: Sobol' indices (${s.estimators}), N = ${s.samples}, ${s.evaluations} evaluations. All outputs: \`tables/sensitivity.csv\`.` },
    ...figureBlock('tornado'),
  ];
}

function scenarioBlocks(run: ScenarioRun | undefined): Block[] {
  if (!run) return [];
  const t = scenarioTables(run.list);
  return [
    { type: 'paragraph', text: `Discrete choices are scenarios, not ranges: the 5–95 % bands under each value of ${run.keys.join(' × ')}, side by side, with the same ranges and samples (never averaged). Table: \`tables/uncertainty-scenarios.csv\`.` },
    { type: 'table', header: t.bands.header, rows: t.bands.rows },
    { type: 'table', header: t.claims.header, rows: t.claims.rows },
  ];
}

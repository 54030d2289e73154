/**
 * Figure 1, the energy ladder: every paradigm row of one design point on a log energy axis, coloured
 * by kind, with the human brain's power × the time to solution as a reference line.
 */
import type { Kind } from '../../model/paradigms.js';
import { formatDuration, formatSI } from '../../util/format.js';
import { BRAIN_POWER_W } from './reference.js';
import { framed, kindColor, logAxis, logDomain, siLabelExpr, REFERENCE_COLOR, WIDTH, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export interface LadderRow {
  id: string;
  label: string;
  kind: Kind;
  energy_J: number;
  /** 5 % and 95 % quantiles over the ranges of the assumptions (estimate --uncertainty), when sampled. */
  energy_J_p05?: number;
  energy_J_p95?: number;
}

export interface LadderData extends Frame {
  rows: LadderRow[];
  /** Time to solution, s: the brain reference is BRAIN_POWER_W × time_s. */
  time_s: number;
}

export function ladderSpec(data: LadderData): VlSpec {
  const brain_J = BRAIN_POWER_W * data.time_s;
  // Lowest energy at the top: the ladder is climbed from the floor.
  const rows = data.rows
    .filter((r) => r.energy_J > 0 && Number.isFinite(r.energy_J))
    .sort((a, b) => a.energy_J - b.energy_J)
    .map((r) => ({ ...r, energy_text: formatSI(r.energy_J, 'J') }));
  const banded = rows.filter((r) => r.energy_J_p05 !== undefined && r.energy_J_p95 !== undefined && r.energy_J_p05 > 0);
  const domain = logDomain([...rows.map((r) => r.energy_J), ...banded.flatMap((r) => [r.energy_J_p05!, r.energy_J_p95!]), brain_J]);
  const x = {
    field: 'energy_J',
    type: 'quantitative',
    title: 'energy to solution (J, log scale)',
    scale: { type: 'log', domain },
    axis: logAxis(domain, siLabelExpr('J'), 12),
  };
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 400, labelFontSize: 11 } };
  const color = kindColor(rows.map((r) => r.kind));
  const tooltip = [
    { field: 'label', title: 'paradigm' },
    { field: 'kind' },
    { field: 'energy_text', title: 'energy' },
  ];
  const brain = [{ energy_J: brain_J, text: `human brain: ${formatSI(BRAIN_POWER_W, 'W')} × ${formatDuration(data.time_s)} = ${formatSI(brain_J, 'J')}` }];
  const plot = {
    width: WIDTH,
    height: Math.max(120, 30 * rows.length),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'rule', strokeWidth: 2, opacity: 0.35 },
        encoding: { y, x, x2: { datum: domain[0] }, color },
      },
      // The 5–95 % band of each sampled row, under its point.
      ...(banded.length
        ? [
            {
              data: { values: banded.map((r) => ({ ...r, band_text: `${formatSI(r.energy_J_p05!, 'J')} – ${formatSI(r.energy_J_p95!, 'J')}` })) },
              mark: { type: 'rule', strokeWidth: 9, opacity: 0.45, strokeCap: 'round' },
              encoding: { y, x: { ...x, field: 'energy_J_p05' }, x2: { field: 'energy_J_p95' }, color, tooltip: [{ field: 'label', title: 'paradigm' }, { field: 'band_text', title: '5–95 %' }] },
            },
          ]
        : []),
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 120, opacity: 1 },
        encoding: { y, x, color, tooltip },
      },
      {
        data: { values: rows },
        mark: { type: 'text', align: 'left', dx: 9, fontSize: 11 },
        encoding: { y, x, text: { field: 'energy_text' } },
      },
      {
        data: { values: brain },
        mark: { type: 'rule', strokeDash: [6, 4], color: REFERENCE_COLOR, strokeWidth: 1.5 },
        encoding: { x: { field: 'energy_J', type: 'quantitative', scale: { type: 'log', domain } } },
      },
      {
        data: { values: brain },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -4, fontSize: 10, color: REFERENCE_COLOR },
        encoding: { x: { field: 'energy_J', type: 'quantitative', scale: { type: 'log', domain } }, y: { value: 0 }, text: { field: 'text' } },
      },
    ],
  };
  return { ...framed(data, plot), usermeta: { figure: 'ladder' } };
}

/**
 * Figure 2, energy against model size: one line per paradigm on log–log axes (the other inputs held
 * fixed), with reported training energies of real runs as measured points.
 */
import { formatSI, formatScientific } from '../../util/format.js';
import { dashEncoding, seriesColor, seriesValues } from './series.js';
import { countLabelExpr, framed, haloText, logAxis, logDomain, siLabelExpr, REFERENCE_COLOR, WIDTH, HEIGHT, type Frame } from './theme.js';
import type { SeriesMeta, VlSpec } from './types.js';

export interface SizePoint {
  params: number;
  /** Energy per series id, J. */
  energy_J: Record<string, number>;
}

export interface MeasuredPoint {
  params: number;
  label: string;
  energy_J: number;
}

export interface SizeData extends Frame {
  series: SeriesMeta[];
  points: SizePoint[];
  /** Reported energies of real training runs (kind: reported). */
  measured: MeasuredPoint[];
  /** The input's own parameter count, marked with a vertical rule. */
  input_params?: number;
}

export function sizeSpec(data: SizeData): VlSpec {
  const lines = seriesValues(data.series, data.points.map((p) => ({ x: p.params, energy_J: p.energy_J }))).map((v) => ({ params: v.x, ...v, energy_text: formatSI(v.energy_J, 'J') }));
  const measured = data.measured
    .filter((m) => m.energy_J > 0)
    .map((m) => ({ ...m, kind: 'reported', energy_text: formatSI(m.energy_J, 'J'), params_text: formatScientific(m.params) }));
  const xDomain = logDomain([...lines.map((v) => v.params), ...measured.map((m) => m.params)]);
  const yDomain = logDomain([...lines.map((v) => v.energy_J), ...measured.map((m) => m.energy_J)]);
  const x = { field: 'params', type: 'quantitative', title: 'model size P (parameters, log scale)', scale: { type: 'log', domain: xDomain }, axis: logAxis(xDomain, countLabelExpr()) };
  const y = { field: 'energy_J', type: 'quantitative', title: 'energy to solution (J, log scale)', scale: { type: 'log', domain: yDomain }, axis: logAxis(yDomain, siLabelExpr('J')) };
  const color = seriesColor(data.series, measured.length ? ['reported'] : []);
  const layers: Record<string, unknown>[] = [
    {
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 2, clip: true },
      encoding: {
        x,
        y,
        color,
        strokeDash: dashEncoding(data.series),
        detail: { field: 'id' },
        tooltip: [{ field: 'label', title: 'paradigm' }, { field: 'kind' }, { field: 'params', format: '.3~e', title: 'P' }, { field: 'energy_text', title: 'energy' }],
      },
    },
  ];
  if (measured.length) {
    layers.push(
      {
        data: { values: measured },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 140, opacity: 1 },
        encoding: { x, y, color, tooltip: [{ field: 'label', title: 'run' }, { field: 'kind' }, { field: 'params_text', title: 'P' }, { field: 'energy_text', title: 'reported energy' }] },
      },
      ...haloText({ values: measured }, { type: 'text', align: 'right', dx: -9, fontSize: 10 }, { x, y, text: { field: 'label' } }),
    );
  }
  if (data.input_params !== undefined) {
    const marker = { values: [{ params: data.input_params, energy_J: yDomain[1], text: `input P = ${formatScientific(data.input_params)}` }] };
    layers.push(
      { data: marker, mark: { type: 'rule', strokeDash: [3, 3], color: REFERENCE_COLOR }, encoding: { x } },
      ...haloText(marker, { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 4, fontSize: 10, color: REFERENCE_COLOR }, { x, y, text: { field: 'text' } }),
    );
  }
  return { ...framed(data, { width: WIDTH, height: HEIGHT, layer: layers, resolve: { scale: { color: 'shared' } } }), usermeta: { figure: 'size' } };
}

/**
 * Figure 3, energy against time to solution (MODEL.md §4): one line per paradigm, counts held fixed.
 * LIM falls as 1/T_sol towards the Landauer floor; marked times: the input's T_sol, where LIM comes
 * within 2× of the floor, and where τ_u = τ_r. The brain's 20 W × T_sol is drawn for orientation. Times with
 * τ_u < τ0 (updates faster than one escape attempt) are outside the model's domain and shaded.
 */
import { formatDuration, formatSI } from '../../util/format.js';
import { BRAIN_POWER_W } from './reference.js';
import { dashEncoding, seriesColor, seriesValues } from './series.js';
import { durationLabelExpr, durationTicks, extent, framed, haloText, logAxis, logDomain, siLabelExpr, REFERENCE_COLOR, WIDTH, HEIGHT, type Frame } from './theme.js';
import type { SeriesMeta, VlSpec } from './types.js';

export interface TimePoint {
  time_s: number;
  energy_J: Record<string, number>;
}

export interface TimeMarker {
  time_s: number;
  label: string;
}

export interface TradeoffData extends Frame {
  series: SeriesMeta[];
  points: TimePoint[];
  markers: TimeMarker[];
  /** Shortest T_sol inside the model's domain (τ_u = τ0); shorter times are shaded. */
  domain_min_time_s?: number;
}

export function tradeoffSpec(data: TradeoffData): VlSpec {
  const lines = seriesValues(data.series, data.points.map((p) => ({ x: p.time_s, energy_J: p.energy_J }))).map((v) => ({
    time_s: v.x,
    ...v,
    energy_text: formatSI(v.energy_J, 'J'),
    time_text: formatDuration(v.x),
  }));
  const xDomain = extent(lines.map((v) => v.time_s));
  const yDomain = logDomain(lines.map((v) => v.energy_J));
  const x = {
    field: 'time_s',
    type: 'quantitative',
    title: 'time to solution T_sol (log scale)',
    scale: { type: 'log', domain: xDomain },
    axis: { labelExpr: durationLabelExpr(), values: durationTicks(xDomain[0], xDomain[1]), grid: true, labelAngle: 0 },
  };
  const y = { field: 'energy_J', type: 'quantitative', title: 'energy to solution (J, log scale)', scale: { type: 'log', domain: yDomain }, axis: logAxis(yDomain, siLabelExpr('J')) };
  const layers: Record<string, unknown>[] = [];
  // Outside the model's domain (τ_u < τ0): a grey band under the lines.
  if (data.domain_min_time_s !== undefined && data.domain_min_time_s > xDomain[0]) {
    const edge = Math.min(data.domain_min_time_s, xDomain[1]);
    layers.push(
      {
        data: { values: [{ from: xDomain[0], to: edge }] },
        mark: { type: 'rect', color: REFERENCE_COLOR, opacity: 0.12 },
        encoding: { x: { field: 'from', type: 'quantitative', scale: x.scale }, x2: { field: 'to' } },
      },
      ...haloText(
        { values: [{ time_s: xDomain[0], energy_J: yDomain[0] * (yDomain[1] / yDomain[0]) ** 0.04, text: 'shaded: outside the model (τ_u < τ0)' }] },
        { type: 'text', align: 'left', baseline: 'bottom', dx: 3, fontSize: 10, color: REFERENCE_COLOR },
        { x, y, text: { field: 'text' } },
      ),
    );
  }
  layers.push(
    {
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 2, clip: true },
      encoding: {
        x,
        y,
        color: seriesColor(data.series),
        strokeDash: dashEncoding(data.series),
        detail: { field: 'id' },
        tooltip: [{ field: 'label', title: 'paradigm' }, { field: 'kind' }, { field: 'time_text', title: 'T_sol' }, { field: 'energy_text', title: 'energy' }],
      },
    },
  );
  // The brain's 20 W × T_sol, for orientation.
  const brain = xDomain.map((t) => ({ time_s: t, energy_J: BRAIN_POWER_W * t }));
  layers.push({
    data: { values: brain },
    mark: { type: 'line', strokeDash: [2, 4], color: REFERENCE_COLOR, strokeWidth: 1.5, clip: true },
    encoding: { x, y },
  });
  // Label the brain line where it is inside the plot: at the geometric middle of its visible stretch.
  const lo = Math.max(xDomain[0], yDomain[0] / BRAIN_POWER_W);
  const hi = Math.min(xDomain[1], yDomain[1] / BRAIN_POWER_W);
  if (hi > lo) {
    const t = Math.sqrt(lo * hi);
    layers.push(
      ...haloText(
        { values: [{ time_s: t, energy_J: BRAIN_POWER_W * t, text: `human brain, ${formatSI(BRAIN_POWER_W, 'W')} × T_sol` }] },
        { type: 'text', align: 'left', dx: 6, dy: 10, fontSize: 10, color: REFERENCE_COLOR },
        { x, y, text: { field: 'text' } },
      ),
    );
  }
  // Marker labels stacked down from the top of the plot, in data coordinates of the shared log y scale.
  const decades = Math.log10(yDomain[1] / yDomain[0]);
  const markers = data.markers
    .filter((m) => m.time_s >= xDomain[0] && m.time_s <= xDomain[1])
    .map((m, i) => ({ ...m, text: `${m.label}: ${formatDuration(m.time_s)}`, energy_J: yDomain[1] / 10 ** ((0.25 + 0.6 * i) * (decades / 16)) }));
  if (markers.length) {
    layers.push(
      {
        data: { values: markers },
        mark: { type: 'rule', strokeDash: [4, 3], color: REFERENCE_COLOR },
        encoding: { x: { field: 'time_s', type: 'quantitative', scale: x.scale } },
      },
      ...haloText({ values: markers }, { type: 'text', align: 'left', baseline: 'top', dx: 3, fontSize: 10, color: REFERENCE_COLOR }, { x, y, text: { field: 'text' } }),
    );
  }
  const plot = { width: WIDTH, height: HEIGHT, layer: layers };
  return { ...framed(data, plot), usermeta: { figure: 'tradeoff' } };
}

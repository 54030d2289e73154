/**
 * The line-chart building blocks shared by the size, trade-off and solver figures: one line per
 * paradigm, coloured by kind and told apart by dash pattern, on log–log axes.
 */
import type { Kind } from '../../model/paradigms.js';
import { kindColor, lookupExpr, KIND_COLORS } from './theme.js';
import type { SeriesMeta } from './types.js';

/** Dash patterns, one per paradigm in series order (solid first). */
const DASHES: number[][] = [[1, 0], [8, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4], [1, 3], [6, 2, 1, 2]];

/** One long-format value per (x, series) with a positive, finite energy. */
export interface SeriesValue {
  x: number;
  id: string;
  label: string;
  kind: Kind;
  energy_J: number;
}

export function seriesValues(series: readonly SeriesMeta[], points: ReadonlyArray<{ x: number; energy_J: Readonly<Record<string, number>> }>): SeriesValue[] {
  const out: SeriesValue[] = [];
  for (const p of points) {
    for (const s of series) {
      const e = p.energy_J[s.id];
      if (e !== undefined && e > 0 && Number.isFinite(e)) out.push({ x: p.x, id: s.id, label: s.label, kind: s.kind, energy_J: e });
    }
  }
  return out;
}

/** Stroke dash by paradigm label, in series order, with its own legend. */
export function dashEncoding(series: readonly SeriesMeta[]): Record<string, unknown> {
  const labels = series.map((s) => s.label);
  return {
    field: 'label',
    type: 'nominal',
    title: 'paradigm',
    scale: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) },
    legend: {
      labelLimit: 360,
      symbolType: 'stroke',
      symbolSize: 900,
      symbolStrokeWidth: 2,
      // Each paradigm's dash drawn in its kind's colour, so the two legends read together.
      symbolStrokeColor: { expr: lookupExpr('datum.value', Object.fromEntries(series.map((s) => [s.label, KIND_COLORS[s.kind]])), "'#333'") },
    },
  };
}

/** The kind colour encoding of a set of series (plus extra kinds drawn as points). */
export function seriesColor(series: readonly SeriesMeta[], extra: readonly Kind[] = []): Record<string, unknown> {
  return kindColor([...series.map((s) => s.kind), ...extra]);
}

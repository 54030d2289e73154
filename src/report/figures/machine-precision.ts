/**
 * The machine's read-out precision (docs/validation.md, check 2): time steps of averaging against the bits
 * of precision reached — the measured points, the exact Ornstein–Uhlenbeck curve and the engine's `sqrt`
 * convergence law (one more bit costs 4× the steps) anchored at the first measured point.
 */
import { framed, logAxis, logDomain, countLabelExpr, KIND_COLORS, WIDTH, HEIGHT, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export interface PrecisionPoint {
  bits: number;
  steps: number;
}

export interface MachinePrecisionData extends Frame {
  measured: PrecisionPoint[];
  exact: PrecisionPoint[];
  engine: PrecisionPoint[];
}

export function machinePrecisionSpec(data: MachinePrecisionData): VlSpec {
  const all = [...data.measured, ...data.exact, ...data.engine];
  const yDomain = logDomain(all.map((p) => p.steps));
  const x = { field: 'bits', type: 'quantitative', title: 'bits of precision, log₂(‖x*‖∞ / RMS error per cell)', scale: { zero: false } };
  const y = { field: 'steps', type: 'quantitative', title: 'time steps of averaging (log scale)', scale: { type: 'log', domain: yDomain }, axis: logAxis(yDomain, countLabelExpr()) };
  const series = ['measured (machine)', 'exact Ornstein–Uhlenbeck', "engine's sqrt law, 4× per bit"];
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [KIND_COLORS.measured, '#555555', KIND_COLORS.bound] } };
  const tag = (points: PrecisionPoint[], name: string) => points.map((p) => ({ ...p, series: name }));
  const layer = [
    { data: { values: tag(data.exact, series[1]!) }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y, color } },
    { data: { values: tag(data.engine, series[2]!) }, mark: { type: 'line', strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { x, y, color } },
    { data: { values: tag(data.measured, series[0]!) }, mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x, y, color } },
  ];
  return { ...framed(data, { width: WIDTH, height: HEIGHT, layer }), usermeta: { figure: 'machine-precision' } };
}

/**
 * The tornado figure: for one result (a row's log-energy or a gap), each assumption's Sobol' total-order
 * index (wide bar) and first-order index (narrow bar) with the 95 % bootstrap interval of the total,
 * largest first — which range moves the result most (limbound sensitivity).
 */
import { framed, WIDTH, REFERENCE_COLOR, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export interface TornadoBar {
  name: string;
  first: number;
  total: number;
  total_low: number;
  total_high: number;
}

export interface TornadoData extends Frame {
  bars: TornadoBar[];
  /** What the indices decompose, e.g. "log10(accelerator row / LIM)". */
  quantity: string;
}

export function tornadoSpec(data: TornadoData): VlSpec {
  const bars = data.bars.filter((b) => Number.isFinite(b.total)).map((b) => ({ ...b, first: Math.max(0, b.first) }));
  const y = { field: 'name', type: 'nominal', title: null, sort: { field: 'total', order: 'descending' }, axis: { labelLimit: 300, labelFontSize: 11 } };
  const x = { type: 'quantitative', scale: { domain: [0, Math.max(1, ...bars.map((b) => b.total_high).filter(Number.isFinite))] }, title: `Sobol' index of ${data.quantity}` };
  const tooltip = [
    { field: 'name', title: 'assumption' },
    { field: 'first', title: 'first order', format: '.3f' },
    { field: 'total', title: 'total order', format: '.3f' },
  ];
  const plot = {
    width: WIDTH,
    height: Math.max(80, 26 * bars.length),
    data: { values: bars },
    layer: [
      { mark: { type: 'bar', color: '#0072B2', opacity: 0.35, height: 18 }, encoding: { y, x: { ...x, field: 'total' }, tooltip } },
      { mark: { type: 'bar', color: '#0072B2', height: 8 }, encoding: { y, x: { ...x, field: 'first' }, tooltip } },
      { mark: { type: 'rule', color: REFERENCE_COLOR }, encoding: { y, x: { ...x, field: 'total_low' }, x2: { field: 'total_high' } } },
    ],
  };
  return { ...framed(data, plot), usermeta: { figure: 'tornado' } };
}

/**
 * What every figure shares: the kind colours (bound / estimate / reported / measured, the same in every figure),
 * SI-prefixed tick labels written as Vega expressions (so an exported .vl.json spec renders the same
 * in any Vega-Lite viewer, with no custom functions), duration ticks, and the title / source-note frame.
 */
import type { Kind } from '../../model/paradigms.js';
import { DURATION_UNITS, YEAR_S } from '../../util/format.js';
import type { VlSpec } from './types.js';

export const KINDS: readonly Kind[] = ['bound', 'estimate', 'reported', 'measured'];

/** Okabe–Ito colours (distinguishable with colour-vision deficiency). */
export const KIND_COLORS: Record<Kind, string> = { bound: '#0072B2', estimate: '#E69F00', reported: '#CC79A7', measured: '#009E73' };

export const KIND_MEANING: Record<Kind, string> = {
  bound: 'physics lower bound',
  estimate: 'technology data × counts',
  reported: 'reported energy of a run, with its accounting boundary',
  measured: 'measured by the simulator',
};

export const REFERENCE_COLOR = '#555555';
export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
export const WIDTH = 560;
export const HEIGHT = 340;

/** Prefixes d3-format's `s` type produces (y … Y, with µ for micro). */
const SI_PREFIX_CHARS = 'yzafpnµmkMGTPEZY';

/**
 * A Vega expression that prints `value` with an SI prefix and `unit`, like formatSI: 1e3 → "1 kJ",
 * 1.65e8 → "165 MJ", 1e-21 → "1 zJ". Outside y…Y it falls back to scientific notation ("1e-27 J"),
 * and 0 prints as "0 J", so a label is never a false zero.
 */
export function siExpr(value: string, unit: string): string {
  const u = quote(unit);
  const v = `(${value})`;
  const scientific = `replace(format(${v}, '.3~e'), 'e+', 'e') + ' ' + ${u}`;
  const prefixed = `replace(format(${v}, '.3~s'), regexp('([${SI_PREFIX_CHARS}]?)$'), ' $1' + ${u})`;
  return `${v} == 0 ? '0 ' + ${u} : (abs(${v}) >= 1e27 || abs(${v}) < 1e-24) ? ${scientific} : ${prefixed}`;
}

/** Axis `labelExpr` for an SI quantity. */
export function siLabelExpr(unit: string): string {
  return siExpr('datum.value', unit);
}

/** Axis `labelExpr` for a plain count in scientific notation, as the CLI prints counts: "1e15". */
export function countLabelExpr(): string {
  return `datum.value == 0 ? '0' : (abs(datum.value) >= 1e4 || abs(datum.value) < 1e-3) ? replace(format(datum.value, '.2~e'), 'e+', 'e') : format(datum.value, '~g')`;
}

/**
 * Axis `labelExpr` for durations in seconds, like formatDuration: 3600 → "1 h", 1e-6 → "1 µs",
 * 3.15576e11 → "1e4 yr" (from 1000 years on, scientific years rather than a run of digits).
 */
export function durationLabelExpr(): string {
  let expr = siExpr('datum.value', 's');
  for (const [seconds, name] of [...DURATION_UNITS].reverse()) {
    expr = `abs(datum.value) >= ${seconds} ? format(datum.value / ${seconds}, '.3~r') + ' ${name}' : (${expr})`;
  }
  return `abs(datum.value) >= ${1000 * YEAR_S} ? replace(format(datum.value / ${YEAR_S}, '.3~e'), 'e+', 'e') + ' yr' : (${expr})`;
}

/**
 * Tick values for a log time axis from `lo` to `hi` seconds: decades below a minute, then 1 min, 1 h,
 * 1 d, 1 yr and decades of years, thinned to at most `max` ticks. A range those miss (shorter than
 * an attosecond, longer than 1e12 years, or inside one gap) gets plain decades.
 */
export function durationTicks(lo: number, hi: number, max = 12): number[] {
  const candidates: number[] = [];
  for (let e = -18; e <= 1; e++) candidates.push(Number(`1e${e}`));
  for (const [seconds] of DURATION_UNITS) if (seconds < YEAR_S) candidates.push(seconds);
  for (let e = 0; e <= 12; e++) candidates.push(YEAR_S * 10 ** e);
  const inside = candidates.filter((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)).sort((a, b) => a - b);
  if (inside.length < 2) return logTicks([lo, hi], max);
  if (inside.length <= max) return inside;
  const step = Math.ceil(inside.length / max);
  return inside.filter((_, i) => i % step === 0);
}

/**
 * Tick values of a log axis: powers of ten inside `domain`, every decade when they fit in `max`,
 * else every 3rd decade aligned to the SI prefixes (1 kJ, 1 MJ, 1 GJ), else every 6th, 9th, ….
 * Explicit values keep the SI label expression off the 2× and 5× minor ticks.
 */
export function logTicks(domain: readonly [number, number], max = 10): number[] {
  const lo = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const hi = Math.floor(Math.log10(domain[1]) + 1e-9);
  // A zero, negative or infinite end has no decades to mark (and would make the loops below endless).
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const count = hi - lo + 1;
  let step = 1;
  if (count > max) step = 3 * Math.ceil(count / (3 * Math.max(1, max)));
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) if (step === 1 || ((e % step) + step) % step === 0) out.push(Number(`1e${e}`));
  return out;
}

/** Axis of a log scale: SI (or count) labels at `logTicks`. */
export function logAxis(domain: readonly [number, number], labelExpr: string, max = 10): Record<string, unknown> {
  return { labelExpr, values: logTicks(domain, max), grid: true };
}

/** Decade-aligned log domain [10^⌊log10 lo⌋, 10^⌈log10 hi⌉] of positive values (one decade of margin when lo = hi). */
export function logDomain(values: readonly number[]): [number, number] {
  const [min, max] = extent(values.filter((v) => v > 0 && Number.isFinite(v)));
  if (min > max) return [1, 10];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

/**
 * [min, max] of `values` ([∞, −∞] when empty), by a loop: Math.min(...values) overflows the call
 * stack on the long arrays a large sweep gives.
 */
export function extent(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** Colour encoding by kind, limited to the kinds present, with the kind's meaning in the legend. */
export function kindColor(present: readonly Kind[], title = 'kind'): Record<string, unknown> {
  const domain = KINDS.filter((k) => present.includes(k));
  return {
    field: 'kind',
    type: 'nominal',
    title,
    scale: { domain, range: domain.map((k) => KIND_COLORS[k]) },
    legend: { labelExpr: kindLegendExpr(), labelLimit: 320, symbolOpacity: 1 },
  };
}

/** A Vega expression mapping the string expression `key` through `table`, with `otherwise` as default. */
export function lookupExpr(key: string, table: Readonly<Record<string, string>>, otherwise: string): string {
  return Object.entries(table).reduceRight((rest, [k, v]) => `${key} == ${quote(k)} ? ${quote(v)} : (${rest})`, otherwise);
}

/**
 * Text drawn twice, white outline under black, so labels stay readable over lines and grid; `mark`
 * and `encoding` are those of the text layer.
 */
export function haloText(data: unknown, mark: Record<string, unknown>, encoding: Record<string, unknown>): Record<string, unknown>[] {
  return [
    { data, mark: { ...mark, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.9, strokeJoin: 'round' }, encoding },
    { data, mark, encoding },
  ];
}

function kindLegendExpr(): string {
  return lookupExpr('datum.label', Object.fromEntries(KINDS.map((k) => [k, `${k}: ${KIND_MEANING[k]}`])), 'datum.label');
}

export interface Frame {
  title: string;
  subtitle?: string | string[];
  /** Source note printed under the plot ("Source: …"). */
  note: string;
  /** Bibliography ids the figure draws on (for references.bib); not drawn. */
  citations?: string[];
}

/**
 * Wraps a plot in the common frame: title, subtitle, source note underneath, fonts. The note is a
 * second, text-only panel so that it is laid out below the axes and legends whatever their size.
 */
export function framed(frame: Frame, plot: Record<string, unknown>): VlSpec {
  const subtitle = subtitleLines(frame.subtitle);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: frame.title, ...(subtitle.length ? { subtitle } : {}), anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#444' },
    vconcat: [plot, noteView(frame.note)],
    spacing: 6,
    padding: 10,
    background: 'white',
    config: {
      font: FONT,
      view: { stroke: '#ccc' },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
      legend: { labelFontSize: 11, titleFontSize: 12 },
    },
  };
}

/** A frame's subtitle as a list of lines (none when it has no subtitle). */
export function subtitleLines(subtitle: Frame['subtitle']): string[] {
  return subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
}

function noteView(note: string): Record<string, unknown> {
  const lines = wrap(note, 105);
  return {
    width: WIDTH,
    height: 13 * lines.length,
    data: { values: lines.map((text, i) => ({ text, line: i })) },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10, color: '#555' },
    encoding: {
      x: { value: 0 },
      y: { field: 'line', type: 'ordinal', axis: null },
      text: { field: 'text' },
    },
    view: { stroke: null },
  };
}

/** Breaks a note into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** `text` as a single-quoted Vega expression string literal. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

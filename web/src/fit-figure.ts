/**
 * Fits a figure spec (the report's, unchanged in meaning) to the width the page has for it, so the
 * SVG is drawn at its real size and never scaled down: text stays at ≥ 11 px at every screen width.
 * Title, subtitle and source note are re-wrapped to the width (DejaVu Sans advance widths), legends
 * go under the plot, long axis labels are capped, side-by-side panels stack on a narrow screen, and
 * the plot width is whatever is left (`plotWidth`, found by measuring one render: see main.ts).
 */
import type { VlSpec } from '../../src/report/figures/index.js';
import { textWidth } from '../../src/report/figures/text-width.js';

export const MIN_FONT_PX = 11;
/** Below this width, side-by-side panels are stacked. */
const STACK_BELOW_PX = 640;
/** Below this width, the legend of the kinds (bound, estimate, reported) is left to the page's text. */
const NARROW_PX = 480;
/** Below this width, legends go under the plot rather than beside it. */
const LEGEND_BELOW_PX = 760;

type Node = Record<string, unknown>;

/** Greedy line breaking of `text` so that no line is wider than `px` at `fontSize`. */
export function wrapToWidth(text: string, px: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > px) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Raises every font size below MIN_FONT_PX, caps axis (and, less tightly, legend) label lengths; in place. */
function readableText(node: unknown, axisLimit: number, legendLimit: number, inLegend = false): void {
  if (Array.isArray(node)) return node.forEach((n) => readableText(n, axisLimit, legendLimit, inLegend));
  if (!node || typeof node !== 'object') return;
  const obj = node as Node;
  for (const [key, value] of Object.entries(obj)) {
    if (/fontsize$/i.test(key) && typeof value === 'number' && value < MIN_FONT_PX) obj[key] = MIN_FONT_PX;
    else if (key === 'labelLimit' && typeof value === 'number') obj[key] = Math.min(value, inLegend ? legendLimit : axisLimit);
    else readableText(value, axisLimit, legendLimit, inLegend || key === 'legend');
  }
}

/** The views that carry a plot width (the first panel of the frame), outermost first. */
function sizedViews(node: unknown, out: Node[] = []): Node[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return out;
  const obj = node as Node;
  if (typeof obj.width === 'number') out.push(obj);
  for (const key of ['hconcat', 'vconcat', 'concat']) if (Array.isArray(obj[key])) (obj[key] as unknown[]).forEach((n) => sizedViews(n, out));
  return out;
}

export interface FitOptions {
  /** Width of the page's box for the figure, px. */
  width: number;
  /** Width of the plotting area of one row of panels, px (found by measuring). */
  plotWidth: number;
}

/** Width of one row of panels: the sum over side-by-side panels. */
export function plotRowWidth(spec: VlSpec): number {
  const plot = (spec.vconcat as Node[] | undefined)?.[0];
  if (!plot) return 0;
  if (Array.isArray(plot.hconcat)) return (plot.hconcat as Node[]).reduce((s, v) => s + (Number(v.width) || 0), 0);
  return sizedViews(plot).reduce((m, v) => Math.max(m, Number(v.width)), 0);
}

export function fitSpec(original: VlSpec, { width, plotWidth }: FitOptions): { spec: VlSpec; note: string } {
  const spec = structuredClone(original) as Node;
  // A margin for the browser's own text metrics, which differ a little from the DejaVu table.
  const inner = Math.max(120, 0.94 * (width - 2 * Number(spec.padding ?? 10)));
  readableText(spec, Math.max(90, Math.floor(width * 0.34)), Math.max(120, Math.floor(width * 0.5) - 10));

  // Title and subtitle, wrapped to the box.
  const title = spec.title as Node | undefined;
  if (title) {
    const fontSize = Number(title.fontSize ?? 15);
    title.text = wrapToWidth(String(title.text), inner, fontSize, true);
    if (title.subtitle) {
      const subSize = Math.max(MIN_FONT_PX, Number(title.subtitleFontSize ?? MIN_FONT_PX));
      title.subtitleFontSize = subSize;
      title.subtitle = (title.subtitle as string[]).flatMap((line) => wrapToWidth(line, inner, subSize));
    }
  }
  const config = (spec.config ??= {}) as Node;
  config.legend = { ...(config.legend as Node), orient: width < LEGEND_BELOW_PX ? 'bottom' : 'right', direction: 'vertical', labelFontSize: Math.max(MIN_FONT_PX, Number((config.legend as Node)?.labelFontSize ?? 11)) };

  const panels = spec.vconcat as Node[];
  const plot = panels[0]!;
  // Side-by-side panels stack on a narrow screen; each then shows its own row labels.
  if (Array.isArray(plot.hconcat) && width < STACK_BELOW_PX) {
    const views = plot.hconcat as Node[];
    const labelled = (views[0]!.encoding as Node | undefined)?.y as Node | undefined;
    for (const v of views.slice(1)) {
      const y = (v.encoding as Node | undefined)?.y as Node | undefined;
      if (y && labelled && y.axis === null) y.axis = labelled.axis;
    }
    plot.vconcat = views;
    delete plot.hconcat;
  }
  const row = plotRowWidth(spec as VlSpec) || 1;
  const k = Math.max(60, plotWidth) / row;
  for (const v of sizedViews(plot)) v.width = Math.round(Number(v.width) * k);

  for (const v of sizedViews(plot)) wrapAxisTitles(v, Number(v.width));
  wrapRowLabels(plot, Math.max(90, Math.floor(width * 0.34)));
  // On a phone the kind legend would widen the figure; the page spells out the kinds under the table.
  if (width < NARROW_PX) dropKindLegend(plot);
  // The source note is shown as text under the figure on the page (it wraps there like any text).
  const note = panels.length > 1 ? noteText(panels[panels.length - 1]!) : '';
  if (note) spec.vconcat = [plot];
  return { spec: spec as VlSpec, note };
}

/** The text of a frame's note panel (one data row per line), or '' when `view` is not one. */
export function noteText(view: Node): string {
  const values = (view.data as Node | undefined)?.values;
  if ((view.mark as Node | undefined)?.type !== 'text' || !Array.isArray(values)) return '';
  if (!values.every((v) => typeof (v as Node).text === 'string' && typeof (v as Node).line === 'number')) return '';
  return values.map((v) => (v as { text: string }).text).join(' ');
}

/**
 * Long row labels of a nominal y axis (the paradigm names) are broken into lines that fit `px`
 * rather than cut with an ellipsis: the axis label becomes an array of lines.
 */
function wrapRowLabels(node: unknown, px: number, sized?: Node): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const obj = node as Node;
  const view = typeof obj.height === 'number' ? obj : sized;
  const y = (obj.encoding as Node | undefined)?.y as Node | undefined;
  const values = (obj.data as Node | undefined)?.values;
  if (y && y.type === 'nominal' && y.axis && typeof y.field === 'string' && Array.isArray(values)) {
    const field = y.field;
    const labels = [...new Set(values.map((v) => String((v as Node)[field])))];
    const wrapped = labels.map((l) => [l, wrapToWidth(l, px, MIN_FONT_PX)] as const);
    const table = wrapped.filter(([, lines]) => lines.length > 1);
    if (table.length) {
      const expr = table.reduceRight((rest, [label, lines]) => `datum.value == ${JSON.stringify(label)} ? ${JSON.stringify(lines)} : (${rest})`, 'datum.value');
      y.axis = { ...(y.axis as Node), labelExpr: expr, labelLimit: px + 20 };
      // Each band tall enough for its longest label.
      const lines = Math.max(...wrapped.map(([, l]) => l.length));
      if (view) view.height = Math.max(Number(view.height), labels.length * (lines * 13 + 6));
    }
  }
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) if (Array.isArray(obj[key])) (obj[key] as unknown[]).forEach((n) => wrapRowLabels(n, px, view));
}

function dropKindLegend(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropKindLegend);
  if (!node || typeof node !== 'object') return;
  const obj = node as Node;
  const color = (obj.encoding as Node | undefined)?.color as Node | undefined;
  if (color?.field === 'kind') color.legend = null;
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) if (Array.isArray(obj[key])) dropKindLegend(obj[key]);
}

/** An x-axis title wider than its plot is broken into lines (Vega draws an array as lines). */
function wrapAxisTitles(node: unknown, px: number): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const obj = node as Node;
  const x = (obj.encoding as Node | undefined)?.x as Node | undefined;
  if (x && typeof x.title === 'string' && textWidth(x.title, 12, true) > px) x.title = wrapToWidth(x.title, Math.max(60, px), 12, true);
  if (Array.isArray(obj.layer)) (obj.layer as unknown[]).forEach((n) => wrapAxisTitles(n, px));
}

/**
 * Vega-Lite spec → SVG with Vega's headless renderer (no browser, no canvas): works in Node and in the
 * browser. Text widths are estimated without a canvas, which is close enough for layout.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VlSpec } from './types.js';

/** Compiles a Vega-Lite spec to a Vega spec; warnings are collected rather than printed. */
export function toVega(spec: VlSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: readonly unknown[]) => {
      throw new Error(`vega-lite: ${args.join(' ')}`);
    },
    warn: (...args: readonly unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const out = compile(spec as unknown as TopLevelSpec, { logger: logger as never });
  return { vega: out.spec, warnings };
}

export async function renderSvg(spec: VlSpec): Promise<string> {
  const view = new vega.View(vega.parse(toVega(spec).vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

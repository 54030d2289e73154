/**
 * Rendering in Node (CLI and report): SVG by Vega's headless renderer with DejaVu Sans text widths,
 * PNG from that SVG by resvg (Rust; no browser). Text needs a font on the system: DejaVu Sans is
 * preferred (Debian's default); `systemFontsFound()` lets the CLI warn when none is installed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg as renderWith } from './render.js';
import { textWidth } from './text-width.js';
import type { VlSpec } from './types.js';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let installed = false;
/** Replaces Vega's 0.8 em-per-character guess with DejaVu Sans advance widths (Vega's documented hook). */
function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const value = text === null || text === undefined ? '' : String(text).trim();
    const size = item.fontSize ?? 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
    return size > 0 && value ? textWidth(value, size, bold) : 0;
  };
}

export async function renderSvgNode(spec: VlSpec): Promise<string> {
  installTextMetrics();
  return renderWith(spec);
}

export interface PngOptions {
  /** Pixels per SVG unit (2 gives a sharp image for slides). */
  scale?: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts'), '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];

/** Whether any TrueType/OpenType font is installed where resvg looks (without one, PNG text is blank). */
export function systemFontsFound(): boolean {
  const search = (dir: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      if (e.isFile() && /\.(ttf|otf|ttc)$/i.test(e.name)) return true;
      if (e.isDirectory() && depth > 0 && search(join(dir, e.name), depth - 1)) return true;
    }
    return false;
  };
  return FONT_DIRS.some((d) => existsSync(d) && search(d, 3));
}

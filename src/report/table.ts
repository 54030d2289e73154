/** Plain-text tables (aligned columns) and CSV, for the CLI and reports. */
import { cleanNumber } from '../util/numbers.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

/** Renders rows as an aligned text table with a header rule. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const lines = [columns.map((c, i) => pad(c.header, i)).join('  ').trimEnd(), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of cells) lines.push(row.map((text, i) => pad(text, i)).join('  ').trimEnd());
  return lines.join('\n');
}

/** Display width, counting each code point as one column. */
function width(text: string): number {
  return [...text].length;
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberForCsv(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 15 significant digits (no float noise), shortest representation. */
function numberForCsv(value: number): string {
  return Number.isFinite(value) ? String(cleanNumber(value)) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}

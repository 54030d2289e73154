/** Strict number parsing for the text formats: each helper names the file and line in its error. */
import { InputError } from '../../util/errors.js';
import { isDecimal, MAX_NUMBER_TEXT } from '../../util/number-text.js';
import { sanitize } from '../../util/text.js';

const INTEGER = /^[+-]?\d+$/;

/** Where a value came from, for error messages: `file: line L: …`. */
export interface SourceRef {
  file: string;
  line: number;
}

export function fail(ref: SourceRef, message: string): never {
  throw new InputError(ref.file, `line ${ref.line}: ${message}`);
}

export function parseIntToken(ref: SourceRef, what: string, token: string | undefined, min: number, max: number): number {
  if (token === undefined) fail(ref, `missing ${what}`);
  if (token.length > MAX_NUMBER_TEXT || !INTEGER.test(token)) fail(ref, `${what} must be a whole number, got '${sanitize(token)}'`);
  const v = Number(token);
  if (v < min || v > max) fail(ref, `${what} ${token} out of range (${min} to ${max})`);
  return v;
}

export function parseRealToken(ref: SourceRef, what: string, token: string | undefined): number {
  if (token === undefined) fail(ref, `missing ${what}`);
  if (!isDecimal(token)) fail(ref, `${what} must be a number, got '${sanitize(token)}'`);
  const v = Number(token);
  if (!Number.isFinite(v)) fail(ref, `${what} must be finite, got '${sanitize(token)}'`);
  return v;
}

/** Splits text into lines, skipping blanks and comments (`#`, `%`, or `c ` as in DIMACS), keeping line numbers. */
export function dataLines(text: string): Array<{ line: number; tokens: string[] }> {
  const out: Array<{ line: number; tokens: string[] }> = [];
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k].trim();
    if (raw === '' || raw.startsWith('#') || raw.startsWith('%') || raw === 'c' || raw.startsWith('c ')) continue;
    out.push({ line: k + 1, tokens: raw.split(/\s+/) });
  }
  return out;
}

/** The line number of the end of the text (for "file ended early" errors). */
export function lastLine(text: string): number {
  const lines = text.split(/\r?\n/);
  let k = lines.length;
  while (k > 1 && lines[k - 1].trim() === '') k--;
  return k;
}

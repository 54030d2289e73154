/**
 * Grids over numeric inputs: `params=1e9..1e15:log:7` → 7 log-spaced values. Pure: the CLI adds
 * output, progress and interruption on top.
 */
import { InputError } from '../util/errors.js';
import { assertFiniteResult } from '../util/finite.js';
import { sanitize } from '../util/text.js';
import { FIELDS, checkRange, type FieldKey, type NumericField, type ValidInput } from './schema.js';
import { parseQuantity } from './units.js';
import { resolve } from './resolve.js';
import { priceInto, STRIDE, TOTAL } from './price.js';
import { PARADIGMS, type ParadigmId } from './paradigms.js';

export interface Vary {
  key: FieldKey;
  from: number;
  to: number;
  count: number;
  log: boolean;
}

/** Parses NAME=FROM..TO[:log][:COUNT] (COUNT defaults to 10, spacing to linear). */
export function parseVary(spec: string): Vary {
  const text = spec.trim();
  const bad = () => new InputError('vary', `expected NAME=FROM..TO[:log][:COUNT], got '${sanitize(spec)}'`);
  const eq = text.indexOf('=');
  // Stryker disable next-line ArithmeticOperator: no '..' can start at eq − 1 or eq (text[eq] is '=', and a negative start counts as 0), so searching from eq − 1 finds the same place
  const dots = text.indexOf('..', eq + 1);
  if (text.length > 200 || eq < 1 || dots < 0 || !/^[A-Za-z_]+$/.test(text.slice(0, eq))) throw bad();
  const fromText = text.slice(eq + 1, dots);
  const [toText = '', ...options] = text.slice(dots + 2).split(':');
  // "1e9...1e15" would otherwise read as 1e9 .. .1e15 (= 1e14): three dots are refused, not guessed. (FROM
  // cannot end in '.': the first '..' after '=' would then start one character earlier.)
  if (toText.startsWith('.')) throw new InputError('vary', `'${sanitize(spec)}' has more than two dots between FROM and TO (write FROM..TO)`);
  if (fromText.trim() === '' || toText.trim() === '') throw bad();
  const name = text.slice(0, eq);
  if (!Object.hasOwn(FIELDS, name)) throw new InputError('vary', `unknown input '${sanitize(name)}' (allowed: ${numericKeys().join(', ')})`);
  const key = name as FieldKey;
  const field = FIELDS[key];
  if (field.type !== 'number') throw new InputError('vary', `'${key}' is not numeric (allowed: ${numericKeys().join(', ')})`);
  const from = checkRange(key, parseQuantity(key, fromText, field.dimension), field);
  const to = checkRange(key, parseQuantity(key, toText, field.dimension), field);
  let log = false;
  let count = 10;
  for (const part of options.filter(Boolean)) {
    if (part === 'log') log = true;
    else if (part === 'lin') log = false;
    else {
      const n = Number(part);
      if (!Number.isInteger(n) || n < 1 || n > 1e7) throw new InputError('vary', `COUNT must be a whole number from 1 to 1e7, got '${sanitize(part)}' in '${sanitize(spec)}'`);
      count = n;
    }
  }
  if (log && (from <= 0 || to <= 0)) throw new InputError('vary', `a :log range needs positive ends, got ${from}..${to}`);
  return { key, from, to, count, log };
}

function numericKeys(): string[] {
  return (Object.keys(FIELDS) as FieldKey[]).filter((k) => FIELDS[k].type === 'number');
}

export function gridValues(v: Vary): number[] {
  if (v.count === 1) return [v.from];
  const out: number[] = [];
  for (let i = 0; i < v.count; i++) {
    const f = i / (v.count - 1);
    // Decades are exact in log10 space (1e9..1e15:log:4 gives 1e9, 1e11, 1e13, 1e15 to the last bit).
    let x = v.log ? 10 ** (Math.log10(v.from) + (Math.log10(v.to) - Math.log10(v.from)) * f) : v.from + (v.to - v.from) * f;
    if ((FIELDS[v.key] as NumericField).integer) x = Math.round(x);
    out.push(x);
  }
  return out;
}

export function gridSize(varies: readonly Vary[]): number {
  return varies.reduce((n, v) => n * v.count, 1);
}

/** The i-th grid point (row-major, last --vary fastest). */
export function gridPoint(varies: readonly Vary[], values: readonly number[][], index: number): Record<string, number> {
  const point: Record<string, number> = {};
  let rest = index;
  for (let k = varies.length - 1; k >= 0; k--) {
    const n = values[k]!.length;
    point[varies[k]!.key] = values[k]![rest % n]!;
    rest = Math.floor(rest / n);
  }
  return point;
}

export interface SweepRow {
  point: Record<string, number>;
  energy_J: Record<ParadigmId, number>;
  cim_barrier_kT: number;
  /** D and F at this point (they follow P when tokens_per_param ties D to P). */
  tokens?: number;
  flops: number;
}

/** Resolves one grid point on top of the base input; an InputError names the point. */
function resolvePoint(base: ValidInput, point: Record<string, number>): ReturnType<typeof resolve> {
  try {
    return resolve({ ...base, ...point });
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.field, `${err.message.slice(err.field.length + 2)} (at grid point ${JSON.stringify(point)})`);
    throw err;
  }
}

/** Evaluates one grid point on top of the base input. */
export function evaluatePoint(base: ValidInput, point: Record<string, number>, buf = new Float64Array(PARADIGMS.length * STRIDE)): SweepRow {
  const resolved = resolvePoint(base, point);
  const d = priceInto(resolved.counts, resolved.env, buf);
  const energy = {} as Record<ParadigmId, number>;
  PARADIGMS.forEach((p, r) => (energy[p.id] = buf[r * STRIDE + TOTAL]!));
  const tokens = resolved.inputs.tokens;
  const row = { point, energy_J: energy, cim_barrier_kT: d.cim_barrier_kT, ...(typeof tokens === 'number' ? { tokens } : {}), flops: resolved.counts.flops };
  assertFiniteResult(row);
  return row;
}

/**
 * Resolves every grid point without pricing it (cheap), so a bad interior point is refused before
 * any row is written; throws the InputError of the first bad point.
 */
export function validateGrid(base: ValidInput, varies: readonly Vary[], values: readonly number[][], total: number, signal?: AbortSignal): void {
  for (let i = 0; i < total && !signal?.aborted; i++) resolvePoint(base, gridPoint(varies, values, i));
}

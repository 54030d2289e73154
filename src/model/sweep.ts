/**
 * Grids over numeric inputs: `params=1e9..1e15:log:7` → 7 log-spaced values. Pure: the CLI adds
 * output, progress and interruption on top.
 */
import { InputError } from '../util/errors.js';
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

const SPEC = /^([A-Za-z_]+)=([^.]+(?:\.\d+)?(?:[eE][-+]?\d+)?[^.]*)\.\.([^:]+)((?::[^:]+)*)$/;

/** Parses NAME=FROM..TO[:log][:COUNT] (COUNT defaults to 10, spacing to linear). */
export function parseVary(spec: string): Vary {
  const m = SPEC.exec(spec.trim());
  if (!m) throw new InputError('vary', `expected NAME=FROM..TO[:log][:COUNT], got '${spec}'`);
  const key = m[1] as FieldKey;
  const field = FIELDS[key];
  if (!field) throw new InputError('vary', `unknown input '${m[1]}' (allowed: ${numericKeys().join(', ')})`);
  if (field.type !== 'number') throw new InputError('vary', `'${key}' is not numeric (allowed: ${numericKeys().join(', ')})`);
  const from = checkRange(key, parseQuantity(key, m[2]!, field.dimension), field);
  const to = checkRange(key, parseQuantity(key, m[3]!, field.dimension), field);
  let log = false;
  let count = 10;
  for (const part of m[4]!.split(':').filter(Boolean)) {
    if (part === 'log') log = true;
    else if (part === 'lin') log = false;
    else {
      const n = Number(part);
      if (!Number.isInteger(n) || n < 1 || n > 1e7) throw new InputError('vary', `COUNT must be a whole number from 1 to 1e7, got '${part}' in '${spec}'`);
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
}

/** Evaluates one grid point on top of the base input. */
export function evaluatePoint(base: ValidInput, point: Record<string, number>, buf = new Float64Array(PARADIGMS.length * STRIDE)): SweepRow {
  let resolved;
  try {
    resolved = resolve({ ...base, ...point });
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.field, `${err.message.slice(err.field.length + 2)} (at grid point ${JSON.stringify(point)})`);
    throw err;
  }
  const d = priceInto(resolved.counts, resolved.env, buf);
  const energy = {} as Record<ParadigmId, number>;
  PARADIGMS.forEach((p, r) => (energy[p.id] = buf[r * STRIDE + TOTAL]!));
  return { point, energy_J: energy, cim_barrier_kT: d.cim_barrier_kT };
}

/**
 * Quantities at the edges: inputs may be plain numbers (SI) or strings with a unit ("30 d", "300 K",
 * "10 yr"). Parsing happens once, at input; everything inside is SI numbers.
 */
import { InputError } from '../util/errors.js';
import { splitNumberAndUnit } from '../util/number-text.js';
import { describeValue, sanitize } from '../util/text.js';

export type Dimension = 'count' | 'bits' | 'time' | 'temperature' | 'ratio' | 'intensity' | 'energy' | 'power';

const TIME_UNITS: Record<string, number> = {
  s: 1, sec: 1, second: 1, seconds: 1,
  ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9, ps: 1e-12, fs: 1e-15,
  min: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  wk: 604800, week: 604800, weeks: 604800,
  yr: 3.15576e7, y: 3.15576e7, year: 3.15576e7, years: 3.15576e7,
};

/**
 * Counts as people write them: "8B" parameters, "15T" tokens, "1.5M", "70e9". B (billion) and G (giga)
 * are both 1e9; lower-case b and t are read as B and T ("8b"); a lone m is refused rather than guessed
 * (milli or million).
 */
export const COUNT_SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3, K: 1e3, thousand: 1e3,
  M: 1e6, million: 1e6,
  G: 1e9, B: 1e9, b: 1e9, bn: 1e9, billion: 1e9,
  T: 1e12, t: 1e12, trillion: 1e12,
  P: 1e15, quadrillion: 1e15,
};

const ENERGY_UNITS: Record<string, number> = {
  J: 1, kJ: 1e3, MJ: 1e6, GJ: 1e9, TJ: 1e12, PJ: 1e15,
  Wh: 3600, kWh: 3.6e6, MWh: 3.6e9, GWh: 3.6e12, TWh: 3.6e15,
};

const POWER_UNITS: Record<string, number> = { W: 1, kW: 1e3, MW: 1e6 };

const UNITS: Record<Dimension, Record<string, number>> = {
  count: { '': 1, ...COUNT_SUFFIXES },
  bits: { '': 1, bit: 1, bits: 1, b: 1 },
  time: TIME_UNITS,
  temperature: { K: 1 },
  // Stryker disable next-line ObjectLiteral: the '' key is never looked up (a bare number short-circuits to factor 1) and every listing of units filters it out
  ratio: { '': 1 },
  intensity: { 'FLOP/B': 1, 'FLOP/byte': 1 },
  energy: ENERGY_UNITS,
  power: POWER_UNITS,
};

/** The unit each dimension is expressed in when given as a plain number. */
export const SI_UNIT: Record<Dimension, string> = {
  count: '', bits: 'bit', time: 's', temperature: 'K', ratio: '', intensity: 'FLOP/B', energy: 'J', power: 'W',
};

/** Parses a number or a "value unit" string of the given dimension into SI, naming `field` on error. */
export function parseQuantity(field: string, raw: unknown, dimension: Dimension): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') throw new InputError(field, `expected a number, got ${describeValue(raw)}`);
  const match = splitNumberAndUnit(raw);
  if (!match) throw new InputError(field, `expected a number${unitHint(dimension)}, got '${sanitize(raw)}'`);
  const unit = match.unit;
  const table = UNITS[dimension];
  // A bare number is already in the field's SI unit.
  const factor = unit === '' ? 1 : Object.hasOwn(table, unit) ? table[unit] : Object.hasOwn(table, unit.toLowerCase()) ? table[unit.toLowerCase()] : undefined;
  if (factor === undefined) {
    if (dimension === 'count') throw new InputError(field, `unknown suffix '${sanitize(unit)}' (a count is a plain number or has a suffix: k, M, B or G, T, P, e.g. 8B, 15T, 1.5M)`);
    const allowed = Object.keys(table).filter(Boolean);
    const list = allowed.length ? `allowed: ${allowed.join(', ')}` : 'this field takes a plain number';
    throw new InputError(field, `unknown unit '${sanitize(unit)}' (${list})`);
  }
  return scaled(match.digits, factor);
}

/**
 * `digits` × `factor`, without the float noise of a product when the factor is a power of ten: "8.03"
 * and 1e9 give 8.03e9 exactly as written, not 8030000000.000001.
 */
export function scaled(digits: string, factor: number): number {
  const exponent = Math.log10(factor);
  if (factor !== 1 && Number.isInteger(exponent) && !/[eE]/.test(digits)) return Number(`${digits}e${exponent}`);
  return Number(digits) * factor;
}

/** A count such as "8B", "15T", "1.5M", "70e9" or 1e15, naming `field` on error. */
export function parseCount(field: string, raw: unknown): number {
  return parseQuantity(field, raw, 'count');
}

function unitHint(dimension: Dimension): string {
  if (dimension === 'count') return '';
  const units = Object.keys(UNITS[dimension]).filter(Boolean);
  return units.length ? ` optionally followed by a unit (${units.slice(0, 8).join(', ')})` : '';
}

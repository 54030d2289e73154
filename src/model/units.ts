/**
 * Quantities at the edges: inputs may be plain numbers (SI) or strings with a unit ("30 d", "300 K",
 * "10 yr"). Parsing happens once, at input; everything inside is SI numbers.
 */
import { InputError } from '../util/errors.js';

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

const ENERGY_UNITS: Record<string, number> = {
  J: 1, kJ: 1e3, MJ: 1e6, GJ: 1e9, TJ: 1e12, PJ: 1e15,
  Wh: 3600, kWh: 3.6e6, MWh: 3.6e9, GWh: 3.6e12, TWh: 3.6e15,
};

const POWER_UNITS: Record<string, number> = { W: 1, kW: 1e3, MW: 1e6 };

const UNITS: Record<Dimension, Record<string, number>> = {
  count: { '': 1 },
  bits: { '': 1, bit: 1, bits: 1, b: 1 },
  time: TIME_UNITS,
  temperature: { K: 1 },
  ratio: { '': 1 },
  intensity: { 'FLOP/B': 1, 'FLOP/byte': 1 },
  energy: ENERGY_UNITS,
  power: POWER_UNITS,
};

/** The unit each dimension is expressed in when given as a plain number. */
export const SI_UNIT: Record<Dimension, string> = {
  count: '', bits: 'bit', time: 's', temperature: 'K', ratio: '', intensity: 'FLOP/B', energy: 'J', power: 'W',
};

const QUANTITY = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s].*?)?\s*$/;

/** Parses a number or a "value unit" string of the given dimension into SI, naming `field` on error. */
export function parseQuantity(field: string, raw: unknown, dimension: Dimension): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') throw new InputError(field, `expected a number, got ${JSON.stringify(raw)}`);
  const match = QUANTITY.exec(raw);
  if (!match) throw new InputError(field, `expected a number${unitHint(dimension)}, got '${raw}'`);
  const value = Number(match[1]);
  const unit = (match[2] ?? '').trim();
  const table = UNITS[dimension];
  // A bare number is already in the field's SI unit.
  const factor = unit === '' ? 1 : (table[unit] ?? table[unit.toLowerCase()]);
  if (factor === undefined) {
    const allowed = Object.keys(table).filter(Boolean);
    const list = allowed.length ? `allowed: ${allowed.join(', ')}` : 'this field takes a plain number';
    throw new InputError(field, `unknown unit '${unit}' (${list})`);
  }
  return value * factor;
}

function unitHint(dimension: Dimension): string {
  const units = Object.keys(UNITS[dimension]).filter(Boolean);
  return units.length ? ` optionally followed by a unit (${units.slice(0, 8).join(', ')})` : '';
}

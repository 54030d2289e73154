/**
 * The last check before a result is printed or returned: every number in it is finite, and every
 * energy (a field whose name ends in `_J` or `_kWh`, or a number inside such a field) is ≥ 0. It walks
 * the whole document, so fields added later are covered without being listed here.
 */
import { InputError } from './errors.js';

const ENERGY_KEY = /(?:_J|_kWh)$/;

/** Path and value of the first non-finite number (or negative energy) in `value`, or undefined. */
export function findBadNumber(value: unknown, path = '', inEnergy = false, seen = new Set<object>()): { path: string; value: number } | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (inEnergy && value < 0)) return { path: path || 'value', value };
    return undefined;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length; i++) {
      const bad = findBadNumber(items[i], `${path}[${i}]`, inEnergy, seen);
      if (bad) return bad;
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadNumber(value[i], `${path}[${i}]`, inEnergy, seen);
      if (bad) return bad;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const bad = findBadNumber(item, path ? `${path}.${key}` : key, inEnergy || ENERGY_KEY.test(key), seen);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * Throws InputError('result') when `value` holds a NaN, an infinity or a negative energy: the inputs
 * were accepted one by one but together leave the range where the model is finite and meaningful.
 */
export function assertFiniteResult(value: unknown): void {
  const bad = findBadNumber(value);
  if (!bad) return;
  const what = Number.isFinite(bad.value) ? `negative (${bad.value})` : String(bad.value);
  throw new InputError('result', `${bad.path} is ${what} for these inputs: they leave the range where the model is finite; move the extreme inputs toward their defaults`);
}

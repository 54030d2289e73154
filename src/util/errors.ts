/**
 * A user error: bad input that the user can fix. The CLI prints `error: <field>: <message>` on one
 * line and exits with code 2, without a stack trace. Programming errors stay ordinary Errors.
 */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** Throws an InputError unless `value` is a finite number within [min, max] (bounds inclusive unless told). */
export function requireNumber(
  field: string,
  value: unknown,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean } = {},
): number {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false, integer = false } = range;
  const allowed = describeRange(range);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(field, `must be a finite number ${allowed}, got ${String(value)}`);
  }
  if (integer && !Number.isInteger(value)) throw new InputError(field, `must be a whole number ${allowed}, got ${value}`);
  if (minExclusive ? value <= min : value < min) throw new InputError(field, `must be ${allowed}, got ${value}`);
  if (maxExclusive ? value >= max : value > max) throw new InputError(field, `must be ${allowed}, got ${value}`);
  return value;
}

export function describeRange(range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
  const { min, max, minExclusive = false, maxExclusive = false } = range;
  const lo = min === undefined || min === -Infinity ? undefined : `${minExclusive ? '>' : '≥'} ${compactNumber(min)}`;
  const hi = max === undefined || max === Infinity ? undefined : `${maxExclusive ? '<' : '≤'} ${compactNumber(max)}`;
  if (lo && hi) return `${lo} and ${hi}`;
  return lo ?? hi ?? '';
}

/** 1e30 rather than 1e+30; plain digits for ordinary numbers. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return n.toExponential().replace('e+', 'e').replace(/\.?0+e/, 'e');
  return String(n);
}

/**
 * Number formatting for people: SI prefixes over the whole range limbound meets (zJ … YJ), never a
 * false zero. Machine outputs (JSON, CSV) keep full-precision numbers; these helpers are for text.
 */

const PREFIXES: ReadonlyArray<readonly [number, string]> = [
  [24, 'Y'], [21, 'Z'], [18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''],
  [-3, 'm'], [-6, 'µ'], [-9, 'n'], [-12, 'p'], [-15, 'f'], [-18, 'a'], [-21, 'z'], [-24, 'y'],
];

/**
 * `formatSI(1.65e8, 'J')` → "165 MJ"; `formatSI(2.87e-21, 'J')` → "2.87 zJ". Values beyond the prefix
 * range fall back to scientific notation ("3.2e30 J"), so nothing rounds to zero.
 */
export function formatSI(value: number, unit: string, digits = 3): string {
  if (Number.isNaN(value)) return `NaN ${unit}`.trim();
  if (!Number.isFinite(value)) return `${value > 0 ? '∞' : '-∞'} ${unit}`.trim();
  if (value === 0) return `0 ${unit}`.trim();
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  let exp3 = Math.floor(Math.log10(abs) / 3) * 3;
  // Rounding may carry to the next prefix (999.6 → 1.00 k).
  let mantissa = abs / 10 ** exp3;
  if (Number(mantissa.toPrecision(digits)) >= 1000) {
    exp3 += 3;
    mantissa = abs / 10 ** exp3;
  }
  const prefix = PREFIXES.find(([e]) => e === exp3);
  if (!prefix) return `${sign}${formatScientific(abs, digits)} ${unit}`.trim();
  return `${sign}${trimZeros(mantissa.toPrecision(digits))} ${prefix[1]}${unit}`.trim();
}

/** `formatScientific(1.8e27)` → "1.8e27"; keeps `digits` significant figures, trims trailing zeros. */
export function formatScientific(value: number, digits = 3): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const [m, e] = value.toExponential(digits - 1).split('e');
  return `${trimZeros(m!)}e${Number(e)}`;
}

/** A plain count for tables: exact below 1e6, scientific above ("93750", "1.8e27"). */
export function formatCount(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e6 && Number.isInteger(value)) return String(value);
  if (Math.abs(value) < 1e6 && Math.abs(value) >= 1e-3) return trimZeros(value.toPrecision(digits));
  return formatScientific(value, digits);
}

/** Seconds in a Julian year (365.25 d), the year of every limbound input and output. */
export const YEAR_S = 3.15576e7;

/** Human units of time, longest first; below a minute the SI second with prefixes is used. */
export const DURATION_UNITS: ReadonlyArray<readonly [seconds: number, name: string]> = [
  [YEAR_S, 'yr'],
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

/**
 * Seconds as a readable duration: "30 d", "1.5 h", "12 ns", "3.17e7 yr". The value is rounded in the
 * unit it falls in first, and a rounding that reaches the next unit moves up (59.9999 s → "1 min",
 * as formatSI carries 999.6 → "1 k"). From 1000 years on, years are written in scientific notation.
 */
export function formatDuration(seconds: number, digits = 3): string {
  if (!Number.isFinite(seconds)) return `${seconds} s`;
  const abs = Math.abs(seconds);
  const units = [...DURATION_UNITS, [1, 's'] as const];
  let i = units.findIndex(([size]) => abs >= size);
  if (i < 0) i = units.length - 1;
  let value = Number((abs / units[i]![0]).toPrecision(digits));
  if (i > 0 && value * units[i]![0] >= units[i - 1]![0]) {
    // Only a value just below the next unit rounds up to it, so it is exactly one of that unit.
    value = 1;
    i--;
  }
  const [, name] = units[i]!;
  if (name === 's') return formatSI(seconds, 's', digits);
  const sign = seconds < 0 ? '-' : '';
  if (name === 'yr' && value >= 1000) return `${sign}${formatScientific(value, digits)} yr`;
  return `${sign}${trimZeros(value.toPrecision(digits))} ${name}`;
}

function trimZeros(text: string): string {
  if (!text.includes('.') || text.includes('e')) return text;
  return text.replace(/\.?0+$/, '');
}

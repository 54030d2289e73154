/**
 * Numbers for machine output (CSV, JSON): 15 significant digits, the most a double always carries, so
 * the last-bit noise of arithmetic (29.999999999999996, 1799999999999999700) prints as the number meant.
 */
export function cleanNumber(value: number): number {
  if (!Number.isFinite(value) || value === 0 || Number.isSafeInteger(value)) return value; // exact integers (counts, seeds) stay as they are
  return Number(value.toPrecision(15));
}

/** A JSON.stringify replacer applying cleanNumber to every number. */
export function cleanNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? cleanNumber(value) : value;
}

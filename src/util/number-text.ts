/**
 * Reading a decimal number at the front of a piece of text, in one left-to-right pass. Regular
 * expressions with nested optional digit runs backtrack quadratically on long digit strings; this
 * scanner looks at each character once, so any input is read in time linear in its length.
 */

/** The longest number text accepted: 1e-300 and 64 significant digits fit; longer is not a number a user means. */
export const MAX_NUMBER_TEXT = 96;

/** Length of the decimal number (`[+-]digits[.digits][e[+-]digits]`, or `.digits…`) at the start of `text`, 0 if none. */
export function decimalPrefixLength(text: string, start = 0): number {
  let i = start;
  const n = text.length;
  const isDigit = (k: number) => k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  if (i < n && (text[i] === '+' || text[i] === '-')) i++;
  let digits = 0;
  while (isDigit(i)) {
    i++;
    digits++;
  }
  if (i < n && text[i] === '.') {
    let fraction = 0;
    let k = i + 1;
    while (isDigit(k)) {
      k++;
      fraction++;
    }
    // "5." is a number; a lone "." is not.
    if (digits > 0 || fraction > 0) {
      i = k;
      digits += fraction;
    }
  }
  if (digits === 0) return 0;
  if (i < n && (text[i] === 'e' || text[i] === 'E')) {
    let k = i + 1;
    if (k < n && (text[k] === '+' || text[k] === '-')) k++;
    const expStart = k;
    while (isDigit(k)) k++;
    if (k > expStart) i = k;
  }
  return i - start;
}

/**
 * Splits "  1.5e3 kJ " into its number and the rest (trimmed), or returns undefined when the text does
 * not start with a decimal number or is longer than `maxLength`.
 */
export function splitNumberAndUnit(text: string, maxLength = MAX_NUMBER_TEXT): { number: number; digits: string; unit: string } | undefined {
  if (text.length > maxLength) return undefined;
  const trimmed = text.trim();
  const length = decimalPrefixLength(trimmed);
  if (length === 0) return undefined;
  const digits = trimmed.slice(0, length);
  return { number: Number(digits), digits, unit: trimmed.slice(length).trim() };
}

/** True when the whole of `text` is one decimal number (no sign-less garbage, no unit). */
export function isDecimal(text: string, maxLength = MAX_NUMBER_TEXT): boolean {
  return text.length > 0 && text.length <= maxLength && decimalPrefixLength(text) === text.length;
}

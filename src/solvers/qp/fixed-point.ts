/**
 * An N-bit fixed-point parameter memory: cell i holds an unsigned code c ∈ {0, …, 2^N − 1} standing for
 * x_i = l_i + c·Δ_i with Δ_i = (u_i − l_i)/(2^N − 1), so the box [l_i, u_i] is the representable range and
 * the optimizer can never hold more precision than the memory has. Writing a new code changes
 * Hamming(old, new) bits: the measured N_eff of MODEL.md §2.7. Codes up to 52 bits are exact in a double.
 */
import { requireNumber } from '../../util/errors.js';

export const MAX_MEMORY_BITS = 52;
const TWO32 = 4294967296;

/** Number of set bits of a 32-bit integer (SWAR popcount, Hacker's Delight §5-1). */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance between two codes < 2^52 (split into 32-bit halves). */
export function hamming(a: number, b: number): number {
  const alo = a % TWO32, blo = b % TWO32;
  const ahi = (a - alo) / TWO32, bhi = (b - blo) / TWO32;
  return popcount32((alo ^ blo) >>> 0) + popcount32((ahi ^ bhi) >>> 0);
}

export class FixedPointMemory {
  readonly codes: Float64Array;
  readonly delta: Float64Array;
  readonly maxCode: number;

  constructor(
    readonly l: Float64Array,
    readonly u: Float64Array,
    readonly bits: number,
  ) {
    requireNumber('memory_bits', bits, { min: 1, max: MAX_MEMORY_BITS, integer: true });
    this.maxCode = 2 ** bits - 1;
    this.codes = new Float64Array(l.length);
    this.delta = Float64Array.from(l, (lo, i) => (u[i] - lo) / this.maxCode);
  }

  /** The code nearest to x (round half away from zero… of the offset, i.e. half up), clamped to the range. */
  quantize(i: number, x: number): number {
    const c = Math.round((x - this.l[i]) / this.delta[i]);
    return c < 0 ? 0 : c > this.maxCode ? this.maxCode : c;
  }

  /** Decodes every cell into `out`. */
  readAll(out: Float64Array): void {
    const { codes, l, delta } = this;
    for (let i = 0; i < codes.length; i++) out[i] = l[i] + codes[i] * delta[i];
  }

  /** Writes `code` into cell i; returns the bits changed. */
  write(i: number, code: number): number {
    const old = this.codes[i];
    if (old === code) return 0;
    this.codes[i] = code;
    return hamming(old, code);
  }
}

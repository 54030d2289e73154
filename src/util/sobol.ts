/**
 * Sobol' points in up to SOBOL_MAX_DIMENSION dimensions, 32-bit, in Gray-code order (Antonov & Saleev
 * 1979), with an optional random digital shift per dimension (each coordinate XOR a fixed 32-bit word),
 * which keeps every net property of the sequence and makes its estimates unbiased across shifts.
 * Point i depends only on i and the shift, so any split of an index range between threads gives the same
 * points.
 *
 * Direction numbers: S. Joe & F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30, 2635–2654 (2008), file new-joe-kuo-6.21201, rows d = 2 … 80
 * (columns s, a, m_i). Dimension 1 is the van der Corput sequence in base 2.
 *
 * Written here rather than taken from npm: the one package on the registry (`sobol` 1.1.4) ships no
 * built JavaScript, reads its table with `fs` (no browser) and builds 52-bit directions with 32-bit
 * shifts.
 */

const JOE_KUO: ReadonlyArray<readonly [s: number, a: number, m: readonly number[]]> = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
  [7, 7, [1, 1, 3, 13, 7, 35, 63]],
  [7, 8, [1, 3, 5, 9, 1, 25, 53]],
  [7, 14, [1, 3, 1, 13, 9, 35, 107]],
  [7, 19, [1, 3, 1, 5, 27, 61, 31]],
  [7, 21, [1, 1, 5, 11, 19, 41, 61]],
  [7, 28, [1, 3, 5, 3, 3, 13, 69]],
  [7, 31, [1, 1, 7, 13, 1, 19, 1]],
  [7, 32, [1, 3, 7, 5, 13, 19, 59]],
  [7, 37, [1, 1, 3, 9, 25, 29, 41]],
  [7, 41, [1, 3, 5, 13, 23, 1, 55]],
  [7, 42, [1, 3, 7, 3, 13, 59, 17]],
  [7, 50, [1, 3, 1, 3, 5, 53, 69]],
  [7, 55, [1, 1, 5, 5, 23, 33, 13]],
  [7, 56, [1, 1, 7, 7, 1, 61, 123]],
  [7, 59, [1, 1, 7, 9, 13, 61, 49]],
  [7, 62, [1, 3, 3, 5, 3, 55, 33]],
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]],
  [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]],
  [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]],
  [8, 38, [1, 3, 1, 11, 27, 43, 71, 9]],
  [8, 47, [1, 1, 7, 15, 21, 11, 81, 45]],
  [8, 49, [1, 3, 7, 3, 25, 31, 65, 79]],
  [8, 50, [1, 3, 1, 1, 19, 11, 3, 205]],
  [8, 52, [1, 1, 5, 9, 19, 21, 29, 157]],
  [8, 56, [1, 3, 7, 11, 1, 33, 89, 185]],
  [8, 67, [1, 3, 3, 3, 15, 9, 79, 71]],
  [8, 70, [1, 3, 7, 11, 15, 39, 119, 27]],
  [8, 84, [1, 1, 3, 1, 11, 31, 97, 225]],
  [8, 97, [1, 1, 1, 3, 23, 43, 57, 177]],
  [8, 103, [1, 3, 7, 7, 17, 17, 37, 71]],
  [8, 115, [1, 3, 1, 5, 27, 63, 123, 213]],
  [8, 122, [1, 1, 3, 5, 11, 43, 53, 133]],
  [9, 8, [1, 3, 5, 5, 29, 17, 47, 173, 479]],
  [9, 13, [1, 3, 3, 11, 3, 1, 109, 9, 69]],
  [9, 16, [1, 1, 1, 5, 17, 39, 23, 5, 343]],
  [9, 22, [1, 3, 1, 5, 25, 15, 31, 103, 499]],
  [9, 25, [1, 1, 1, 11, 11, 17, 63, 105, 183]],
  [9, 44, [1, 1, 5, 11, 9, 29, 97, 231, 363]],
  [9, 47, [1, 1, 5, 15, 19, 45, 41, 7, 383]],
  [9, 52, [1, 3, 7, 7, 31, 19, 83, 137, 221]],
  [9, 55, [1, 1, 1, 3, 23, 15, 111, 223, 83]],
  [9, 59, [1, 1, 5, 13, 31, 15, 55, 25, 161]],
  [9, 62, [1, 1, 3, 13, 25, 47, 39, 87, 257]],
  [9, 67, [1, 1, 1, 11, 21, 53, 125, 249, 293]],
  [9, 74, [1, 1, 7, 11, 11, 7, 57, 79, 323]],
  [9, 81, [1, 1, 5, 5, 17, 13, 81, 3, 131]],
  [9, 82, [1, 1, 7, 13, 23, 7, 65, 251, 475]],
  [9, 87, [1, 3, 5, 1, 9, 43, 3, 149, 11]],
  [9, 91, [1, 1, 3, 13, 31, 13, 13, 255, 487]],
  [9, 94, [1, 3, 3, 1, 5, 63, 89, 91, 127]],
  [9, 103, [1, 1, 3, 3, 1, 19, 123, 127, 237]],
  [9, 104, [1, 1, 5, 7, 23, 31, 37, 243, 289]],
  [9, 109, [1, 1, 5, 11, 17, 53, 117, 183, 491]],
  [9, 122, [1, 1, 1, 5, 1, 13, 13, 209, 345]],
  [9, 124, [1, 1, 3, 15, 1, 57, 115, 7, 33]],
  [9, 137, [1, 3, 1, 11, 7, 43, 81, 207, 175]],
  [9, 138, [1, 3, 1, 1, 15, 27, 63, 255, 49]],
  [9, 143, [1, 3, 5, 3, 27, 61, 105, 171, 305]],
  [9, 145, [1, 1, 5, 3, 1, 3, 57, 249, 149]],
];

export const SOBOL_MAX_DIMENSION = JOE_KUO.length + 1;
const BITS = 32;
const TWO_POW_32 = 4294967296;

/** Direction numbers v[d·32 + k] of the first `dimension` dimensions: v[d·32 + k] goes with bit k of the Gray code. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(dimension * BITS);
  for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
  for (let d = 1; d < dimension; d++) {
    const [s, a, m] = JOE_KUO[d - 1]!;
    const base = d * BITS;
    for (let k = 0; k < BITS; k++) {
      if (k < s) {
        v[base + k] = (m[k]! * 2 ** (BITS - 1 - k)) >>> 0;
        continue;
      }
      let value = v[base + k - s]! ^ (v[base + k - s]! >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) value ^= v[base + k - j]!;
      v[base + k] = value >>> 0;
    }
  }
  return v;
}

export class SobolSequence {
  private readonly v: Uint32Array;
  private readonly shift: Uint32Array;
  private readonly x: Uint32Array;

  /** `shift`: one 32-bit word per dimension (omitted: the unshifted sequence). */
  constructor(readonly dimension: number, shift?: Uint32Array) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
      throw new RangeError(`Sobol dimension must be 1..${SOBOL_MAX_DIMENSION}, got ${dimension}`);
    }
    if (shift && shift.length < dimension) throw new RangeError('one shift word per dimension is needed');
    this.v = directionNumbers(dimension);
    this.shift = shift ? shift.slice(0, dimension) : new Uint32Array(dimension);
    this.x = new Uint32Array(dimension);
  }

  /**
   * Writes points start … start+count−1 row by row into `out` (count × dimension) as numbers in (0, 1):
   * coordinate (x + ½)/2³², so that no point sits on 0 or 1 (inverse CDFs stay finite).
   */
  fill(start: number, count: number, out: Float64Array): Float64Array {
    const dim = this.dimension;
    if (!Number.isInteger(start) || start < 0 || start + count > 2 ** 31) throw new RangeError('Sobol index out of range');
    if (out.length < count * dim) throw new RangeError('output too short');
    const { v, x, shift } = this;
    // First point directly from the Gray code of its index, then one XOR per coordinate and step.
    const gray = (start ^ Math.floor(start / 2)) >>> 0;
    for (let d = 0; d < dim; d++) {
      let value = 0;
      for (let k = 0; k < BITS; k++) if ((gray >>> k) & 1) value ^= v[d * BITS + k]!;
      x[d] = value;
    }
    for (let i = 0; i < count; i++) {
      const row = i * dim;
      for (let d = 0; d < dim; d++) out[row + d] = (((x[d]! ^ shift[d]!) >>> 0) + 0.5) / TWO_POW_32;
      // Next index n+1 differs in Gray code at the bit of the lowest zero of n.
      const n = start + i;
      const bit = 31 - Math.clz32((n + 1) & -(n + 1));
      for (let d = 0; d < dim; d++) x[d] = (x[d]! ^ v[d * BITS + bit]!) >>> 0;
    }
    return out;
  }
}

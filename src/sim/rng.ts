/**
 * Random numbers for the simulator: one independent xoshiro128** stream per particle, seeded by hashing
 * (seed, particle index), so a particle's trajectory depends only on the seed and its index — never on
 * how particles are split between threads. Normals come from a 256-layer ziggurat.
 *
 * - xoshiro128**: D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators",
 *   ACM Trans. Math. Softw. 47, 36 (2021). 32-bit state words, period 2^128 − 1.
 * - Seeding hash: the 32-bit "lowbias32" integer finaliser (C. Wellons, hash-prospector, 2018),
 *   applied twice over the seed words, the particle index and the state-word number.
 * - Ziggurat: G. Marsaglia & W. W. Tsang, "The ziggurat method for generating random variables",
 *   J. Stat. Softw. 5(8) (2000): R and V below are their 256-layer constants. As advised by J. Doornik
 *   (2005), the layer index and the abscissa use disjoint bits of the 32-bit draw.
 *
 * The hot loops in engine.ts inline the generator and the ziggurat's fast path (state in local variables);
 * this module holds the tables, the slow path and a small object API for everything that is not hot.
 */

import { nextInt32 } from '../util/xoshiro128.js';

export { nextInt32 };

/** Number of ziggurat layers (a power of two: the layer is the low 8 bits of a draw). */
export const ZIGGURAT_LAYERS = 256;
/** Start of the tail, Marsaglia & Tsang (2000), 256 layers. */
export const ZIGGURAT_R = 3.6541528853610088;
/** Area of each layer (incl. the base strip with the tail) under exp(−x²/2), Marsaglia & Tsang (2000). */
export const ZIGGURAT_V = 0.00492867323399;

/**
 * Layer edges X[0..256]: X[0] = V/f(R) (virtual width of the base strip), X[1] = R, …, X[256] = 0, where
 * f(x) = exp(−x²/2) and each layer i spans heights [f(X[i]), f(X[i+1])].
 */
export const ZIG_X: Float64Array = buildLayerEdges();
/** f(X[i]). */
export const ZIG_F: Float64Array = ZIG_X.map((x) => Math.exp(-0.5 * x * x));
/** Scale from the signed 24-bit abscissa (plus one half) to x in layer i: X[i] / 2^23. */
export const ZIG_W: Float64Array = ZIG_X.slice(0, ZIGGURAT_LAYERS).map((x) => x / 8388608);

function buildLayerEdges(): Float64Array {
  const x = new Float64Array(ZIGGURAT_LAYERS + 1);
  const f = (v: number) => Math.exp(-0.5 * v * v);
  x[0] = ZIGGURAT_V / f(ZIGGURAT_R);
  x[1] = ZIGGURAT_R;
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) x[i + 1] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / x[i] + f(x[i])));
  x[ZIGGURAT_LAYERS] = 0;
  return x;
}

/** lowbias32 finaliser (Wellons 2018): a bijective 32-bit mix with low avalanche bias. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Largest accepted seed: seeds are whole numbers that a double holds exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * Writes the 4-word xoshiro128** state of particle `index` for `seed` into `state[offset..offset+3]`.
 * Different (seed, index) pairs give unrelated states; the all-zero state (invalid) is never produced.
 */
export function seedParticle(seed: number, index: number, state: Uint32Array, offset: number): void {
  const seedLo = seed % 4294967296;
  const seedHi = Math.floor(seed / 4294967296);
  const key = mix32(mix32(seedLo ^ 0x9e3779b9) ^ mix32(seedHi + 0x7f4a7c15));
  const base = mix32(key ^ mix32(index + 0x632be5ab)) ^ mix32(Math.floor(index / 4294967296) + 0x85ebca6b);
  let any = 0;
  for (let j = 0; j < 4; j++) {
    const word = mix32(mix32(base + Math.imul(j + 1, 0x9e3779b9)) ^ key);
    state[offset + j] = word;
    any |= word;
  }
  if (any === 0) state[offset] = 1;
}

/** A uniform double in the open interval (0, 1) from one 32-bit draw (never 0: safe for log). */
export function nextOpenUnit(state: Uint32Array, offset: number): number {
  return ((nextInt32(state, offset) >>> 0) + 0.5) * 2.3283064365386963e-10;
}

/** A uniform double in [0, 1) with 53 random bits (two draws). */
export function nextUnit53(state: Uint32Array, offset: number): number {
  const a = nextInt32(state, offset) >>> 5;
  const b = nextInt32(state, offset) >>> 6;
  return (a * 67108864 + b) * 1.1102230246251565e-16;
}

/**
 * The ziggurat's slow path, entered after the fast test failed for draw `r` (a signed 32-bit integer):
 * handles the tail (layer 0) and the wedges, drawing more numbers from the stream as needed.
 * The inlined fast path in engine.ts and `nextNormal` share it, so both give identical sequences.
 */
export function normalSlowPath(state: Uint32Array, offset: number, r: number): number {
  for (;;) {
    const i = r & 255;
    const u = (r >> 8) + 0.5;
    const z = u * ZIG_W[i];
    if (Math.abs(z) < ZIG_X[i + 1]) return z;
    if (i === 0) {
      // Tail beyond R: Marsaglia (1964), x = R + a with a ~ Exp(R) accepted with probability exp(−a²/2).
      for (;;) {
        const a = -Math.log(nextOpenUnit(state, offset)) / ZIGGURAT_R;
        const b = -Math.log(nextOpenUnit(state, offset));
        if (b + b >= a * a) return u < 0 ? -(ZIGGURAT_R + a) : ZIGGURAT_R + a;
      }
    }
    // Wedge between X[i+1] and X[i]: accept under the curve.
    const y = ZIG_F[i] + nextOpenUnit(state, offset) * (ZIG_F[i + 1] - ZIG_F[i]);
    if (y < Math.exp(-0.5 * z * z)) return z;
    r = nextInt32(state, offset);
  }
}

/** A standard normal deviate (same sequence as the inlined kernels). */
export function nextNormal(state: Uint32Array, offset: number): number {
  const r = nextInt32(state, offset);
  const i = r & 255;
  const z = ((r >> 8) + 0.5) * ZIG_W[i];
  if (Math.abs(z) < ZIG_X[i + 1]) return z;
  return normalSlowPath(state, offset, r);
}

/** A single random stream as an object, for set-up code (initial states, tests). */
export class RandomStream {
  readonly state = new Uint32Array(4);
  constructor(seed: number, index = 0) {
    seedParticle(seed, index, this.state, 0);
  }
  int32(): number {
    return nextInt32(this.state, 0);
  }
  unit(): number {
    return nextUnit53(this.state, 0);
  }
  normal(): number {
    return nextNormal(this.state, 0);
  }
}

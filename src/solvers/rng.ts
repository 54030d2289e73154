/**
 * Deterministic pseudo-random numbers for the solvers, in 32-bit integer arithmetic only (fast in JS,
 * bit-identical in the C reference bench/c/anneal_ref.c).
 *
 * Generator: xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM Trans. Math. Softw. 47(4), 2021). Seeding: the state words come from a counter passed through the
 * 32-bit finalizer of MurmurHash3 (fmix32, A. Appleby), a common way to spread a small seed over the state.
 */
import { nextInt32 } from '../util/xoshiro128.js';

/** fmix32: a bijective 32-bit avalanche mix. */
export function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The 4-word state of stream `stream` of seed `seed` (e.g. one stream per restart), so restarts are
 * independent and reproducible whatever order or thread runs them.
 */
export function seedState(seed: number, stream = 0): Uint32Array {
  const state = new Uint32Array(4);
  let counter = (mix32(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  for (let k = 0; k < 4; k++) {
    counter = (counter + 0x9e3779b9) >>> 0;
    state[k] = mix32(counter);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // the all-zero state is a fixed point
  return state;
}

/** One xoshiro128** step on `s` (mutated); returns an unsigned 32-bit integer. */
export function nextUint32(s: Uint32Array): number {
  return nextInt32(s, 0) >>> 0;
}

/** A uniform double in (0, 1): (r + 0.5)·2^-32, never 0 or 1. */
export function nextUnit(s: Uint32Array): number {
  return (nextUint32(s) + 0.5) * 2.3283064365386963e-10;
}

/** A seeded generator object for code outside the hot loops. */
export class Rng {
  readonly state: Uint32Array;
  constructor(seed: number, stream = 0) {
    this.state = seedState(seed, stream);
  }
  uint32(): number {
    return nextUint32(this.state);
  }
  /** Uniform in (0, 1). */
  unit(): number {
    return nextUnit(this.state);
  }
  /** Uniform integer in [0, n) (multiply-shift; bias ≤ n/2^32, irrelevant here). */
  below(n: number): number {
    return Math.floor(this.unit() * n);
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.unit())) * Math.cos(2 * Math.PI * this.unit());
  }
}

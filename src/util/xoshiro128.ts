/**
 * The xoshiro128** step (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM Trans. Math. Softw. 47, 36 (2021)) on a 4-word state held at `state[offset..offset+3]`, shared by
 * the simulator's per-particle streams and the solvers' per-restart streams; each seeds its own states.
 * Hot loops inline the same step with the state in local variables.
 */

/** Advances the xoshiro128** state at `offset` and returns the next output as a signed 32-bit integer. */
export function nextInt32(state: Uint32Array, offset: number): number {
  let s0 = state[offset] | 0;
  let s1 = state[offset + 1] | 0;
  let s2 = state[offset + 2] | 0;
  let s3 = state[offset + 3] | 0;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  state[offset] = s0;
  state[offset + 1] = s1;
  state[offset + 2] = s2;
  state[offset + 3] = s3;
  return result;
}

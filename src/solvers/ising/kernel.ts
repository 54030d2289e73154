/**
 * The Metropolis single-spin-flip sweep (Metropolis et al., J. Chem. Phys. 21, 1087, 1953): visit the
 * spins in index order; a flip with ΔH = 2·s_i·f_i < 0 is accepted, an uphill flip with probability
 * e^{−ΔH/T}, and a zero-energy flip with probability 1/2. (Plain Metropolis accepts ΔH = 0 always; with a
 * fixed visiting order that makes plateau moves deterministic, and on a 4-cycle, for one, the walk then
 * cycles forever without reaching the ground state. Any symmetric acceptance of ΔH = 0 moves keeps
 * detailed balance; 1/2 is the heat-bath value there, Glauber, J. Math. Phys. 4, 294, 1963.)
 * Accepted flips update the neighbours' local fields incrementally (f_j += 2·s_i'·J_ij), so an attempt
 * costs O(1) and a flip O(deg i).
 *
 * Acceptance is decided in integers: with r the next xoshiro128** output, accept iff r < p·2^32 − 0.5,
 * i.e. (r + 0.5)·2^−32 < p. The integer kernel reads p·2^32 − 0.5 from a table indexed by s_i·f_i, filled
 * once per sweep; the float kernel evaluates the same expression with Math.exp, so both kernels (and the C
 * reference bench/c/anneal_ref.c) make identical decisions. A random number is drawn only for moves with
 * ΔH ≥ 0.
 *
 * Zero-energy moves in the real-valued kernel: a field summed in floating point is off by round-off (−0.1 − 0.2 +
 * 0.3 = −5.6e−17), which would let the rounding, not the ½ rule, decide a move that is exactly level. So a
 * |s_i·f_i| at or below zeroMoveTolerance (1e−12 of the largest field the problem can produce) counts as
 * zero. Integer fields are exact and that tolerance is below 1 there, so integer decisions are unchanged.
 *
 * Nothing is allocated here; counts go to `stats` (STAT_* indices).
 * wasm-kernel.ts holds the same integer sweep in WebAssembly, used by default where available.
 */

/** stats[STAT_FLIPS]: accepted flips; [STAT_DEGREE_SUM]: Σ degree of flipped spins; [STAT_ATTEMPTS]: greedyDescent's attempts. */
export const STAT_FLIPS = 0;
export const STAT_DEGREE_SUM = 1;
export const STAT_ATTEMPTS = 2;

/**
 * Relative size below which a local field counts as zero: well above the round-off of the field sums and their
 * incremental updates (~1e−16 of the scale per operation), below any genuine field unless the weights span 12
 * orders of magnitude.
 */
export const ZERO_MOVE_RELATIVE_TOLERANCE = 1e-12;

/** |s·f| ≤ this is a zero-energy move; `maxAbsField` is the largest |f| any state can produce. */
export function zeroMoveTolerance(maxAbsField: number): number {
  return ZERO_MOVE_RELATIVE_TOLERANCE * maxAbsField;
}

const TWO32 = 4294967296;

/** Acceptance probability of a zero-energy flip. */
export const ZERO_MOVE_ACCEPTANCE = 0.5;

/**
 * Fills thr[0] = 2^31 − 0.5 (probability 1/2) and thr[k] = e^{−2k/T}·2^32 − 0.5 for k = 1, 2, … while it is
 * positive, up to thr.length − 1; returns the table length in use (k at or beyond it is never accepted).
 * T = 0 gives length 1.
 */
export function fillAcceptanceTable(thr: Float64Array, temperature: number): number {
  const beta = 2 / temperature;
  thr[0] = ZERO_MOVE_ACCEPTANCE * TWO32 - 0.5;
  let k = 1;
  for (; k < thr.length; k++) {
    const t = Math.exp(-k * beta) * TWO32 - 0.5;
    if (!(t > 0)) break;
    thr[k] = t;
  }
  return Math.max(k, 1);
}

/**
 * Integer problems keep each spin and its local field packed in one int: st[i] = 2·f_i + b_i, with b_i = 1
 * for s_i = +1, so an attempt reads one word (k_i = s_i·f_i is recovered with a sign mask). Couplings are
 * stored as 4·J: flipping s_i to s_i' adds 2·s_i'·J_ij to f_j, i.e. ±4·J_ij to st[j], and leaves b_j alone.
 */
export function packState(spin: Int32Array, field: Int32Array, st: Int32Array): void {
  for (let i = 0; i < spin.length; i++) st[i] = (field[i] << 1) | (spin[i] > 0 ? 1 : 0);
}

export function unpackSpins(st: Int32Array, spin: Int32Array | Int8Array): void {
  for (let i = 0; i < st.length; i++) spin[i] = st[i] & 1 ? 1 : -1;
}

export function unpackFields(st: Int32Array, field: Int32Array): void {
  for (let i = 0; i < st.length; i++) field[i] = st[i] >> 1;
}

/**
 * The adjacency of the integer kernel, interleaved: adj[2e] = neighbour, adj[2e + 1] = 4·J of that edge,
 * for the CSR edges e of src/solvers/ising/problem.ts (one stream through memory per flip).
 */
export function interleavedAdjacency(col: Int32Array, J: Float64Array): Int32Array {
  const adj = new Int32Array(2 * col.length);
  for (let e = 0; e < col.length; e++) {
    adj[2 * e] = col[e];
    adj[2 * e + 1] = 4 * J[e];
  }
  return adj;
}

/** One sweep of the integer kernel on the packed state; returns ΔH. */
export function sweepPacked(
  n: number,
  rowPtr: Int32Array,
  adj: Int32Array,
  st: Int32Array,
  thr: Float64Array,
  tableLength: number,
  rng: Uint32Array,
  stats: Float64Array,
): number {
  let s0 = rng[0] | 0, s1 = rng[1] | 0, s2 = rng[2] | 0, s3 = rng[3] | 0;
  let dE = 0;
  let flips = 0;
  let degSum = 0;
  for (let i = 0; i < n; i++) {
    const v = st[i];
    const m0 = (v & 1) - 1; // 0 for s = +1, −1 for s = −1
    const k = ((v >> 1) ^ m0) - m0;
    if (k >= tableLength) continue; // rejected without a random number
    if (k >= 0) {
      // xoshiro128** step, inlined.
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (!(r < thr[k])) continue;
    }
    st[i] = v ^ 1;
    const d = m0 !== 0 ? 1 : -1; // the new spin: neighbours' fields change by 2·d·J
    const start = rowPtr[i] << 1;
    const end = rowPtr[i + 1] << 1;
    let e = start;
    // Unrolled by 8 edges: V8 runs this scatter markedly faster than the plain loop (bench/anneal.bench.ts).
    for (const e16 = end - 15; e < e16; e += 16) {
      const c0 = adj[e], c1 = adj[e + 2], c2 = adj[e + 4], c3 = adj[e + 6];
      const c4 = adj[e + 8], c5 = adj[e + 10], c6 = adj[e + 12], c7 = adj[e + 14];
      st[c0] += d * adj[e + 1];
      st[c1] += d * adj[e + 3];
      st[c2] += d * adj[e + 5];
      st[c3] += d * adj[e + 7];
      st[c4] += d * adj[e + 9];
      st[c5] += d * adj[e + 11];
      st[c6] += d * adj[e + 13];
      st[c7] += d * adj[e + 15];
    }
    for (; e < end; e += 2) st[adj[e]] += d * adj[e + 1];
    dE += 2 * k;
    flips++;
    degSum += (end - start) >> 1;
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = s3;
  stats[STAT_FLIPS] += flips;
  stats[STAT_DEGREE_SUM] += degSum;
  return dE;
}

/** The same sweep for real-valued couplings: p = e^{−2k/T} evaluated per uphill attempt; |k| ≤ zeroTol is a zero move. */
export function sweepFloat(
  n: number,
  rowPtr: Int32Array,
  col: Int32Array,
  J: Float64Array,
  spin: Int32Array,
  field: Float64Array,
  temperature: number,
  zeroTol: number,
  rng: Uint32Array,
  stats: Float64Array,
): number {
  const beta = 2 / temperature;
  let s0 = rng[0] | 0, s1 = rng[1] | 0, s2 = rng[2] | 0, s3 = rng[3] | 0;
  let dE = 0;
  let flips = 0;
  let degSum = 0;
  for (let i = 0; i < n; i++) {
    const si = spin[i];
    const k = si * field[i];
    let accept = k < -zeroTol;
    if (!accept) {
      const p = k <= zeroTol ? ZERO_MOVE_ACCEPTANCE : Math.exp(-k * beta);
      if (p * TWO32 - 0.5 > 0) {
        const m = Math.imul(s1, 5);
        const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        accept = r < p * TWO32 - 0.5;
      }
    }
    if (accept) {
      const sn = -si;
      spin[i] = sn;
      const d = 2 * sn;
      const end = rowPtr[i + 1];
      const start = rowPtr[i];
      let e = start;
      // Unrolled by 8: V8 runs this scatter ≈1.5× faster than the plain loop (bench/anneal.bench.ts).
      for (const e8 = end - 7; e < e8; e += 8) {
        const c0 = col[e], c1 = col[e + 1], c2 = col[e + 2], c3 = col[e + 3];
        const c4 = col[e + 4], c5 = col[e + 5], c6 = col[e + 6], c7 = col[e + 7];
        field[c0] += d * J[e];
        field[c1] += d * J[e + 1];
        field[c2] += d * J[e + 2];
        field[c3] += d * J[e + 3];
        field[c4] += d * J[e + 4];
        field[c5] += d * J[e + 5];
        field[c6] += d * J[e + 6];
        field[c7] += d * J[e + 7];
      }
      for (; e < end; e++) field[col[e]] += d * J[e];
      dE += 2 * k;
      flips++;
      degSum += end - start;
    }
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = s3;
  stats[STAT_FLIPS] += flips;
  stats[STAT_DEGREE_SUM] += degSum;
  return dE;
}

/**
 * Zero-temperature greedy descent: flip any spin with ΔH < 0 (below −2·zeroTol: a round-off "descent" is a
 * level move) until a full pass finds none (a 1-flip local minimum). Returns ΔH; counts attempts, flips and degrees.
 */
export function greedyDescent(
  n: number,
  rowPtr: Int32Array,
  col: Int32Array,
  J: Float64Array,
  spin: Int32Array,
  field: Float64Array | Int32Array,
  zeroTol: number,
  stats: Float64Array,
): number {
  let dE = 0;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n; i++) {
      stats[STAT_ATTEMPTS]++;
      const k = spin[i] * field[i];
      if (k < -zeroTol) {
        const sn = -spin[i];
        spin[i] = sn;
        const d = 2 * sn;
        for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) field[col[e]] += d * J[e];
        dE += 2 * k;
        stats[STAT_FLIPS]++;
        stats[STAT_DEGREE_SUM] += rowPtr[i + 1] - rowPtr[i];
        improved = true;
      }
    }
  }
  return dE;
}

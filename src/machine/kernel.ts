/**
 * The coupled-cell kernel: n overdamped Langevin cells, γ dx_i = −∂H/∂x_i dt + √(2γkT) dW_i (kT = γ = 1),
 * integrated by Euler–Maruyama with Sekimoto's work accounted step by step exactly as the single-cell
 * simulator does (src/sim/engine.ts): first the controls move at fixed x (work, split into the barrier part
 * ΔH_cells and the coupling part ΔH_problem), then every cell moves at the new controls (heat). All cells
 * move together (a synchronous step): the coupling fields of a step are computed from the positions
 * before it.
 *
 * One replica has one xoshiro128** stream seeded like a simulator particle (src/sim/rng.ts), used cell by
 * cell in index order, so a replica's trajectory depends on the seed and its index only: any number of
 * threads gives the same result. Nothing is allocated per step: the controls of a chunk are tabulated once
 * in a small typed array and the state lives in typed arrays.
 *
 * `advance` below is the reference step loop; wasm-kernel.ts runs the same loop, bit for bit, as
 * WebAssembly, which replicas use by default (about three times as fast on G22; `kernel: 'js'` selects this one).
 */
import { choleskyInPlace } from '../solvers/qp/linalg.js';
import { ZIG_W, ZIG_X, normalSlowPath, nextInt32, nextNormal, seedParticle } from '../sim/rng.js';
import { denseK, type MachineProblem } from './problem.js';
import { A0, A2, A4, CHANNELS, LAMBDA, MU, controlsAt, type BuiltProtocol } from './protocol.js';
import { CHUNK_STEPS, ControlTable, ReplicaState, W_BARRIER, W_COUPLING, FLIPS, READ_COUNT, READ_PROBLEM, READ_SQUARES } from './state.js';
import { wasmKernelFor } from './wasm-kernel.js';

export { CHUNK_STEPS };

/** Hysteresis of the bit read-out: a cell's bit changes when it crosses ∓HYSTERESIS·x_well. */
export const HYSTERESIS = 0.5;

/**
 * Advances one replica `steps` steps of length dt through the table. `hysteresis` is the bit threshold
 * (∓ on x); with `readout` the positions, the problem energy and Σx² are accumulated (time averages).
 * A step that ends beyond a wall at ±`wall` is reflected back into the box (∞: no walls).
 */
export function advance(p: MachineProblem, st: ReplicaState, table: ControlTable, steps: number, dt: number, hysteresis: number, readout: boolean, wall = Infinity): void {
  const n = p.n;
  const rowPtr = p.rowPtr;
  const col = p.col;
  const val = p.val;
  const diag = p.diag;
  const g = p.field;
  const X = st.x;
  const F = st.f;
  const S = st.side;
  const SX = st.sumX;
  const R = st.rng;
  const T = table.values;
  const stride = table.stride;
  const zw = ZIG_W;
  const zx = ZIG_X;
  const noise = Math.sqrt(2 * dt);
  const walled = wall < Infinity;
  let wBarrier = st.acc[W_BARRIER];
  let wCoupling = st.acc[W_COUPLING];
  let flips = st.acc[FLIPS];
  let readCount = st.acc[READ_COUNT];
  let readProblem = st.acc[READ_PROBLEM];
  let readSquares = st.acc[READ_SQUARES];
  let s0 = R[0] | 0;
  let s1 = R[1] | 0;
  let s2 = R[2] | 0;
  let s3 = R[3] | 0;
  let b4 = T[A4 * stride];
  let b2 = T[A2 * stride];
  let b0 = T[A0 * stride];
  let bl = T[LAMBDA * stride];
  let bm = T[MU * stride];
  for (let k = 1; k <= steps; k++) {
    const c4 = T[A4 * stride + k];
    const c2 = T[A2 * stride + k];
    const c0 = T[A0 * stride + k];
    const lam = T[LAMBDA * stride + k];
    const mu = T[MU * stride + k];
    // Coupling fields from the positions before the step.
    for (let i = 0; i < n; i++) {
      let s = 0;
      const end = rowPtr[i + 1];
      for (let e = rowPtr[i]; e < end; e++) s += val[e] * X[col[e]];
      F[i] = s;
    }
    let sum4 = 0;
    let sum2 = 0;
    let quad = 0;
    let lin = 0;
    const c4x4 = 4 * c4;
    const c2x2 = 2 * c2;
    for (let i = 0; i < n; i++) {
      const x = X[i];
      const x2 = x * x;
      sum4 += x2 * x2;
      sum2 += x2;
      const fi = F[i] + diag[i] * x;
      const gi = g[i];
      quad += x * fi;
      lin += gi * x;
      if (readout) SX[i] += x;
      const force = -((c4x4 * x2 + c2x2) * x + lam * fi + mu * gi);
      // xoshiro128** (Blackman & Vigna), inlined as in src/sim/engine.ts.
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const layer = r & 255;
      let z = ((r >> 8) + 0.5) * zw[layer];
      if (Math.abs(z) >= zx[layer + 1]) {
        R[0] = s0;
        R[1] = s1;
        R[2] = s2;
        R[3] = s3;
        z = normalSlowPath(R, 0, r);
        s0 = R[0] | 0;
        s1 = R[1] | 0;
        s2 = R[2] | 0;
        s3 = R[3] | 0;
      }
      let y = x + force * dt + noise * z;
      if (walled) {
        // Reflection off the upper wall, then the lower, without a branch that cells pressed against a wall
        // would mispredict (y inside is changed by at most a rounding of w); only a step that crossed the
        // box more than once can end above it, and it stops at the wall.
        y = wall - Math.abs(wall - y);
        y = Math.abs(y + wall) - wall;
        if (wall < y) y = wall;
      }
      X[i] = y;
      if (S[i] > 0) {
        if (y <= -hysteresis) {
          S[i] = -1;
          flips++;
        }
      } else if (y >= hysteresis) {
        S[i] = 1;
        flips++;
      }
    }
    wBarrier += (c4 - b4) * sum4 + (c2 - b2) * sum2 + n * (c0 - b0);
    wCoupling += (lam - bl) * 0.5 * quad + (mu - bm) * lin;
    if (readout) {
      readCount++;
      readProblem += 0.5 * quad + lin;
      readSquares += sum2;
    }
    b4 = c4;
    b2 = c2;
    b0 = c0;
    bl = lam;
    bm = mu;
  }
  R[0] = s0;
  R[1] = s1;
  R[2] = s2;
  R[3] = s3;
  st.acc[W_BARRIER] = wBarrier;
  st.acc[W_COUPLING] = wCoupling;
  st.acc[FLIPS] = flips;
  st.acc[READ_COUNT] = readCount;
  st.acc[READ_PROBLEM] = readProblem;
  st.acc[READ_SQUARES] = readSquares;
}

/** H(x) at controls c: Σ cells + λ·½xᵀKx + μ·gᵀx. */
export function totalEnergy(p: MachineProblem, x: Float64Array, c: ArrayLike<number>): number {
  let cells = 0;
  let quad = 0;
  let lin = 0;
  for (let i = 0; i < p.n; i++) {
    const xi = x[i];
    const x2 = xi * xi;
    cells += c[A4] * x2 * x2 + c[A2] * x2 + c[A0];
    let f = p.diag[i] * xi;
    for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++) f += p.val[e] * x[p.col[e]];
    quad += xi * f;
    lin += p.field[i] * xi;
  }
  return cells + c[LAMBDA] * 0.5 * quad + c[MU] * lin;
}

/** Per-replica results. */
export interface ReplicaResult {
  replica: number;
  /** Work per phase, kT: [barrier, coupling] for each phase in order. */
  phaseWork: Float64Array;
  /** H after the warm-up and at the end, kT. */
  initialEnergy: number;
  finalEnergy: number;
  /** Bit changes (hysteresis crossings) over the whole protocol, all cells. */
  flips: number;
  /** Time-averaged positions over the read-out phases (empty if there are none). */
  meanX: Float64Array;
  /** Time averages over the read-out phases of E_problem and of Σ_i x_i². */
  meanProblemEnergy: number;
  meanSquares: number;
  readoutSteps: number;
  /** Signs of the cells at the end of the last read-out phase (or of the run), ±1. */
  signs: Int8Array;
  /** Steps (all cells) at which the last read-out phase ended: the time to solution, τ0. */
  readoutEnd_tau0: number;
}

/** Precomputed set-up shared by every replica of a run (exact Gaussian start, well position). */
export interface ReplicaSetup {
  /** Cholesky factor of the start precision matrix, and the start mean (Gaussian start only). */
  factor?: Float64Array;
  mean?: Float64Array;
  /** Well position √s at t = 0 (bistable start). */
  well: number;
  /** Bit threshold on x. */
  hysteresis: number;
  /** Reflecting walls at ±wall (∞: none). */
  wall: number;
}

/** Largest n for the exact Gaussian start (a dense Cholesky factor, n² memory and n³/3 operations). */
export const MAX_EXACT_GAUSSIAN = 2000;

export function prepareSetup(p: MachineProblem, built: BuiltProtocol): ReplicaSetup {
  const c = new Float64Array(CHANNELS);
  controlsAt(built.spec, 0, c);
  let maxWell = 0;
  const probe = new Float64Array(CHANNELS);
  for (let k = 0; k < built.spec.times.length; k++) {
    controlsAt(built.spec, built.spec.times[k], probe);
    if (probe[A4] > 0 && probe[A2] < 0) maxWell = Math.max(maxWell, Math.sqrt(-probe[A2] / (2 * probe[A4])));
  }
  const hysteresis = HYSTERESIS * (maxWell > 0 ? maxWell : 1);
  const wall = built.spec.wall ?? Infinity;
  const well = Math.min(wall, c[A4] > 0 && c[A2] < 0 ? Math.sqrt(-c[A2] / (2 * c[A4])) : 0);
  // The exact Gaussian start knows no walls: with walls the cells start in their wells (or at 0).
  if (built.spec.initial !== 'gaussian' || c[A4] !== 0 || p.n > MAX_EXACT_GAUSSIAN || wall !== Infinity) return { well, hysteresis, wall };
  // Precision P = λK + 2·a2·I, mean m = −P⁻¹·μ·g.
  const n = p.n;
  const a = denseK(p);
  for (let k = 0; k < n * n; k++) a[k] *= c[LAMBDA];
  for (let i = 0; i < n; i++) a[i * n + i] += 2 * c[A2];
  const r = choleskyInPlace(a, n);
  if (r.failedAt >= 0) return { well, hysteresis, wall };
  const mean = new Float64Array(n);
  for (let i = 0; i < n; i++) mean[i] = -c[MU] * p.field[i];
  // Solve L·Lᵀ·m = rhs.
  for (let i = 0; i < n; i++) {
    let s = mean[i];
    for (let k = 0; k < i; k++) s -= a[i * n + k] * mean[k];
    mean[i] = s / a[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = mean[i];
    for (let k = i + 1; k < n; k++) s -= a[k * n + i] * mean[k];
    mean[i] = s / a[i * n + i];
  }
  return { factor: a, mean, well, hysteresis, wall };
}

/** Initial positions of replica `replica` (drawn from its own stream, before the dynamics). */
function initialise(p: MachineProblem, setup: ReplicaSetup, st: ReplicaState): void {
  const n = p.n;
  if (setup.factor && setup.mean) {
    // x = m + L⁻ᵀ·z has covariance (L·Lᵀ)⁻¹ = P⁻¹.
    const z = st.f;
    for (let i = 0; i < n; i++) z[i] = nextNormal(st.rng, 0);
    const l = setup.factor;
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i];
      for (let k = i + 1; k < n; k++) s -= l[k * n + i] * st.x[k];
      st.x[i] = s / l[i * n + i];
    }
    for (let i = 0; i < n; i++) st.x[i] += setup.mean[i];
  } else {
    for (let i = 0; i < n; i++) st.x[i] = nextInt32(st.rng, 0) < 0 ? -setup.well : setup.well;
  }
  for (let i = 0; i < n; i++) st.side[i] = st.x[i] < 0 ? -1 : 1;
}

export interface ReplicaHooks {
  /** Called after every chunk with the cell-steps done in it. */
  onChunk?: (cellSteps: number) => void;
  /** Checked between chunks: true abandons the replica. */
  shouldStop?: () => boolean;
  /** Step loop: WebAssembly where available (default), or the JavaScript reference; same results. */
  kernel?: 'wasm' | 'js';
}

/** Runs replica `replica` of the protocol with `seed`; undefined if stopped. */
export function runReplica(p: MachineProblem, built: BuiltProtocol, setup: ReplicaSetup, seed: number, replica: number, hooks: ReplicaHooks = {}): ReplicaResult | undefined {
  const wasm = hooks.kernel === 'js' ? null : wasmKernelFor(p);
  const st = wasm ? wasm.state : new ReplicaState(p.n);
  const table = wasm ? wasm.table : new ControlTable();
  st.reset();
  seedParticle(seed, replica, st.rng, 0);
  initialise(p, setup, st);
  const spec = built.spec;
  const h = setup.hysteresis;
  const w = setup.wall;
  const step = (m: number, dt: number, readout: boolean) => (wasm ? wasm.advance(m, dt, h, readout, w) : advance(p, st, table, m, dt, h, readout, w));
  for (let done = 0; done < built.warmupSteps; done += CHUNK_STEPS) {
    if (hooks.shouldStop?.()) return undefined;
    const m = Math.min(CHUNK_STEPS, built.warmupSteps - done);
    table.fillConstant(spec, 0, m);
    step(m, built.warmupDt, false);
    hooks.onChunk?.(m * p.n);
  }
  st.acc.fill(0);
  for (let i = 0; i < p.n; i++) st.side[i] = st.x[i] <= -h ? -1 : st.x[i] >= h ? 1 : st.x[i] < 0 ? -1 : 1;
  const c = new Float64Array(CHANNELS);
  controlsAt(spec, 0, c);
  const initialEnergy = totalEnergy(p, st.x, c);
  const phaseWork = new Float64Array(2 * built.phases.length);
  const signs = new Int8Array(p.n);
  let readoutEnd = -1;
  let lastBarrier = 0;
  let lastCoupling = 0;
  built.phases.forEach((phase, k) => {
    if (readoutEnd === -2) return;
    for (const seg of phase.segments) {
      for (let done = 0; done < seg.steps; done += CHUNK_STEPS) {
        if (hooks.shouldStop?.()) {
          readoutEnd = -2;
          return;
        }
        const m = Math.min(CHUNK_STEPS, seg.steps - done);
        table.fill(spec, seg.start + done * seg.dt, seg.dt, m);
        step(m, seg.dt, phase.readout);
        hooks.onChunk?.(m * p.n);
      }
    }
    phaseWork[2 * k] = st.acc[W_BARRIER] - lastBarrier;
    phaseWork[2 * k + 1] = st.acc[W_COUPLING] - lastCoupling;
    lastBarrier = st.acc[W_BARRIER];
    lastCoupling = st.acc[W_COUPLING];
    if (phase.readout) {
      for (let i = 0; i < p.n; i++) signs[i] = st.x[i] < 0 ? -1 : 1;
      readoutEnd = phase.end;
    }
  });
  if (readoutEnd === -2) return undefined;
  if (readoutEnd < 0) {
    for (let i = 0; i < p.n; i++) signs[i] = st.x[i] < 0 ? -1 : 1;
    readoutEnd = built.duration;
  }
  controlsAt(spec, built.duration, c);
  const count = st.acc[READ_COUNT];
  const meanX = new Float64Array(count > 0 ? p.n : 0);
  for (let i = 0; i < meanX.length; i++) meanX[i] = st.sumX[i] / count;
  return {
    replica,
    phaseWork,
    initialEnergy,
    finalEnergy: totalEnergy(p, st.x, c),
    flips: st.acc[FLIPS],
    meanX,
    meanProblemEnergy: count > 0 ? st.acc[READ_PROBLEM] / count : NaN,
    meanSquares: count > 0 ? st.acc[READ_SQUARES] / count : NaN,
    readoutSteps: count,
    signs,
    readoutEnd_tau0: readoutEnd,
  };
}

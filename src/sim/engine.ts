/**
 * The simulation kernel: overdamped Langevin dynamics γ dx = −∂U/∂x dt + √(2γkT) dW integrated by
 * Euler–Maruyama, with Sekimoto's work W = ∫ ∂U/∂t dt accumulated per trajectory (K. Sekimoto,
 * Prog. Theor. Phys. Suppl. 130, 17 (1998)). In simulation units (kT = γ = 1) one step is
 *   W += U(x_k, λ_{k+1}) − U(x_k, λ_k)          (the control moves at fixed position: work)
 *   x_{k+1} = x_k − U'(x_k, λ_{k+1})·dt + √(2dt)·ξ_k   (the position moves at fixed control: heat)
 * so that W − ΔU is the heat released to the bath, exactly, step by step.
 *
 * One call advances a block of particles through the whole protocol. Steps are processed in chunks: the
 * controls of a chunk are tabulated once (small typed arrays that stay in cache), then each particle runs
 * the chunk with its state and its own random stream held in local variables. Nothing is allocated per step.
 */
import { InputError } from '../util/errors.js';
import { CONTROL_CHANNELS } from './potentials.js';
import { defaultTimeStep, type Protocol } from './protocols.js';
import { ZIG_W, ZIG_X, normalSlowPath, seedParticle } from './rng.js';

/** Steps per control table (4 channels × 2049 doubles ≈ 64 kB). */
export const CHUNK_STEPS = 2048;

/** Double well: transitions are counted between the cores x ≤ −1 and x ≥ +1 (the well bottoms at s = 1). */
export const DOUBLE_WELL_CORE = 1;

/** Per-particle results of one block, in particle order. */
export interface BlockResult {
  first: number;
  count: number;
  /** Sekimoto work, kT. */
  work: Float64Array;
  /** U(x_0, λ_0) and U(x_end, λ_end), kT. */
  initialEnergy: Float64Array;
  finalEnergy: Float64Array;
  /** Transitions between cores (double well) or level changes (landscape). */
  transitions: Float64Array;
  initialState: Int32Array;
  finalState: Int32Array;
}

/** Control tables for one chunk: channel c of step i at c·(CHUNK_STEPS + 1) + i. */
export class ControlTables {
  readonly stride = CHUNK_STEPS + 1;
  readonly values = new Float64Array(CONTROL_CHANNELS * (CHUNK_STEPS + 1));
  private filledConstant = false;
  /** Fills steps first..first+n (n + 1 points); constant protocols are tabulated once. */
  fill(protocol: Protocol, first: number, n: number): void {
    if (protocol.constantControls) {
      if (this.filledConstant) return;
      protocol.fillControls(0, CHUNK_STEPS, this.values, this.stride);
      this.filledConstant = true;
      return;
    }
    protocol.fillControls(first, n, this.values, this.stride);
  }
  channel(c: number): Float64Array {
    return this.values.subarray(c * this.stride, (c + 1) * this.stride);
  }
}

/** Per-particle dynamic state of a block. */
export interface BlockState {
  count: number;
  x: Float64Array;
  work: Float64Array;
  rng: Uint32Array;
  /** Current side (±1, double well) or level (landscape). */
  side: Int32Array;
  transitions: Float64Array;
}

/**
 * Runs particles first..first+count−1 of `protocol` with `seed`. `onChunk(particleSteps)` is called
 * after every chunk (progress); returning true from `shouldStop` between chunks abandons the block.
 */
export function runBlock(
  protocol: Protocol,
  seed: number,
  first: number,
  count: number,
  onChunk?: (particleSteps: number) => void,
  shouldStop?: () => boolean,
): BlockResult | undefined {
  const state: BlockState = {
    count,
    x: new Float64Array(count),
    work: new Float64Array(count),
    rng: new Uint32Array(4 * count),
    side: new Int32Array(count),
    transitions: new Float64Array(count),
  };
  const initialControls = new Float64Array(CONTROL_CHANNELS);
  protocol.controlsAt(0, initialControls, 0);
  const result: BlockResult = {
    first,
    count,
    work: state.work,
    initialEnergy: new Float64Array(count),
    finalEnergy: new Float64Array(count),
    transitions: state.transitions,
    initialState: new Int32Array(count),
    finalState: new Int32Array(count),
  };
  for (let p = 0; p < count; p++) {
    seedParticle(seed, first + p, state.rng, 4 * p);
    const x0 = protocol.sampleInitial(state.rng, 4 * p);
    state.x[p] = x0;
    result.initialEnergy[p] = protocol.energy(x0, initialControls, 0);
    const level = protocol.classify(x0);
    result.initialState[p] = level;
    state.side[p] = protocol.kernel === 'polynomial' ? (x0 < 0 ? -1 : 1) : level;
  }
  const tables = new ControlTables();
  for (let done = 0; done < protocol.steps; done += CHUNK_STEPS) {
    if (shouldStop?.()) return undefined;
    const n = Math.min(CHUNK_STEPS, protocol.steps - done);
    tables.fill(protocol, done, n);
    if (protocol.kernel === 'polynomial') {
      polynomialChunk(state, tables, n, protocol.dt, DOUBLE_WELL_CORE);
    } else {
      const shape = protocol.shape!;
      landscapeChunk(state, tables, n, protocol.dt, shape.levels, shape.wall, shape.head === 'trap', shape.pushDirection);
    }
    // Once a trajectory overflows it stays NaN, so one pass per chunk (not per step) catches it early.
    const diverged = firstDiverged(state);
    if (diverged >= 0) throw divergenceError(protocol, first + diverged, (done + n) * protocol.dt);
    onChunk?.(count * n);
  }
  const finalControls = new Float64Array(CONTROL_CHANNELS);
  protocol.controlsAt(protocol.steps, finalControls, 0);
  for (let p = 0; p < count; p++) {
    const x = state.x[p];
    result.finalEnergy[p] = protocol.energy(x, finalControls, 0);
    result.finalState[p] = protocol.classify(x);
  }
  return result;
}

/** Index of the first particle whose position or work is no longer finite, or −1. */
export function firstDiverged(state: BlockState): number {
  for (let p = 0; p < state.count; p++) {
    if (!Number.isFinite(state.x[p]) || !Number.isFinite(state.work[p])) return p;
  }
  return -1;
}

/**
 * The user's dt was too large for this protocol (the curvature bound behind the stability check was not
 * enough): suggest the default step, or a tenth of this one if that is no smaller.
 */
function divergenceError(protocol: Protocol, particle: number, time: number): InputError {
  const suggestion = Math.min(defaultTimeStep(protocol.spec), protocol.dt / 10);
  return new InputError(
    'dt',
    `the dynamics diverged at dt = ${protocol.dt} τ0 (particle ${particle}, by t = ${Number(time.toPrecision(4))} τ0); use a smaller step, e.g. --dt ${Number(suggestion.toPrecision(2))}`,
  );
}

/**
 * Polynomial kernel, U = a4·x⁴ + a2·x² + a1·x + a0 (harmonic trap and quartic double well).
 * Transitions are counted between the cores x ≤ −xc and x ≥ +xc.
 */
export function polynomialChunk(state: BlockState, tables: ControlTables, n: number, dt: number, xc: number): void {
  const A4 = tables.channel(0);
  const A2 = tables.channel(1);
  const A1 = tables.channel(2);
  const A0 = tables.channel(3);
  const noise = Math.sqrt(2 * dt);
  const X = state.x;
  const W = state.work;
  const R = state.rng;
  const S = state.side;
  const T = state.transitions;
  const zw = ZIG_W;
  const zx = ZIG_X;
  for (let p = 0; p < state.count; p++) {
    const o = 4 * p;
    let x = X[p];
    let w = W[p];
    let side = S[p];
    let tr = T[p];
    let s0 = R[o] | 0;
    let s1 = R[o + 1] | 0;
    let s2 = R[o + 2] | 0;
    let s3 = R[o + 3] | 0;
    let b4 = A4[0];
    let b2 = A2[0];
    let b1 = A1[0];
    let b0 = A0[0];
    for (let k = 1; k <= n; k++) {
      const c4 = A4[k];
      const c2 = A2[k];
      const c1 = A1[k];
      const c0 = A0[k];
      const x2 = x * x;
      w += (c4 - b4) * x2 * x2 + (c2 - b2) * x2 + (c1 - b1) * x + (c0 - b0);
      const force = -((4 * c4 * x2 + 2 * c2) * x + c1);
      b4 = c4;
      b2 = c2;
      b1 = c1;
      b0 = c0;
      // xoshiro128** (Blackman & Vigna), inlined.
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // Ziggurat fast path (Marsaglia & Tsang 2000); the rare rest in rng.ts.
      const i = r & 255;
      let z = ((r >> 8) + 0.5) * zw[i];
      if (Math.abs(z) >= zx[i + 1]) {
        R[o] = s0;
        R[o + 1] = s1;
        R[o + 2] = s2;
        R[o + 3] = s3;
        z = normalSlowPath(R, o, r);
        s0 = R[o] | 0;
        s1 = R[o + 1] | 0;
        s2 = R[o + 2] | 0;
        s3 = R[o + 3] | 0;
      }
      x += force * dt + noise * z;
      if (side < 0) {
        if (x >= xc) {
          side = 1;
          tr++;
        }
      } else if (x <= -xc) {
        side = -1;
        tr++;
      }
    }
    X[p] = x;
    W[p] = w;
    S[p] = side;
    T[p] = tr;
    R[o] = s0;
    R[o + 1] = s1;
    R[o + 2] = s2;
    R[o + 3] = s3;
  }
}

/**
 * Multi-well landscape kernel: U = E_b·g(x) + wall + head, controls (E_b, k_h, λ) (see potentials.ts).
 * A level change is counted when the particle reaches the centre of a neighbouring well.
 */
export function landscapeChunk(
  state: BlockState,
  tables: ControlTables,
  n: number,
  dt: number,
  levels: number,
  wall: number,
  twoSided: boolean,
  direction: number,
): void {
  const EB = tables.channel(0);
  const KH = tables.channel(1);
  const LH = tables.channel(2);
  const noise = Math.sqrt(2 * dt);
  const span = 2 * levels;
  const X = state.x;
  const W = state.work;
  const R = state.rng;
  const S = state.side;
  const T = state.transitions;
  const zw = ZIG_W;
  const zx = ZIG_X;
  for (let p = 0; p < state.count; p++) {
    const o = 4 * p;
    let x = X[p];
    let w = W[p];
    let level = S[p];
    let centre = 2 * level - levels + 1;
    let tr = T[p];
    let s0 = R[o] | 0;
    let s1 = R[o + 1] | 0;
    let s2 = R[o + 2] | 0;
    let s3 = R[o + 3] | 0;
    let eOld = EB[0];
    let kOld = KH[0];
    let lOld = LH[0];
    for (let k = 1; k <= n; k++) {
      const e = EB[k];
      const kh = KH[k];
      const lh = LH[k];
      // Barrier profile g and its slope, or the wall outside [−M, M].
      const y = x + levels;
      let g = 1;
      let slope = 0;
      let wallForce = 0;
      if (y >= 0 && y <= span) {
        let j = Math.floor(y * 0.5);
        if (j >= levels) j = levels - 1;
        const u = y - 2 * j - 1;
        const u2 = u * u;
        g = u2 * (2 - u2);
        slope = 4 * u * (1 - u2);
      } else {
        const d = y < 0 ? y : y - span;
        wallForce = -2 * wall * d;
      }
      // Write head: two-sided trap or one-sided piston.
      let headOld = 0;
      let headNew = 0;
      let headForce = 0;
      if (twoSided) {
        const dOld = x - lOld;
        const dNew = x - lh;
        headOld = 0.5 * kOld * dOld * dOld;
        headNew = 0.5 * kh * dNew * dNew;
        headForce = -kh * dNew;
      } else {
        const dOld = direction * (lOld - x);
        const dNew = direction * (lh - x);
        if (dOld > 0) headOld = 0.5 * kOld * dOld * dOld;
        if (dNew > 0) {
          headNew = 0.5 * kh * dNew * dNew;
          headForce = direction * kh * dNew;
        }
      }
      w += (e - eOld) * g + (headNew - headOld);
      const force = -e * slope + wallForce + headForce;
      eOld = e;
      kOld = kh;
      lOld = lh;
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = r & 255;
      let z = ((r >> 8) + 0.5) * zw[i];
      if (Math.abs(z) >= zx[i + 1]) {
        R[o] = s0;
        R[o + 1] = s1;
        R[o + 2] = s2;
        R[o + 3] = s3;
        z = normalSlowPath(R, o, r);
        s0 = R[o] | 0;
        s1 = R[o + 1] | 0;
        s2 = R[o + 2] | 0;
        s3 = R[o + 3] | 0;
      }
      x += force * dt + noise * z;
      if (x >= centre + 2) {
        if (level < levels - 1) {
          level++;
          centre += 2;
          tr++;
        }
      } else if (x <= centre - 2) {
        if (level > 0) {
          level--;
          centre -= 2;
          tr++;
        }
      }
    }
    X[p] = x;
    W[p] = w;
    S[p] = level;
    T[p] = tr;
    R[o] = s0;
    R[o + 1] = s1;
    R[o + 2] = s2;
    R[o + 3] = s3;
  }
}

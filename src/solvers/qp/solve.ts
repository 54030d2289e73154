/**
 * Box-QP solvers whose parameters live in an N-bit fixed-point memory (qp/fixed-point.ts): every iterate
 * is rounded to the memory's grid before the next gradient is taken, so the run has exactly the precision
 * the memory has, and each write's bit changes are counted.
 *
 * - pgd: projected gradient descent x ← Π(x − η∇f(x)), η = 1/L (e.g. Nesterov 2004, §2.2.3); for
 *   strongly convex f the error contracts linearly, ρ ≤ 1 − μ/L.
 * - fista: accelerated projected gradient (A. Beck & M. Teboulle, SIAM J. Imaging Sci. 2(1), 183, 2009)
 *   with the gradient-based adaptive restart of B. O'Donoghue & E. Candès (Found. Comput. Math. 15, 715,
 *   2015), which recovers the linear rate ≈ 1 − √(μ/L) without knowing μ. The iterates alternate between two
 *   memory banks (x_{k+1} overwrites x_{k−1}); the extrapolated point y is formed in the compute unit.
 *
 * Precision: requested N bits means ‖x − x*‖∞ ≤ 2^−N·‖x0 − x*‖∞ (the engine's convergence law, MODEL.md §1).
 * A rounded iterate stops moving once every step is below half a grid step, which can leave an error up to
 * ≈ κ·Δ/2; so the memory word carries guard bits: W = N + G with G = ⌈log2 κ⌉ + 2 by default (κ = L/μ
 * estimated by Lanczos), unless memory_bits is given.
 */
import type { OperationCounts } from '../../model/counts.js';
import { InputError, requireNumber } from '../../util/errors.js';
import { Ledger, type LedgerTrace } from '../ledger.js';
import { Rng } from '../rng.js';
import { FixedPointMemory, MAX_MEMORY_BITS } from './fixed-point.js';
import { lanczosExtremes } from './linalg.js';
import { gradient, mulQ, nnz, objective, type BoxQP } from './problem.js';

export type QPMethod = 'pgd' | 'fista';
export const QP_METHODS: readonly QPMethod[] = ['pgd', 'fista'];

/** Default time per iteration of the priced hardware: 1 µs for a fully parallel in-memory machine (assumed). */
export const DEFAULT_QP_ITERATION_TIME_S = 1e-6;

export interface QPOptions {
  /** Requested precision N in bits. */
  precision_bits: number;
  /** Memory word width W (default N + guard bits). */
  memory_bits?: number;
  guard_bits?: number;
  method?: QPMethod;
  seed?: number;
  max_iterations?: number;
  /** Override the step η (default 1/L). */
  step_size?: number;
  /** Start point (default uniform in the box from the seed); rounded into memory. */
  initial?: ArrayLike<number>;
  /** The optimum x* (e.g. from solveBoxQPReference): enables per-iteration errors in the trace. */
  reference?: Float64Array;
  time_s?: number;
  iteration_time_s?: number;
  traceMaxPoints?: number;
  signal?: AbortSignal;
  onProgress?: (iterations: number, maxIterations: number) => void;
}

export interface QPResult {
  x: Float64Array;
  objective: number;
  /** f at the start point (as stored in memory): the base of an objective-gap precision. */
  initial_objective: number;
  method: QPMethod;
  precision_bits: number;
  memory_bits: number;
  guard_bits: number;
  step_size: number;
  lipschitz: number;
  strong_convexity: number;
  condition_number: number;
  iterations: number;
  /** The memory reached a fixed point (no iteration could change a code). */
  converged: boolean;
  interrupted: boolean;
  counts: OperationCounts;
  n_eff: number;
  trace: LedgerTrace;
  wall_time_s: number;
  /** With a reference: ‖x_k − x*‖∞ for k = 0 … iterations. */
  errors?: Float64Array;
}

/** Spectral bounds of Q: Lanczos Ritz values (exact when the Krylov space fills, n ≤ 60). */
export function spectralBounds(qp: BoxQP, seed = 1): { L: number; mu: number } {
  const rng = new Rng(seed, 11);
  const v0 = Float64Array.from({ length: qp.n }, () => rng.unit() - 0.5);
  const { min, max } = lanczosExtremes(qp.n, (x, out) => mulQ(qp, x, out), 60, v0);
  return { L: max, mu: Math.max(0, min) };
}

export function defaultGuardBits(kappa: number): number {
  if (!Number.isFinite(kappa)) return 24;
  return Math.min(24, Math.max(2, Math.ceil(Math.log2(Math.max(1, kappa))) + 2));
}

interface Counting {
  readsPerIteration: number;
  flopsPerIteration: number;
}

/**
 * QP counting, per iteration (stated in docs/benchmarks.md): every one of the n parameter cells is written
 * once (OPS += n, param_writes += n, update_bits += Σ Hamming(old code, new code)); a von Neumann machine
 * reads Q's nonzeros, b and the iterate at W bits each (pgd: (nnz + 2n)·W bits; fista reads both banks:
 * (nnz + 3n)·W); arithmetic: 2·nnz for Q·x plus 5n (add b, scale, subtract, clamp, round), fista 6n more
 * (extrapolation 3n, restart test 3n). The final solution is consolidated once (1 checkpoint).
 */
function counting(qp: BoxQP, method: QPMethod, W: number): Counting {
  const z = nnz(qp), n = qp.n;
  return method === 'pgd'
    ? { readsPerIteration: (z + 2 * n) * W, flopsPerIteration: 2 * z + 5 * n }
    : { readsPerIteration: (z + 3 * n) * W, flopsPerIteration: 2 * z + 11 * n };
}

function errorInf(x: Float64Array, ref: Float64Array): number {
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - ref[i]));
  return e;
}

interface QPState {
  qp: BoxQP;
  method: QPMethod;
  eta: number;
  banks: [FixedPointMemory, FixedPointMemory];
  cur: number;
  x: Float64Array;
  xPrev: Float64Array;
  y: Float64Array;
  g: Float64Array;
  t: number;
  momentumZero: boolean;
  ledger: Ledger;
  cnt: Counting;
  errors: number[];
  reference?: Float64Array;
  converged: boolean;
  maxIterations: number;
}

/** One iteration; returns the number of cells whose code changed. */
function iterate(st: QPState): number {
  const { qp, ledger } = st;
  const n = qp.n;
  const mem = st.banks[st.cur];
  let beta = 0;
  let tNext = 1;
  if (st.method === 'fista') {
    tNext = (1 + Math.sqrt(1 + 4 * st.t * st.t)) / 2;
    beta = (st.t - 1) / tNext;
  }
  for (let i = 0; i < n; i++) st.y[i] = st.x[i] + beta * (st.x[i] - st.xPrev[i]);
  const momentumZero = beta === 0 || st.momentumZero;
  gradient(qp, st.y, st.g);
  // Write x_{k+1} into the other bank (fista) or in place (pgd).
  const target = st.method === 'fista' ? st.banks[1 - st.cur] : mem;
  let bits = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const code = target.quantize(i, st.y[i] - st.eta * st.g[i]); // quantize clamps to [l, u]: the projection
    const before = st.method === 'fista' ? st.banks[st.cur].codes[i] : target.codes[i];
    if (code !== before) changed++;
    bits += target.write(i, code);
  }
  st.xPrev.set(st.x);
  target.readAll(st.x);
  if (st.method === 'fista') {
    st.cur = 1 - st.cur;
    // Restart when the step and the momentum disagree: (y − x_{k+1})·(x_{k+1} − x_k) > 0.
    let dot = 0;
    for (let i = 0; i < n; i++) dot += (st.y[i] - st.x[i]) * (st.x[i] - st.xPrev[i]);
    st.t = dot > 0 ? 1 : tNext;
  }
  st.momentumZero = changed === 0;
  ledger.ops += n;
  ledger.param_writes += n;
  ledger.update_bits += bits;
  ledger.read_bits += st.cnt.readsPerIteration;
  ledger.flops += st.cnt.flopsPerIteration;
  ledger.iterations++;
  if (changed === 0 && momentumZero) st.converged = true;
  let err = NaN;
  if (st.reference) {
    err = errorInf(st.x, st.reference);
    st.errors.push(err);
  }
  ledger.record(objective(qp, st.x), err);
  return changed;
}

function setup(qp: BoxQP, o: QPOptions): QPState & { N: number; W: number; G: number; L: number; mu: number; initialObjective: number } {
  const method = o.method ?? 'fista';
  if (!QP_METHODS.includes(method)) throw new InputError('method', `unknown method '${String(method)}' (allowed: ${QP_METHODS.join(', ')})`);
  const N = requireNumber('precision_bits', o.precision_bits, { min: 1, max: MAX_MEMORY_BITS, integer: true });
  const seed = requireNumber('seed', o.seed ?? 1, { min: 0, max: 2 ** 32 - 1, integer: true });
  const maxIterations = requireNumber('max_iterations', o.max_iterations ?? 1_000_000, { min: 1, integer: true });
  for (let i = 0; i < qp.n; i++) {
    if (!Number.isFinite(qp.l[i]) || !Number.isFinite(qp.u[i]) || !(qp.l[i] < qp.u[i])) {
      throw new InputError('bounds', `l and u must be finite with l < u (the fixed-point memory spans [l, u]); coordinate ${i} has [${qp.l[i]}, ${qp.u[i]}]`);
    }
  }
  const { L, mu } = spectralBounds(qp, seed);
  if (!(L > 0)) throw new InputError('Q', 'is zero: nothing to optimise');
  const kappa = mu > 0 ? L / mu : Infinity;
  let G: number, W: number;
  if (o.memory_bits !== undefined) {
    W = requireNumber('memory_bits', o.memory_bits, { min: 1, max: MAX_MEMORY_BITS, integer: true });
    G = W - N;
  } else {
    G = o.guard_bits !== undefined ? requireNumber('guard_bits', o.guard_bits, { min: 0, max: 40, integer: true }) : defaultGuardBits(kappa);
    W = Math.min(MAX_MEMORY_BITS, N + G);
    G = W - N;
  }
  const eta = o.step_size !== undefined ? requireNumber('step_size', o.step_size, { min: 0, minExclusive: true }) : 1 / (L * (1 + 1e-9));
  const banks: [FixedPointMemory, FixedPointMemory] = [new FixedPointMemory(qp.l, qp.u, W), new FixedPointMemory(qp.l, qp.u, W)];
  const rng = new Rng(seed, 3);
  const x = new Float64Array(qp.n);
  if (o.initial && o.initial.length !== qp.n) throw new InputError('initial', `expected ${qp.n} values, got ${o.initial.length}`);
  for (let i = 0; i < qp.n; i++) {
    const x0 = o.initial ? o.initial[i] : qp.l[i] + rng.unit() * (qp.u[i] - qp.l[i]);
    const c = banks[0].quantize(i, x0);
    banks[0].codes[i] = c;
    banks[1].codes[i] = c;
  }
  banks[0].readAll(x);
  const params = method === 'fista' ? 2 * qp.n : qp.n;
  const ledger = new Ledger(params, W, o.traceMaxPoints ?? 2000);
  const errors: number[] = [];
  if (o.reference) errors.push(errorInf(x, o.reference));
  const initialObjective = objective(qp, x);
  ledger.record(initialObjective, o.reference ? errors[0] : NaN, true);
  return {
    qp, method, eta, banks, cur: 0, x, xPrev: Float64Array.from(x), y: new Float64Array(qp.n), g: new Float64Array(qp.n), t: 1,
    momentumZero: true, ledger, cnt: counting(qp, method, W), errors, reference: o.reference, converged: false, maxIterations, N, W, G, L, mu, initialObjective,
  };
}

function result(st: ReturnType<typeof setup>, o: QPOptions, interrupted: boolean, wall: number): QPResult {
  st.ledger.checkpoints += 1; // the solution is consolidated once
  st.ledger.record(objective(st.qp, st.x), st.errors.length ? st.errors[st.errors.length - 1] : NaN, true);
  const iterTime = o.iteration_time_s !== undefined ? requireNumber('iteration_time_s', o.iteration_time_s, { min: 0, minExclusive: true }) : DEFAULT_QP_ITERATION_TIME_S;
  const time_s = o.time_s !== undefined ? requireNumber('time_s', o.time_s, { min: 0, minExclusive: true }) : Math.max(1, st.ledger.iterations) * iterTime;
  return {
    x: Float64Array.from(st.x),
    objective: objective(st.qp, st.x),
    initial_objective: st.initialObjective,
    method: st.method,
    precision_bits: st.N,
    memory_bits: st.W,
    guard_bits: st.G,
    step_size: st.eta,
    lipschitz: st.L,
    strong_convexity: st.mu,
    condition_number: st.mu > 0 ? st.L / st.mu : Infinity,
    iterations: st.ledger.iterations,
    converged: st.converged,
    interrupted,
    counts: st.ledger.counts(time_s),
    n_eff: st.ledger.nEff(),
    trace: st.ledger.trace,
    wall_time_s: wall,
    errors: st.reference ? Float64Array.from(st.errors) : undefined,
  };
}

export function solveQPSync(qp: BoxQP, options: QPOptions): QPResult {
  const t0 = performance.now();
  const st = setup(qp, options);
  while (!st.converged && st.ledger.iterations < st.maxIterations) iterate(st);
  return result(st, options, false, (performance.now() - t0) / 1000);
}

/** As solveQPSync, yielding every ≈50 ms for progress and Ctrl-C (returns the iterate reached so far). */
export async function solveQP(qp: BoxQP, options: QPOptions): Promise<QPResult> {
  const t0 = performance.now();
  const st = setup(qp, options);
  let last = performance.now();
  while (!st.converged && st.ledger.iterations < st.maxIterations) {
    if (options.signal?.aborted) return result(st, options, true, (performance.now() - t0) / 1000);
    iterate(st);
    if (performance.now() - last > 50) {
      options.onProgress?.(st.ledger.iterations, st.maxIterations);
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
  return result(st, options, false, (performance.now() - t0) / 1000);
}

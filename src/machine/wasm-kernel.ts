/**
 * The machine's step loop (kernel.ts, advance) as a WebAssembly function assembled from its opcodes:
 * the same CSR coupling fields, the same per-cell force, the same inlined xoshiro128** draw and ziggurat
 * fast path, the same Sekimoto work sums and hysteresis flips, in the same floating-point order — so its
 * results are bit-identical to the JavaScript kernel's (tests check it). The ziggurat's rare slow path
 * (≈1 draw in 100) calls back into JavaScript (src/sim/rng.ts, normalSlowPath) with the stream state
 * stored in the module's memory, so even the draws that need exp and log are the JavaScript ones.
 *
 * Why WebAssembly: the coupling sum is an indirect load per coupling (x[col[e]]); in JavaScript every
 * typed-array access there carries a bounds check, which makes the loop about three times slower than C.
 * WebAssembly memory accesses on a 64-bit host are guarded by the address space instead. SIMD does not pay
 * here: the coupling sum is a gather (WebAssembly SIMD has none) whose order must stay sequential for
 * bit-identical sums, and each replica draws its numbers one cell after another from one stream.
 *
 * Memory (one WebAssembly.Memory per problem and thread): rowPtr, col, val, diag, field, then one replica's
 * state (x, f, Σx, side bits, stream, accumulators), the chunk's control table and the ziggurat tables.
 * The JavaScript side works on typed-array views of it, so nothing is copied per chunk.
 */
import { F64, I32, OP, VOID, CodeBuilder, WASM, align8, assembleModule, compileModule, uleb, type WasmModule } from '../util/wasm-assembler.js';
import { ZIG_W, ZIG_X, normalSlowPath } from '../sim/rng.js';
import type { MachineProblem } from './problem.js';
import { A0, A2, A4, CHANNELS, LAMBDA, MU } from './protocol.js';
import { ACC_SLOTS, CHUNK_STEPS, ControlTable, ReplicaState } from './state.js';

/** Bytes between two channels of the control table. */
const CHANNEL_BYTES = 8 * (CHUNK_STEPS + 1);

/** Byte offsets of the arrays in the kernel's memory; they are constants of the module built for them. */
interface Layout {
  row: number; col: number; val: number; diag: number; g: number;
  x: number; f: number; sumx: number; side: number; rng: number; table: number; zw: number; zx: number; acc: number;
  /** Bytes in all. */
  top: number;
}

function layoutFor(n: number, nnz: number): Layout {
  let top = 0;
  const take = (bytes: number) => {
    const at = top;
    top = align8(top + bytes);
    return at;
  };
  const o = {
    row: take(4 * (n + 1)), col: take(4 * nnz), val: take(8 * nnz), diag: take(8 * n), g: take(8 * n),
    x: take(8 * n), f: take(8 * n), sumx: take(8 * n), side: take(n), rng: take(16),
    table: take(8 * CHANNELS * (CHUNK_STEPS + 1)), zw: take(8 * ZIG_W.length), zx: take(8 * ZIG_X.length), acc: take(8 * ACC_SLOTS),
  };
  return { ...o, top };
}

/** Couplings summed per turn of the inner loop (in order: unrolling leaves the sum unchanged). */
const UNROLL = 4;

const PARAMS: Array<readonly [string, number]> = [['n', I32], ['first', I32], ['steps', I32], ['readout', I32], ['dt', F64], ['noise', F64], ['h', F64], ['wall', F64], ['walled', I32]];

/**
 * advance(n, first, steps, readout, dt, noise, h, wall, walled): steps first+1 … first+steps of the control table, every
 * cell moving synchronously. Array bases are the
 * constant offsets of the memory instructions, so an access costs no address arithmetic beyond its index.
 */
function advanceCode(L: Layout): number[] {
  const a = new CodeBuilder(PARAMS);
  for (const v of ['k8', 'o', 'i', 'nb', 'pr', 'e4', 'e8', 'pend', 'tk', 's0', 's1', 's2', 's3', 'r', 't', 'layer']) a.local(v, I32);
  for (const v of ['c4', 'c2', 'c0', 'lam', 'mu', 'b4', 'b2', 'b0', 'bl', 'bm', 'c4x4', 'c2x2', 's', 'x', 'x2', 'sum4', 'sum2', 'quad', 'lin', 'fi', 'gi', 'force', 'z', 'y', 'wb', 'wc', 'flips', 'rc', 'rp', 'rs', 'negh', 'nf']) a.local(v, F64);
  const words = ['s0', 's1', 's2', 's3'];
  const loadRng = () => words.forEach((w, j) => a.i32(0).loadI32(L.rng + 4 * j).set(w));
  const storeRng = () => words.forEach((w, j) => a.i32(0).get(w).storeI32(L.rng + 4 * j));
  const accNames = ['wb', 'wc', 'flips', 'rc', 'rp', 'rs'];
  const channels: Array<[string, number]> = [['c4', A4], ['c2', A2], ['c0', A0], ['lam', LAMBDA], ['mu', MU]];
  const previous = ['b4', 'b2', 'b0', 'bl', 'bm'];
  // target = target + value, in that order (the JavaScript kernel's `target += value`).
  const accumulate = (target: string, pushValue: () => void) => {
    a.get(target);
    pushValue();
    a.op(OP.f64add).set(target);
  };
  // s = s + val[e + j]·x[col[e + j]]
  const couple = (j: number) => {
    a.get('s');
    a.get('e8').loadF64(L.val + 8 * j);
    a.get('e4').loadI32(L.col + 4 * j).i32(3).op(OP.shl).loadF64(L.x);
    a.op(OP.f64mul, OP.f64add).set('s');
  };

  loadRng();
  accNames.forEach((v, j) => a.i32(0).loadF64(L.acc + 8 * j).set(v));
  a.get('first').i32(3).op(OP.shl).set('k8');
  channels.forEach(([, c], j) => a.get('k8').loadF64(L.table + c * CHANNEL_BYTES).set(previous[j]));
  a.get('h').op(OP.f64neg).set('negh');
  a.get('n').op(OP.f64_from_i32).set('nf');
  a.get('n').i32(3).op(OP.shl).set('nb');
  a.get('k8').i32(8).op(OP.add).set('k8');
  a.get('first').get('steps').op(OP.add).i32(3).op(OP.shl).set('tk');

  a.op(OP.block, VOID, OP.loop, VOID); // steps: labels loop=0 block=1
  a.get('k8', 'tk').op(OP.i32gt_s, OP.br_if, 1);
  for (const [name, c] of channels) a.get('k8').loadF64(L.table + c * CHANNEL_BYTES).set(name);

  // Coupling fields f_i = Σ_e val[e]·x[col[e]] from the positions before the step.
  a.i32(0).set('o');
  a.i32(0).set('pr');
  a.i32(0).loadI32(L.row).tee('e4').i32(1).op(OP.shl).set('e8');
  a.get('e4').i32(2).op(OP.shl).set('e4');
  a.get('e8').i32(2).op(OP.shl).set('e8');
  a.op(OP.block, VOID, OP.loop, VOID); // rows
  a.get('o', 'nb').op(OP.i32ge_s, OP.br_if, 1);
  a.f64(0).set('s');
  a.get('pr').loadI32(L.row + 4).i32(2).op(OP.shl).set('pend');
  a.op(OP.block, VOID, OP.loop, VOID); // UNROLL couplings a turn
  a.get('e4').i32(4 * (UNROLL - 1)).op(OP.add).get('pend').op(OP.i32ge_s, OP.br_if, 1);
  for (let j = 0; j < UNROLL; j++) couple(j);
  a.get('e4').i32(4 * UNROLL).op(OP.add).set('e4');
  a.get('e8').i32(8 * UNROLL).op(OP.add).set('e8');
  a.op(OP.br, 0, OP.end, OP.end);
  a.op(OP.block, VOID, OP.loop, VOID); // the rest, one at a time
  a.get('e4', 'pend').op(OP.i32ge_s, OP.br_if, 1);
  couple(0);
  a.get('e4').i32(4).op(OP.add).set('e4');
  a.get('e8').i32(8).op(OP.add).set('e8');
  a.op(OP.br, 0, OP.end, OP.end);
  a.get('o').get('s').storeF64(L.f);
  a.get('o').i32(8).op(OP.add).set('o');
  a.get('pr').i32(4).op(OP.add).set('pr');
  a.op(OP.br, 0, OP.end, OP.end);

  // Every cell: work sums, force, one normal, Euler–Maruyama step, hysteresis bit.
  for (const v of ['sum4', 'sum2', 'quad', 'lin']) a.f64(0).set(v);
  a.f64(4).get('c4').op(OP.f64mul).set('c4x4');
  a.f64(2).get('c2').op(OP.f64mul).set('c2x2');
  a.i32(0).set('o');
  a.i32(0).set('i');
  a.op(OP.block, VOID, OP.loop, VOID); // cells
  a.get('o', 'nb').op(OP.i32ge_s, OP.br_if, 1);
  a.get('o').loadF64(L.x).tee('x').get('x').op(OP.f64mul).set('x2');
  accumulate('sum4', () => a.get('x2', 'x2').op(OP.f64mul));
  accumulate('sum2', () => a.get('x2'));
  a.get('o').loadF64(L.f);
  a.get('o').loadF64(L.diag).get('x').op(OP.f64mul, OP.f64add).set('fi');
  a.get('o').loadF64(L.g).set('gi');
  accumulate('quad', () => a.get('x', 'fi').op(OP.f64mul));
  accumulate('lin', () => a.get('gi', 'x').op(OP.f64mul));
  a.get('readout').op(OP.if, VOID);
  a.get('o').get('o').loadF64(L.sumx).get('x').op(OP.f64add).storeF64(L.sumx);
  a.op(OP.end);
  // force = −((4a4·x² + 2a2)·x + λ·f_i + μ·g_i)
  a.get('c4x4', 'x2').op(OP.f64mul).get('c2x2').op(OP.f64add).get('x').op(OP.f64mul);
  a.get('lam', 'fi').op(OP.f64mul, OP.f64add);
  a.get('mu', 'gi').op(OP.f64mul, OP.f64add, OP.f64neg).set('force');
  // xoshiro128** (Blackman & Vigna 2021)
  a.get('s1').i32(5).op(OP.mul).i32(7).op(OP.rotl).i32(9).op(OP.mul).set('r');
  a.get('s1').i32(9).op(OP.shl).set('t');
  a.get('s2', 's0').op(OP.xor).set('s2');
  a.get('s3', 's1').op(OP.xor).set('s3');
  a.get('s1', 's2').op(OP.xor).set('s1');
  a.get('s0', 's3').op(OP.xor).set('s0');
  a.get('s2', 't').op(OP.xor).set('s2');
  a.get('s3').i32(11).op(OP.rotl).set('s3');
  // Ziggurat fast path (Marsaglia & Tsang 2000): layer from the low 8 bits, abscissa from the high 24.
  a.get('r').i32(255).op(OP.and).i32(3).op(OP.shl).set('layer');
  a.get('r').i32(8).op(OP.shr_s, OP.f64_from_i32).f64(0.5).op(OP.f64add);
  a.get('layer').loadF64(L.zw).op(OP.f64mul).tee('z');
  a.op(OP.f64abs).get('layer').loadF64(L.zx + 8).op(OP.f64ge, OP.if, VOID);
  storeRng();
  a.get('r').op(OP.call, 0).set('z');
  loadRng();
  a.op(OP.end);
  // y = x + force·dt + √(2dt)·z
  a.get('x', 'force', 'dt').op(OP.f64mul, OP.f64add).get('noise', 'z').op(OP.f64mul, OP.f64add).set('y');
  // Walls, as in kernel.ts: y = w − |w − y|, then |y + w| − w, then at most w.
  a.get('walled').op(OP.if, VOID);
  a.get('wall').get('wall', 'y').op(OP.f64sub, OP.f64abs, OP.f64sub).set('y');
  a.get('y', 'wall').op(OP.f64add, OP.f64abs).get('wall').op(OP.f64sub).set('y');
  a.get('wall', 'y').op(OP.f64lt, OP.if, VOID);
  a.get('wall').set('y');
  a.op(OP.end, OP.end);
  a.get('o').get('y').storeF64(L.x);
  a.get('i').op(OP.i32load8_s, 0, ...uleb(L.side)).i32(0).op(OP.i32gt_s, OP.if, VOID);
  a.get('y', 'negh').op(OP.f64le, OP.if, VOID);
  a.get('i').i32(-1).op(OP.i32store8, 0, ...uleb(L.side));
  accumulate('flips', () => a.f64(1));
  a.op(OP.end);
  a.op(OP.else);
  a.get('y', 'h').op(OP.f64ge, OP.if, VOID);
  a.get('i').i32(1).op(OP.i32store8, 0, ...uleb(L.side));
  accumulate('flips', () => a.f64(1));
  a.op(OP.end, OP.end);
  a.get('o').i32(8).op(OP.add).set('o');
  a.get('i').i32(1).op(OP.add).set('i');
  a.op(OP.br, 0, OP.end, OP.end);

  // Work of the control step at fixed x (Sekimoto), split into barrier and coupling parts.
  accumulate('wb', () => {
    a.get('c4', 'b4').op(OP.f64sub).get('sum4').op(OP.f64mul);
    a.get('c2', 'b2').op(OP.f64sub).get('sum2').op(OP.f64mul, OP.f64add);
    a.get('nf').get('c0', 'b0').op(OP.f64sub, OP.f64mul, OP.f64add);
  });
  accumulate('wc', () => {
    a.get('lam', 'bl').op(OP.f64sub).f64(0.5).op(OP.f64mul).get('quad').op(OP.f64mul);
    a.get('mu', 'bm').op(OP.f64sub).get('lin').op(OP.f64mul, OP.f64add);
  });
  a.get('readout').op(OP.if, VOID);
  accumulate('rc', () => a.f64(1));
  accumulate('rp', () => a.f64(0.5).get('quad').op(OP.f64mul).get('lin').op(OP.f64add));
  accumulate('rs', () => a.get('sum2'));
  a.op(OP.end);
  channels.forEach(([name], j) => a.get(name).set(previous[j]));
  a.get('k8').i32(8).op(OP.add).set('k8');
  a.op(OP.br, 0, OP.end, OP.end);

  storeRng();
  accNames.forEach((v, j) => a.i32(0).get(v).storeF64(L.acc + 8 * j));
  return a.body();
}

/** The module for one memory layout (exported for tests and inspection). */
export function machineModuleBytes(layout: Layout): Uint8Array {
  return assembleModule([{ name: 'normalSlow', type: { params: [I32], results: [F64] } }], [{ name: 'advance', type: { params: PARAMS.map(([, t]) => t), results: [] }, body: advanceCode(layout) }]);
}

let available: boolean | undefined;

/** True where the WebAssembly kernel can run (else the JavaScript kernel is used). */
export function wasmKernelAvailable(): boolean {
  available ??= compileModule(() => machineModuleBytes(layoutFor(2, 2))) !== null;
  return available;
}

type AdvanceFn = (n: number, first: number, steps: number, readout: number, dt: number, noise: number, h: number, wall: number, walled: number) => void;

/**
 * Cell updates per call of the module. The engine swaps in optimised code only when a function is entered,
 * so short calls keep a cold start (and a worker's first chunk) from running a whole chunk on baseline code;
 * a call costs far less than these updates.
 */
const CELL_UPDATES_PER_CALL = 1 << 16;

/** Largest memory the kernel asks for (32-bit offsets; far above any run the budget cap allows). */
const MAX_BYTES = 1.5e9;

/** One problem in WebAssembly memory with one replica's state and a control table, as views. */
export class WasmMachineKernel {
  readonly state: ReplicaState;
  readonly table: ControlTable;
  private readonly fn: AdvanceFn;

  private constructor(mod: WasmModule, readonly n: number, p: MachineProblem, o: Layout) {
    const nnz = p.col.length;
    const memory = new WASM!.Memory({ initial: Math.ceil(o.top / 65536) + 1 });
    const buf = memory.buffer;
    const rng = new Uint32Array(buf, o.rng, 4);
    const instance = new WASM!.Instance(mod, { env: { memory, normalSlow: (r: number) => normalSlowPath(rng, 0, r) } });
    this.fn = instance.exports.advance as AdvanceFn;
    new Int32Array(buf, o.row, n + 1).set(p.rowPtr.subarray(0, n + 1));
    new Int32Array(buf, o.col, nnz).set(p.col);
    new Float64Array(buf, o.val, nnz).set(p.val);
    new Float64Array(buf, o.diag, n).set(p.diag);
    new Float64Array(buf, o.g, n).set(p.field);
    new Float64Array(buf, o.zw, ZIG_W.length).set(ZIG_W);
    new Float64Array(buf, o.zx, ZIG_X.length).set(ZIG_X);
    this.state = new ReplicaState(n, {
      x: new Float64Array(buf, o.x, n),
      f: new Float64Array(buf, o.f, n),
      side: new Int8Array(buf, o.side, n),
      sumX: new Float64Array(buf, o.sumx, n),
      rng,
      acc: new Float64Array(buf, o.acc, ACC_SLOTS),
    });
    this.table = new ControlTable(new Float64Array(buf, o.table, CHANNELS * (CHUNK_STEPS + 1)));
  }

  /** A kernel for this problem, or null when WebAssembly is unavailable or the problem too large. */
  static create(p: MachineProblem): WasmMachineKernel | null {
    if (!wasmKernelAvailable()) return null;
    const layout = layoutFor(p.n, p.col.length);
    if (layout.top > MAX_BYTES) return null;
    const mod = compileModule(() => machineModuleBytes(layout));
    return mod ? new WasmMachineKernel(mod, p.n, p, layout) : null;
  }

  /** kernel.ts advance() on the views: `steps` steps of length dt through the table. */
  advance(steps: number, dt: number, hysteresis: number, readout: boolean, wall = Infinity): void {
    const noise = Math.sqrt(2 * dt);
    const flag = readout ? 1 : 0;
    const walled = wall < Infinity ? 1 : 0;
    const per = Math.max(1, Math.floor(CELL_UPDATES_PER_CALL / Math.max(1, this.n)));
    for (let first = 0; first < steps; first += per) this.fn(this.n, first, Math.min(per, steps - first), flag, dt, noise, hysteresis, wall, walled);
  }
}

const kernels = new WeakMap<MachineProblem, WasmMachineKernel | null>();

/**
 * The problem's kernel on this thread, created once: its memory holds a copy of the problem, so a problem
 * must not be modified after its first run (none is: problems are built once and then only read).
 */
export function wasmKernelFor(p: MachineProblem): WasmMachineKernel | null {
  let k = kernels.get(p);
  if (k === undefined) {
    k = WasmMachineKernel.create(p);
    kernels.set(p, k);
  }
  return k;
}

/**
 * Runs the kernel briefly on scratch controls so that the engine's optimising compiler has replaced its
 * baseline code (several times slower) before the first real step; a worker does this before it reports
 * ready, so the pool's compute time excludes it. Set-up only: the state is cleared afterwards, so results
 * do not depend on it.
 */
export function warmUpKernel(p: MachineProblem, budgetMs = 30): void {
  const k = wasmKernelFor(p);
  if (!k) return;
  k.state.reset();
  k.table.values.fill(0);
  const steps = Math.max(1, Math.min(CHUNK_STEPS, Math.floor(20000 / Math.max(1, p.n))));
  const start = performance.now();
  do k.advance(steps, 1e-3, 0.5, false);
  while (performance.now() - start < budgetMs);
  k.state.reset();
}

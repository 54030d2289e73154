/**
 * The integer Metropolis sweep of kernel.ts (sweepPacked) as a small WebAssembly function, assembled here
 * from its opcodes (WebAssembly Core Specification 1.0, §5 binary format). Same packed state, same
 * xoshiro128** stream, same table comparison: every decision is identical to sweepPacked and to the C
 * reference (tests check both). On this project's machine WebAssembly runs the loop ≈1.5–2× faster than
 * the JavaScript version (bench/anneal.bench.ts), mostly because its memory accesses need no per-access
 * bounds checks.
 *
 * Memory layout (bytes, all in one WebAssembly.Memory): rowPtr (i32 × n+1), adj (i32 × 2m), st (i32 × n),
 * thr (f64 × L), rng (u32 × 4), stats (i32 × 2: flips, Σ degree). The JS side works on typed-array views of
 * the same memory, so nothing is copied per sweep.
 */

import { STAT_DEGREE_SUM, STAT_FLIPS } from './kernel.js';
import { I32, OP, VOID, WASM, align8, compileModule, section, sleb, str, uleb, type WasmModule } from '../../util/wasm-assembler.js';

// Parameters and locals (all i32).
const P = { n: 0, len: 1, row: 2, adj: 3, st: 4, thr: 5, rng: 6, stats: 7 } as const;
const L = { i: 8, v: 9, m0: 10, k: 11, s0: 12, s1: 13, s2: 14, s3: 15, r: 16, t: 17, d: 18, e: 19, end: 20, flips: 21, deg: 22, dE: 23, c: 24, a: 25 } as const;
const LOCALS = 18;

/** The function body: sweep(n, len, row, adj, st, thr, rng, stats) → ΔH, with its block structure noted. */
function sweepCode(): number[] {
  const c: number[] = [];
  const get = (x: number) => c.push(OP.get, ...uleb(x));
  const set = (x: number) => c.push(OP.set, ...uleb(x));
  const tee = (x: number) => c.push(OP.tee, ...uleb(x));
  const k = (x: number) => c.push(OP.i32const, ...sleb(x));
  const op = (...o: number[]) => c.push(...o);
  const load = (offset: number) => c.push(OP.i32load, 2, ...uleb(offset));
  const store = (offset: number) => c.push(OP.i32store, 2, ...uleb(offset));
  const addr = (base: number, index: number) => {
    get(base);
    get(index);
    k(2);
    op(OP.shl, OP.add);
  };

  get(P.rng); load(0); set(L.s0);
  get(P.rng); load(4); set(L.s1);
  get(P.rng); load(8); set(L.s2);
  get(P.rng); load(12); set(L.s3);

  op(OP.block, VOID); // $done
  op(OP.loop, VOID); // $L            labels: L=0 done=1
  get(L.i); get(P.n); op(OP.i32ge_s, OP.br_if, 1);

  addr(P.st, L.i); load(0); set(L.v);
  get(L.v); k(1); op(OP.and); k(1); op(OP.sub); set(L.m0);
  get(L.v); k(1); op(OP.shr_s); get(L.m0); op(OP.xor); get(L.m0); op(OP.sub); set(L.k);

  op(OP.block, VOID); // $next        labels: next=0 L=1 done=2
  get(L.k); get(P.len); op(OP.i32ge_s, OP.br_if, 0);
  get(L.k); k(0); op(OP.i32ge_s, OP.if, VOID); // labels: if=0 next=1
  get(L.s1); k(5); op(OP.mul); k(7); op(OP.rotl); k(9); op(OP.mul); set(L.r);
  get(L.s1); k(9); op(OP.shl); set(L.t);
  get(L.s2); get(L.s0); op(OP.xor); set(L.s2);
  get(L.s3); get(L.s1); op(OP.xor); set(L.s3);
  get(L.s1); get(L.s2); op(OP.xor); set(L.s1);
  get(L.s0); get(L.s3); op(OP.xor); set(L.s0);
  get(L.s2); get(L.t); op(OP.xor); set(L.s2);
  get(L.s3); k(11); op(OP.rotl); set(L.s3);
  get(L.r); op(OP.f64_from_u32);
  get(P.thr); get(L.k); k(3); op(OP.shl, OP.add); c.push(OP.f64load, 3, 0);
  op(OP.f64lt, OP.i32eqz, OP.br_if, 1);
  op(OP.end);

  addr(P.st, L.i); get(L.v); k(1); op(OP.xor); store(0);
  k(1); k(-1); get(L.m0); op(OP.select); set(L.d);
  addr(P.row, L.i); load(0); k(1); op(OP.shl); set(L.e);
  addr(P.row, L.i); load(4); k(1); op(OP.shl); set(L.end);
  get(L.deg); get(L.end); get(L.e); op(OP.sub); k(1); op(OP.shr_s, OP.add); set(L.deg);

  op(OP.block, VOID); // $ub
  op(OP.loop, VOID); // $U            labels: U=0 ub=1 next=2
  get(L.e); get(L.end); op(OP.i32ge_s, OP.br_if, 1);
  get(P.adj); get(L.e); k(2); op(OP.shl, OP.add); tee(L.a); load(0); set(L.c);
  // st[c] = st[c] + d·adj[e + 1]
  addr(P.st, L.c);
  addr(P.st, L.c); load(0);
  get(L.d); get(L.a); load(4); op(OP.mul);
  op(OP.add); store(0);
  get(L.e); k(2); op(OP.add); set(L.e);
  op(OP.br, 0);
  op(OP.end, OP.end); // $U, $ub

  get(L.dE); get(L.k); k(1); op(OP.shl, OP.add); set(L.dE);
  get(L.flips); k(1); op(OP.add); set(L.flips);
  op(OP.end); // $next

  get(L.i); k(1); op(OP.add); set(L.i);
  op(OP.br, 0);
  op(OP.end, OP.end); // $L, $done

  get(P.rng); get(L.s0); store(0);
  get(P.rng); get(L.s1); store(4);
  get(P.rng); get(L.s2); store(8);
  get(P.rng); get(L.s3); store(12);
  get(P.stats); get(L.flips); store(0);
  get(P.stats); get(L.deg); store(4);
  get(L.dE);
  op(OP.end);
  return c;
}

function moduleBytes(): Uint8Array {
  const type = section(1, [1, 0x60, ...uleb(8), ...Array(8).fill(I32), 1, I32]);
  const imp = section(2, [1, ...str('env'), ...str('memory'), 0x02, 0x00, 1]);
  const func = section(3, [1, 0]);
  const exp = section(7, [1, ...str('sweep'), 0x00, 0]);
  const body = [1, ...uleb(LOCALS), I32, ...sweepCode()];
  const code = section(10, [1, ...uleb(body.length), ...body]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly is unavailable (the JavaScript kernel is used then). */
function wasmModule(): WasmModule | null {
  if (compiled === undefined) {
    compiled = compileModule(moduleBytes);
  }
  return compiled;
}

type SweepFn = (n: number, len: number, row: number, adj: number, st: number, thr: number, rng: number, stats: number) => number;

/** The integer sweep on WebAssembly memory; the typed arrays are views the driver reads and writes. */
export class WasmSweeper {
  readonly st: Int32Array;
  readonly thr: Float64Array;
  readonly rng: Uint32Array;
  private readonly stats: Int32Array;
  private readonly fn: SweepFn;
  private readonly offsets: { row: number; adj: number; st: number; thr: number; rng: number; stats: number };

  private constructor(mod: WasmModule, readonly n: number, rowPtr: Int32Array, adj: Int32Array, tableSize: number) {
    const row = 0;
    const adjOff = align8(row + 4 * (n + 1));
    const st = align8(adjOff + 4 * adj.length);
    const thr = align8(st + 4 * n);
    const rng = align8(thr + 8 * tableSize);
    const stats = rng + 16;
    const bytes = stats + 8;
    const memory = new WASM!.Memory({ initial: Math.ceil(bytes / 65536) + 1 });
    const instance = new WASM!.Instance(mod, { env: { memory } });
    this.fn = instance.exports.sweep as SweepFn;
    const buf = memory.buffer;
    new Int32Array(buf, row, n + 1).set(rowPtr);
    new Int32Array(buf, adjOff, adj.length).set(adj);
    this.st = new Int32Array(buf, st, n);
    this.thr = new Float64Array(buf, thr, tableSize);
    this.rng = new Uint32Array(buf, rng, 4);
    this.stats = new Int32Array(buf, stats, 2);
    this.offsets = { row, adj: adjOff, st, thr, rng, stats };
  }

  /** A sweeper for this problem, or null when WebAssembly is unavailable or the problem is too large for 32-bit offsets. */
  static create(n: number, rowPtr: Int32Array, adj: Int32Array, tableSize: number): WasmSweeper | null {
    const mod = wasmModule();
    if (!mod || 4 * (n + 1) + 4 * adj.length + 4 * n + 8 * tableSize > 1.5e9) return null;
    return new WasmSweeper(mod, n, rowPtr, adj, tableSize);
  }

  /** One sweep with the acceptance table already in `thr`; adds flips and Σ degree to stats; returns ΔH. */
  sweep(tableLength: number, stats: Float64Array): number {
    const o = this.offsets;
    const dE = this.fn(this.n, tableLength, o.row, o.adj, o.st, o.thr, o.rng, o.stats);
    stats[STAT_FLIPS] += this.stats[0]; // the module's own layout: flips, Σ degree
    stats[STAT_DEGREE_SUM] += this.stats[1];
    return dE;
  }
}

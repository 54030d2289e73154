/**
 * A minimal WebAssembly assembler for the project's hot kernels: LEB128 integers, sections, function
 * bodies with named locals, and a module of exported functions importing one memory (and, optionally,
 * host functions). Encodings follow the WebAssembly Core Specification 1.0, §5 (binary format). Hand
 * assembly keeps the kernels free of a native toolchain at install time.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
/** Block type of a block, loop or if that leaves nothing on the stack. */
export const VOID = 0x40;

/** Opcodes used by the kernels. */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, call: 0x10, select: 0x1b,
  get: 0x20, set: 0x21, tee: 0x22,
  i32load: 0x28, f64load: 0x2b, i32load8_s: 0x2c, i32store: 0x36, f64store: 0x39, i32store8: 0x3a,
  i32const: 0x41, f64const: 0x44,
  i32eqz: 0x45, i32lt_s: 0x48, i32lt_u: 0x49, i32gt_s: 0x4a, i32ge_s: 0x4e,
  f64lt: 0x63, f64le: 0x65, f64ge: 0x66,
  add: 0x6a, sub: 0x6b, mul: 0x6c, and: 0x71, or: 0x72, xor: 0x73, shl: 0x74, shr_s: 0x75, rotl: 0x77,
  f64abs: 0x99, f64neg: 0x9a, f64add: 0xa0, f64sub: 0xa1, f64mul: 0xa2,
  f64_from_i32: 0xb7, f64_from_u32: 0xb8,
} as const;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export function str(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

export function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** Bytes of a function body under construction; locals are declared by name and type. */
export class CodeBuilder {
  readonly code: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly localTypes: number[] = [];
  /** `params` are the function's parameters, in order. */
  constructor(readonly params: ReadonlyArray<readonly [string, number]>) {
    params.forEach(([name], k) => this.index.set(name, k));
  }
  local(name: string, type: number): void {
    if (this.index.has(name)) throw new Error(`local ${name} declared twice`);
    this.index.set(name, this.params.length + this.localTypes.length);
    this.localTypes.push(type);
  }
  private at(name: string): number {
    const k = this.index.get(name);
    if (k === undefined) throw new Error(`unknown local ${name}`);
    return k;
  }
  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  get(...names: string[]): this {
    for (const n of names) this.code.push(OP.get, ...uleb(this.at(n)));
    return this;
  }
  set(name: string): this {
    this.code.push(OP.set, ...uleb(this.at(name)));
    return this;
  }
  tee(name: string): this {
    this.code.push(OP.tee, ...uleb(this.at(name)));
    return this;
  }
  i32(v: number): this {
    this.code.push(OP.i32const, ...sleb(v));
    return this;
  }
  f64(v: number): this {
    const bytes = new Uint8Array(new Float64Array([v]).buffer);
    this.code.push(OP.f64const, ...bytes);
    return this;
  }
  /** Memory access with its natural alignment and a constant byte offset. */
  loadF64(offset = 0): this {
    return this.op(OP.f64load, 3, ...uleb(offset));
  }
  storeF64(offset = 0): this {
    return this.op(OP.f64store, 3, ...uleb(offset));
  }
  loadI32(offset = 0): this {
    return this.op(OP.i32load, 2, ...uleb(offset));
  }
  storeI32(offset = 0): this {
    return this.op(OP.i32store, 2, ...uleb(offset));
  }
  /** The body as the code section wants it: local declarations, code, end. */
  body(): number[] {
    const groups: Array<[number, number]> = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    return [...uleb(groups.length), ...groups.flatMap(([count, t]) => [...uleb(count), t]), ...this.code, OP.end];
  }
}

export interface FunctionSpec {
  params: number[];
  results: number[];
}

/**
 * A module importing `env.memory` and the host functions `imports` (module "env"), defining `functions`
 * (each exported under its name).
 */
export function assembleModule(imports: Array<{ name: string; type: FunctionSpec }>, functions: Array<{ name: string; type: FunctionSpec; body: number[] }>): Uint8Array {
  const sig = (t: FunctionSpec) => [0x60, ...uleb(t.params.length), ...t.params, ...uleb(t.results.length), ...t.results];
  const all = [...imports.map((f) => f.type), ...functions.map((f) => f.type)];
  const type = section(1, [...uleb(all.length), ...all.flatMap(sig)]);
  const imp = section(2, [
    ...uleb(imports.length + 1),
    ...str('env'), ...str('memory'), 0x02, 0x00, 1,
    ...imports.flatMap((f, k) => [...str('env'), ...str(f.name), 0x00, ...uleb(k)]),
  ]);
  const func = section(3, [...uleb(functions.length), ...functions.flatMap((_, k) => uleb(imports.length + k))]);
  const exp = section(7, [...uleb(functions.length), ...functions.flatMap((f, k) => [...str(f.name), 0x00, ...uleb(imports.length + k)])]);
  const code = section(10, [...uleb(functions.length), ...functions.flatMap((f) => [...uleb(f.body.length), ...f.body])]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

/** The part of the WebAssembly JS API the kernels use (the project's TypeScript lib has no DOM types). */
export interface WasmModule {
  readonly __brand?: 'module';
}
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
export const WASM: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Compiles `bytes`, or null where WebAssembly is unavailable or refuses the module. */
export function compileModule(bytes: () => Uint8Array): WasmModule | null {
  try {
    return WASM ? new WASM.Module(bytes()) : null;
  } catch {
    return null;
  }
}

export function align8(x: number): number {
  return (x + 7) & ~7;
}

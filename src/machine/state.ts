/**
 * The state a machine kernel (kernel.ts in JavaScript, wasm-kernel.ts in WebAssembly) advances: one
 * replica's positions, fields, bits, time sums, random stream and accumulators, and the control table of a
 * chunk. The arrays are either the replica's own or views of a WebAssembly memory.
 */
import { CHANNELS, controlsAt, type ProtocolSpec } from './protocol.js';

/** Steps per control table. */
export const CHUNK_STEPS = 1024;

/** Accumulator slots of a replica. */
export const W_BARRIER = 0;
export const W_COUPLING = 1;
export const FLIPS = 2;
export const READ_COUNT = 3;
export const READ_PROBLEM = 4;
export const READ_SQUARES = 5;
export const ACC_SLOTS = 6;

export interface ReplicaArrays {
  x: Float64Array;
  f: Float64Array;
  side: Int8Array;
  sumX: Float64Array;
  rng: Uint32Array;
  acc: Float64Array;
}

/** The mutable state of one replica (fresh arrays, or the given views). */
export class ReplicaState implements ReplicaArrays {
  readonly x: Float64Array;
  readonly f: Float64Array;
  readonly side: Int8Array;
  readonly sumX: Float64Array;
  readonly rng: Uint32Array;
  readonly acc: Float64Array;
  constructor(
    readonly n: number,
    views?: ReplicaArrays,
  ) {
    this.x = views?.x ?? new Float64Array(n);
    this.f = views?.f ?? new Float64Array(n);
    this.side = views?.side ?? new Int8Array(n);
    this.sumX = views?.sumX ?? new Float64Array(n);
    this.rng = views?.rng ?? new Uint32Array(4);
    this.acc = views?.acc ?? new Float64Array(ACC_SLOTS);
  }
  /** Back to the all-zero state of a fresh replica (views are reused from one replica to the next). */
  reset(): void {
    for (const a of [this.x, this.f, this.side, this.sumX, this.rng, this.acc]) a.fill(0);
  }
}

/** Control table of a chunk: channel c of step j at c·stride + j. */
export class ControlTable {
  readonly stride = CHUNK_STEPS + 1;
  readonly values: Float64Array;
  private readonly point = new Float64Array(CHANNELS);
  constructor(values?: Float64Array) {
    this.values = values ?? new Float64Array(CHANNELS * (CHUNK_STEPS + 1));
  }
  /** Controls at t0 + j·dt, j = 0..steps. */
  fill(spec: ProtocolSpec, t0: number, dt: number, steps: number): void {
    for (let j = 0; j <= steps; j++) {
      controlsAt(spec, t0 + j * dt, this.point, 0);
      for (let c = 0; c < CHANNELS; c++) this.values[c * this.stride + j] = this.point[c];
    }
  }
  /** The same controls for every step (warm-up). */
  fillConstant(spec: ProtocolSpec, t: number, steps: number): void {
    controlsAt(spec, t, this.point, 0);
    for (let c = 0; c < CHANNELS; c++) this.values.fill(this.point[c], c * this.stride, c * this.stride + steps + 1);
  }
}

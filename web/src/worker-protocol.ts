/** Messages between the page and its worker (sweeps and uncertainty sampling). */
import type { ValidInput } from '../../src/model/schema.js';
import type { SizeData, TradeoffData } from '../../src/report/figures/index.js';
import type { SamplingOptions, UncertaintySummary } from '../../src/model/uncertainty.js';

export interface SweepRequest {
  id: number;
  input: ValidInput;
}

export type SweepReply =
  | { id: number; ok: true; size: SizeData; tradeoff: TradeoffData; skipped: number; elapsed_ms: number }
  | { id: number; ok: false; field: string; message: string };

/** An uncertainty run: the plan is rebuilt in the worker from the input and options (planning is deterministic). */
export interface SamplingRequest {
  kind: 'sampling';
  id: number;
  input: ValidInput;
  options: SamplingOptions;
  seed: number;
  samples: number;
}

export type SamplingReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; summary: UncertaintySummary; elapsed_ms: number }
  | { id: number; type: 'error'; field: string; message: string };

export type WorkerRequest = SweepRequest | SamplingRequest;
export type WorkerReply = SweepReply | SamplingReply;

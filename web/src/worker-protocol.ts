/** Messages between the page and the sweep worker. */
import type { ValidInput } from '../../src/model/schema.js';
import type { SizeData, TradeoffData } from '../../src/report/figures/index.js';

export interface SweepRequest {
  id: number;
  input: ValidInput;
}

export type SweepReply =
  | { id: number; ok: true; size: SizeData; tradeoff: TradeoffData; skipped: number; elapsed_ms: number }
  | { id: number; ok: false; field: string; message: string };

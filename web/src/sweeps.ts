/** The two sweeps behind the size and trade-off figures (run in the worker; on the page if the worker fails). */
import { estimate } from '../../src/model/estimate.js';
import type { ValidInput } from '../../src/model/schema.js';
import { InputError } from '../../src/util/errors.js';
import { defaultSizeRange, sizeData, sizeSweep, tradeoffData } from '../../src/report/figures/data.js';
import type { SweepReply } from './worker-protocol.js';

export function computeSweeps(id: number, input: ValidInput): SweepReply {
  const started = performance.now();
  try {
    const result = estimate(input, { tradeoff: true });
    const sweep = sizeSweep(input, defaultSizeRange(result.counts.params, result.workload.kind));
    return { id, ok: true, size: sizeData(result, sweep), tradeoff: tradeoffData(result), skipped: sweep.skipped.length, elapsed_ms: performance.now() - started };
  } catch (err) {
    return { id, ok: false, field: err instanceof InputError ? err.field : 'sweep', message: err instanceof Error ? err.message : String(err) };
  }
}

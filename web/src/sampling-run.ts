/**
 * Samples an uncertainty request block by block, reporting progress after each block and yielding in
 * between, so that a newer request (the user typed again) is seen and the stale run stops. Runs in the
 * page's worker, or on the page when the worker cannot start. The samples depend only on (seed,
 * index), so the blocks give exactly the samples of the CLI's run.
 */
import { metricArrays, planSampling, sampleRange, summarize } from '../../src/model/uncertainty.js';
import { InputError } from '../../src/util/errors.js';
import type { SamplingReply, SamplingRequest } from './worker-protocol.js';

/** Samples per block: a few milliseconds of work, so a newer request waits at most that long. */
export const SAMPLING_BLOCK = 4096;

const yieldToEvents = () => new Promise<void>((ok) => setTimeout(ok, 0));

export async function runSampling(request: SamplingRequest, post: (reply: SamplingReply) => void, isCurrent: () => boolean): Promise<void> {
  const { id, samples, seed } = request;
  const started = performance.now();
  try {
    const plan = planSampling(request.input, request.options);
    const out = metricArrays(samples);
    for (let start = 0; start < samples; start += SAMPLING_BLOCK) {
      const count = Math.min(SAMPLING_BLOCK, samples - start);
      sampleRange(plan, seed, start, count, out, start);
      post({ id, type: 'progress', done: start + count, total: samples });
      await yieldToEvents();
      if (!isCurrent()) return;
    }
    post({ id, type: 'done', summary: summarize(plan, seed, out), elapsed_ms: performance.now() - started });
  } catch (err) {
    post({ id, type: 'error', field: err instanceof InputError ? err.field : 'uncertainty', message: err instanceof Error ? err.message : String(err) });
  }
}

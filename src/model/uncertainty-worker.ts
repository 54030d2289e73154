/**
 * Worker-thread entry of the parallel sampler: rebuilds the plan from the input and options (the same
 * plan as the main thread's: planning is deterministic) and returns its block of samples, transferred.
 */
import { parentPort } from 'node:worker_threads';
import { metricArrays, planSampling, sampleRange, type SamplingPlan } from './uncertainty.js';
import type { SampleBlock, SampleReply } from './uncertainty-parallel.js';

let cachedKey = '';
let cachedPlan: SamplingPlan | undefined;

const port = parentPort;
if (port) {
  port.on('message', (task: SampleBlock) => {
    try {
      const key = JSON.stringify([task.input, task.options]);
      if (key !== cachedKey || !cachedPlan) {
        cachedPlan = planSampling(task.input, task.options);
        cachedKey = key;
      }
      const out = metricArrays(task.count);
      sampleRange(cachedPlan, task.seed, task.start, task.count, out);
      port.postMessage({ type: 'done', block: task.block, out } satisfies SampleReply, out.map((a) => a.buffer as ArrayBuffer));
    } catch (err) {
      port.postMessage({ type: 'error', block: task.block, message: err instanceof Error ? err.message : String(err) } satisfies SampleReply);
    }
  });
}

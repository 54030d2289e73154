/**
 * The sampler on worker threads: the sample index range is cut into blocks, each worker prices whole
 * blocks, and the blocks are put back in index order. A sample depends only on (seed, index), so the
 * arrays — and every quantile — are identical for any thread count (test/engine/uncertainty-parallel).
 */
import { Worker } from 'node:worker_threads';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidInput } from './schema.js';
import { metricArrays, sampleRange, type SamplingOptions, type SamplingPlan } from './uncertainty.js';
import { InputError } from '../util/errors.js';

export interface SampleBlock {
  block: number;
  input: ValidInput;
  options: SamplingOptions;
  seed: number;
  start: number;
  count: number;
}

export type SampleReply = { type: 'done'; block: number; out: Float64Array[] } | { type: 'error'; block: number; message: string };

/** Samples per block: big enough to amortise a message, small enough to balance two threads and show progress. */
const BLOCK = 32768;
export const MAX_THREADS = 64;

/** From TypeScript sources (tsx) a worker needs tsx registered first; from dist/, the .js file loads directly. */
function workerSource(): { entry: string | URL; eval: boolean } {
  if (extname(fileURLToPath(import.meta.url)) !== '.ts') return { entry: new URL('./uncertainty-worker.js', import.meta.url), eval: false };
  const target = new URL('./uncertainty-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return { entry: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`, eval: true };
}

export function checkThreads(threads: number): number {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) throw new InputError('threads', `must be a whole number from 1 to ${MAX_THREADS}, got ${threads}`);
  return threads;
}

export interface ParallelHooks {
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * A fixed set of sampling workers, reusable across runs (the benchmark warms it up first: from sources a
 * worker spends seconds loading tsx and the engine before its first block).
 */
export class SamplerPool {
  private workers: Worker[] = [];
  constructor(readonly threads: number) {
    checkThreads(threads);
  }

  private ensure(): Worker[] {
    if (!this.workers.length) {
      const source = workerSource();
      this.workers = Array.from({ length: this.threads }, () => new Worker(source.entry, { eval: source.eval, execArgv: [], stdout: false, stderr: false }));
    }
    return this.workers;
  }

  /**
   * All `samples` of the plan for `seed`. On abort, the samples finished so far (a prefix in index
   * order) are returned with `completed` below `samples`.
   */
  async run(plan: SamplingPlan, seed: number, samples: number, hooks: ParallelHooks = {}): Promise<{ out: Float64Array[]; completed: number }> {
    const out = metricArrays(samples);
    const blocks = Math.ceil(samples / BLOCK);
    const finished = new Uint8Array(blocks);
    let done = 0;
    const workers = this.ensure();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        for (const w of workers) w.removeAllListeners('message').removeAllListeners('error');
        if (err) reject(err);
        else resolve();
      };
      const dispatch = (w: Worker) => {
        if (next >= blocks || hooks.signal?.aborted) return;
        const b = next++;
        const start = b * BLOCK;
        running++;
        w.postMessage({ block: b, input: plan.input, options: plan.options, seed, start, count: Math.min(BLOCK, samples - start) } satisfies SampleBlock);
      };
      for (const w of workers) {
        w.on('error', finish);
        w.on('message', (reply: SampleReply) => {
          running--;
          if (reply.type === 'error') return finish(new Error(reply.message));
          out.forEach((a, m) => a.set(reply.out[m]!, reply.block * BLOCK));
          finished[reply.block] = 1;
          done += reply.out[0]!.length;
          hooks.onProgress?.(done, samples);
          dispatch(w);
          if (running === 0) finish();
        });
        dispatch(w);
      }
      if (running === 0) finish();
    });
    return { out, completed: finishedPrefix(finished, samples) };
  }

  async close(): Promise<void> {
    const old = this.workers;
    this.workers = [];
    await Promise.all(old.map((w) => w.terminate()));
  }
}

/** Samples done without a gap from index 0. */
function finishedPrefix(finished: Uint8Array, samples: number): number {
  let k = 0;
  while (k < finished.length && finished[k]) k++;
  return Math.min(samples, k * BLOCK);
}

/** All `samples` on `threads` threads (1: in this thread, yielding between blocks so Ctrl-C is seen). */
export async function sampleParallel(plan: SamplingPlan, seed: number, samples: number, hooks: ParallelHooks = {}): Promise<{ out: Float64Array[]; completed: number }> {
  const threads = checkThreads(hooks.threads ?? 1);
  if (threads !== 1) {
    const pool = new SamplerPool(Math.min(threads, Math.ceil(samples / BLOCK)));
    try {
      return await pool.run(plan, seed, samples, hooks);
    } finally {
      await pool.close();
    }
  }
  const out = metricArrays(samples);
  const blocks = Math.ceil(samples / BLOCK);
  const finished = new Uint8Array(blocks);
  for (let b = 0; b < blocks && !hooks.signal?.aborted; b++) {
    const start = b * BLOCK;
    const count = Math.min(BLOCK, samples - start);
    sampleRange(plan, seed, start, count, out, start);
    finished[b] = 1;
    hooks.onProgress?.(start + count, samples);
    await new Promise((r) => setImmediate(r));
  }
  return { out, completed: finishedPrefix(finished, samples) };
}

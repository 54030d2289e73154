/**
 * Runs the replicas of a machine protocol, in this thread or on worker threads (one replica per task).
 * Each replica has its own random stream (kernel.ts), so the results, put back in replica order, are
 * identical for any thread count. Aborting keeps the replicas already finished.
 */
import { Worker } from 'node:worker_threads';
import { InputError, requireNumber } from '../util/errors.js';
import { defaultThreads, workerSource } from '../sim/parallel.js';
import { MAX_SEED } from '../sim/rng.js';
import { maxRowAbs, type MachineProblem } from './problem.js';
import { buildPhases, type BuiltProtocol, type ProtocolSpec, type StepOptions } from './protocol.js';
import { prepareSetup, runReplica, type ReplicaResult } from './kernel.js';

export interface MachineRequest {
  problem: MachineProblem;
  spec: ProtocolSpec;
  step: StepOptions;
  replicas: number;
  seed: number;
}

export interface MachineHooks {
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface MachineRun {
  built: BuiltProtocol;
  results: ReplicaResult[];
  interrupted: boolean;
  wall_time_s: number;
  /** Wall time from the moment every worker was ready to the last result (thread start-up and shut-down excluded). */
  compute_time_s: number;
}

export function buildRequest(r: MachineRequest): BuiltProtocol {
  requireNumber('replicas', r.replicas, { min: 1, max: 1e6, integer: true });
  requireNumber('seed', r.seed, { min: 0, max: MAX_SEED, integer: true });
  let fieldMax = 0;
  for (const v of r.problem.field) fieldMax = Math.max(fieldMax, Math.abs(v));
  // The run's size is checked by the caller (the CLI's --max-work, src/cli/work.ts).
  return buildPhases(r.spec, maxRowAbs(r.problem), fieldMax, r.step);
}

export async function runMachine(r: MachineRequest, hooks: MachineHooks = {}): Promise<MachineRun> {
  const built = buildRequest(r);
  const threads = requireNumber('threads', hooks.threads ?? defaultThreads(), { min: 1, max: 1024, integer: true });
  const total = r.replicas * built.steps * r.problem.n;
  let done = 0;
  const progress = (cellSteps: number) => {
    done += cellSteps;
    hooks.onProgress?.(done, total);
  };
  const started = Date.now();
  const slots: Array<ReplicaResult | undefined> = new Array(r.replicas);
  let interrupted = false;
  let computeStart = started;
  let computeEnd: number | undefined;
  if (threads === 1 || r.replicas === 1) {
    const setup = prepareSetup(r.problem, built);
    for (let k = 0; k < r.replicas; k++) {
      if (hooks.signal?.aborted) break;
      slots[k] = runReplica(r.problem, built, setup, r.seed, k, { onChunk: progress, shouldStop: () => hooks.signal?.aborted ?? false });
      if (!slots[k]) break;
      // Let Ctrl-C handlers run between replicas.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    interrupted = await runOnWorkers(r, Math.min(threads, r.replicas), slots, progress, hooks.signal, (t) => (computeStart = t), (t) => (computeEnd = t));
  }
  // Keep the finished prefix only: a replica set does not depend on which thread was faster.
  const results: ReplicaResult[] = [];
  for (const s of slots) {
    if (!s) break;
    results.push(s);
  }
  interrupted = interrupted || results.length < r.replicas;
  const end = Date.now();
  return { built, results, interrupted, wall_time_s: (end - started) / 1000, compute_time_s: ((computeEnd ?? end) - computeStart) / 1000 };
}

/** Messages between the pool and machine/worker.ts. */
export type MachineTask =
  | { type: 'init'; problem: MachineProblem; spec: ProtocolSpec; step: StepOptions; seed: number }
  | { type: 'replica'; replica: number };
export type MachineReply =
  | { type: 'ready' }
  | { type: 'progress'; cellSteps: number }
  | { type: 'done'; result: ReplicaResult }
  | { type: 'error'; message: string; field?: string };

function runOnWorkers(
  r: MachineRequest,
  threads: number,
  slots: Array<ReplicaResult | undefined>,
  progress: (n: number) => void,
  signal: AbortSignal | undefined,
  onReady: (time: number) => void,
  onFinished: (time: number) => void,
): Promise<boolean> {
  const source = workerSource(import.meta.url, 'worker');
  const workers = Array.from({ length: threads }, () => new Worker(source.entry, { eval: source.eval, execArgv: [], stdout: false, stderr: false }));
  return new Promise<boolean>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    let ready = 0;
    const stop = (then: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void Promise.all(workers.map((w) => w.terminate())).then(then);
    };
    const onAbort = () => stop(() => resolve(true));
    const dispatch = (w: Worker) => {
      if (next < r.replicas) w.postMessage({ type: 'replica', replica: next++ } satisfies MachineTask);
    };
    for (const w of workers) {
      w.on('message', (reply: MachineReply) => {
        if (settled) return;
        if (reply.type === 'ready') {
          // Replicas are dispatched once every worker is set up, so the compute time excludes start-up.
          if (++ready === workers.length) {
            onReady(Date.now());
            for (const x of workers) dispatch(x);
          }
        } else if (reply.type === 'progress') progress(reply.cellSteps);
        else if (reply.type === 'done') {
          slots[reply.result.replica] = reply.result;
          finished++;
          if (finished === r.replicas) {
            onFinished(Date.now());
            stop(() => resolve(false));
          }
          else dispatch(w);
        } else {
          const err = reply.field !== undefined ? new InputError(reply.field, reply.message) : new Error(reply.message);
          stop(() => reject(err));
        }
      });
      w.on('error', (err) => stop(() => reject(err)));
      w.postMessage({ type: 'init', problem: r.problem, spec: r.spec, step: r.step, seed: r.seed } satisfies MachineTask);
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

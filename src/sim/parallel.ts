/**
 * Runs an ensemble over particle blocks, in this thread or on a pool of worker threads, and puts the
 * per-particle results back in particle order. Each particle has its own random stream (rng.ts), so the
 * combined arrays — and every statistic computed from them — are identical for any thread count.
 *
 * Workers load worker.ts/.js next to this module: from TypeScript sources (tsx) they get tsx's loader,
 * from the compiled dist/ they load plain JavaScript.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, compactNumber, requireNumber } from '../util/errors.js';
import { runBlock, type BlockResult } from './engine.js';
import { buildProtocol, type Protocol, type ProtocolSpec } from './protocols.js';
import { MAX_SEED } from './rng.js';

export interface EnsembleRequest {
  spec: ProtocolSpec;
  dt: number;
  particles: number;
  seed: number;
}

export interface EnsembleHooks {
  /** Worker threads; 1 runs in this thread. Default: all cores. */
  threads?: number;
  /** Aborting stops the run and keeps the blocks already finished. */
  signal?: AbortSignal;
  /** Called with (particle-steps done, particle-steps in total). */
  onProgress?: (done: number, total: number) => void;
  /** Reuse a pool across runs (sweeps); otherwise one is made and closed for this run. */
  pool?: WorkerPool;
  /**
   * Run even a single thread on a worker, so that this thread stays free to react to Ctrl-C at once
   * (the CLI does); by default one thread runs here, yielding between blocks.
   */
  useWorkers?: boolean;
}

/** Per-particle arrays (those of a block) over the finished particles, in particle order. */
export interface Ensemble extends Omit<BlockResult, 'first' | 'count'> {
  protocol: Protocol;
  request: EnsembleRequest;
  particlesCompleted: number;
  interrupted: boolean;
}

/**
 * Particles per block: about 8·10⁶ particle-steps (so a block takes a fraction of a second and an
 * interruption loses little), at most 4096, small enough that every thread gets about four blocks (load
 * balance), and at least 16 when the controls change (a block shares its per-chunk control tables) or 2
 * when they are constant. Results do not depend on it: every particle has its own random stream.
 */
export function blockSize(steps: number, particles: number, threads: number, constantControls = false): number {
  const floor = constantControls ? 2 : 16;
  const byWork = Math.min(4096, Math.ceil(8388608 / steps));
  const byBalance = Math.ceil(particles / (4 * threads));
  return Math.max(floor, Math.min(byWork, byBalance));
}

export function defaultThreads(): number {
  return availableParallelism();
}

export function validateRequest(request: EnsembleRequest): void {
  requireNumber('particles', request.particles, { min: 1, max: 1e9, integer: true });
  requireNumber('seed', request.seed, { min: 0, max: MAX_SEED, integer: true });
}

/** Largest run accepted, in particle-steps: about four hours of one core at 75 M particle-steps/s. */
export const MAX_PARTICLE_STEPS = 1e12;

/** Refuses runs that would take effectively forever (e.g. a tiny --dt), naming what sets their size. */
export function checkWorkload(particles: number, protocol: Protocol): void {
  const total = particles * protocol.steps;
  if (!(total <= MAX_PARTICLE_STEPS)) {
    const e = (v: number) => compactNumber(Number(v.toPrecision(3)));
    throw new InputError(
      'particles',
      `${particles} particles × ${e(protocol.steps)} steps (duration ${e(protocol.duration)} τ0 / dt ${protocol.dt} τ0) = ${e(total)} particle-steps exceeds the limit of ${e(MAX_PARTICLE_STEPS)}; lower --particles or the duration, or raise --dt`,
    );
  }
}

function checkThreads(threads: number): number {
  return requireNumber('threads', threads, { min: 1, max: 1024, integer: true });
}

/** Runs the ensemble; resolves with what finished (all of it unless aborted). */
export async function runEnsemble(request: EnsembleRequest, hooks: EnsembleHooks = {}): Promise<Ensemble> {
  validateRequest(request);
  const protocol = buildProtocol(request.spec, request.dt);
  checkWorkload(request.particles, protocol);
  const threads = checkThreads(hooks.threads ?? defaultThreads());
  const size = blockSize(protocol.steps, request.particles, threads, protocol.constantControls);
  const blockCount = Math.ceil(request.particles / size);
  const blocks: Array<BlockResult | undefined> = new Array(blockCount);
  const total = request.particles * protocol.steps;
  let done = 0;
  const progress = (steps: number) => {
    done += steps;
    hooks.onProgress?.(done, total);
  };
  let interrupted = false;
  if (!hooks.useWorkers && (threads === 1 || blockCount === 1)) {
    for (let b = 0; b < blockCount; b++) {
      if (hooks.signal?.aborted) {
        interrupted = true;
        break;
      }
      const first = b * size;
      blocks[b] = runBlock(protocol, request.seed, first, Math.min(size, request.particles - first), progress, () => hooks.signal?.aborted ?? false);
      if (!blocks[b]) {
        interrupted = true;
        break;
      }
      // Let signal handlers (Ctrl-C) run between blocks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = hooks.pool ?? new WorkerPool(threads);
    try {
      interrupted = await pool.runBlocks(request, size, blockCount, blocks, progress, hooks.signal);
    } finally {
      if (!hooks.pool) await pool.close();
    }
  }
  return assemble(protocol, request, blocks, interrupted);
}

function assemble(protocol: Protocol, request: EnsembleRequest, blocks: Array<BlockResult | undefined>, interrupted: boolean): Ensemble {
  const finished = blocks.filter((b): b is BlockResult => b !== undefined);
  const n = finished.reduce((sum, b) => sum + b.count, 0);
  const out: Ensemble = {
    protocol,
    request,
    particlesCompleted: n,
    interrupted: interrupted || n < request.particles,
    work: new Float64Array(n),
    initialEnergy: new Float64Array(n),
    finalEnergy: new Float64Array(n),
    transitions: new Float64Array(n),
    initialState: new Int32Array(n),
    finalState: new Int32Array(n),
  };
  let at = 0;
  for (const b of finished) {
    out.work.set(b.work, at);
    out.initialEnergy.set(b.initialEnergy, at);
    out.finalEnergy.set(b.finalEnergy, at);
    out.transitions.set(b.transitions, at);
    out.initialState.set(b.initialState, at);
    out.finalState.set(b.finalState, at);
    at += b.count;
  }
  return out;
}

// ---------- worker pool ----------

/** Messages to a worker. */
export interface BlockTask {
  type: 'block';
  task: number;
  spec: ProtocolSpec;
  dt: number;
  seed: number;
  first: number;
  count: number;
}

/** Messages from a worker. */
export type WorkerReply =
  | { type: 'progress'; task: number; steps: number }
  | { type: 'done'; task: number; result: BlockResult }
  | { type: 'error'; task: number; message: string; field?: string };

/**
 * How to start a worker. From compiled JavaScript: worker.js next to this file. From TypeScript under tsx:
 * Node 20 does not apply `--import` loader hooks to a worker's entry module, so a two-line JavaScript
 * bootstrap registers tsx (its `tsx/esm/api`) inside the worker and then imports worker.ts. Other modules
 * (the machine) pass their own URL and worker name.
 */
export function workerSource(moduleUrl: string = import.meta.url, name = 'worker'): { entry: string | URL; eval: boolean } {
  const ext = extname(fileURLToPath(moduleUrl));
  if (ext !== '.ts') return { entry: new URL(`./${name}.js`, moduleUrl), eval: false };
  const target = new URL(`./${name}.ts`, moduleUrl).href;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
  return { entry: code, eval: true };
}

/** A fixed set of worker threads that run blocks; reusable across runs until closed. */
export class WorkerPool {
  private workers: Worker[] = [];
  private nextTask = 0;
  constructor(readonly threads: number) {
    checkThreads(threads);
  }

  private ensureWorkers(): Worker[] {
    if (this.workers.length === 0) {
      const source = workerSource();
      for (let i = 0; i < this.threads; i++) {
        const worker = new Worker(source.entry, { eval: source.eval, execArgv: [], stdout: false, stderr: false });
        // Idle workers must not keep the process alive; runBlocks holds a reference while it runs.
        worker.unref();
        this.workers.push(worker);
      }
    }
    return this.workers;
  }

  /** Runs the blocks; returns true if aborted (then the workers are stopped and the pool starts afresh). */
  runBlocks(
    request: EnsembleRequest,
    size: number,
    blockCount: number,
    blocks: Array<BlockResult | undefined>,
    progress: (steps: number) => void,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const workers = this.ensureWorkers();
    return new Promise<boolean>((resolve, reject) => {
      let nextBlock = 0;
      let finished = 0;
      let settled = false;
      const taskBlock = new Map<number, number>();
      for (const worker of workers) worker.ref();
      // Detaches this run's listeners. Workers stay referenced until they are idle (then unref'd) or
      // terminated, so the process cannot exit while a result is still on its way.
      const cleanup = (idle: boolean) => {
        for (const worker of workers) {
          if (idle) worker.unref();
          worker.off('message', handlers.get(worker)!);
          worker.off('error', onError);
        }
        signal?.removeEventListener('abort', onAbort);
      };
      const stopAll = async () => {
        const old = this.workers;
        this.workers = [];
        await Promise.all(old.map((w) => w.terminate()));
      };
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        cleanup(false);
        void stopAll().then(() => reject(err));
      };
      const onError = (err: Error) => fail(err);
      const onAbort = () => {
        if (settled) return;
        settled = true;
        cleanup(false);
        void stopAll().then(() => resolve(true));
      };
      const dispatch = (worker: Worker) => {
        if (nextBlock >= blockCount) return;
        const b = nextBlock++;
        const first = b * size;
        const task = this.nextTask++;
        taskBlock.set(task, b);
        const message: BlockTask = {
          type: 'block',
          task,
          spec: request.spec,
          dt: request.dt,
          seed: request.seed,
          first,
          count: Math.min(size, request.particles - first),
        };
        worker.postMessage(message);
      };
      const handlers = new Map<Worker, (reply: WorkerReply) => void>();
      for (const worker of workers) {
        const handler = (reply: WorkerReply) => {
          if (settled) return;
          if (reply.type === 'progress') {
            progress(reply.steps);
          } else if (reply.type === 'done') {
            blocks[taskBlock.get(reply.task)!] = reply.result;
            finished++;
            if (finished === blockCount) {
              settled = true;
              cleanup(true);
              resolve(false);
            } else {
              dispatch(worker);
            }
          } else {
            fail(reply.field !== undefined ? new InputError(reply.field, reply.message) : new Error(reply.message));
          }
        };
        handlers.set(worker, handler);
        worker.on('message', handler);
        worker.on('error', onError);
      }
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      for (const worker of workers) dispatch(worker);
    });
  }

  async close(): Promise<void> {
    const old = this.workers;
    this.workers = [];
    await Promise.all(old.map((w) => w.terminate()));
  }
}

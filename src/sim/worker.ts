/**
 * Worker-thread entry: runs particle blocks sent by the pool in parallel.ts and returns the per-particle
 * arrays (transferred, not copied). The protocol is rebuilt from its spec, so every thread runs the same one.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../util/errors.js';
import { runBlock } from './engine.js';
import type { BlockTask, WorkerReply } from './parallel.js';
import { buildProtocol, type Protocol } from './protocols.js';

/** Progress messages at most this often (ms). */
const PROGRESS_INTERVAL_MS = 100;

let cachedKey = '';
let cachedProtocol: Protocol | undefined;

function protocolFor(task: BlockTask): Protocol {
  const key = JSON.stringify([task.spec, task.dt]);
  if (key !== cachedKey || !cachedProtocol) {
    cachedProtocol = buildProtocol(task.spec, task.dt);
    cachedKey = key;
  }
  return cachedProtocol;
}

const port = parentPort;
if (port) {
  port.on('message', (task: BlockTask) => {
    try {
      const protocol = protocolFor(task);
      let pending = 0;
      let last = Date.now();
      const onChunk = (steps: number) => {
        pending += steps;
        const now = Date.now();
        if (now - last >= PROGRESS_INTERVAL_MS) {
          port.postMessage({ type: 'progress', task: task.task, steps: pending } satisfies WorkerReply);
          pending = 0;
          last = now;
        }
      };
      const result = runBlock(protocol, task.seed, task.first, task.count, onChunk)!;
      if (pending > 0) port.postMessage({ type: 'progress', task: task.task, steps: pending } satisfies WorkerReply);
      const transfer = [
        result.work,
        result.initialEnergy,
        result.finalEnergy,
        result.transitions,
        result.initialState,
        result.finalState,
      ].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ type: 'done', task: task.task, result } satisfies WorkerReply, transfer);
    } catch (err) {
      const reply: WorkerReply =
        err instanceof InputError
          ? { type: 'error', task: task.task, message: err.message.slice(err.field.length + 2), field: err.field }
          : { type: 'error', task: task.task, message: err instanceof Error ? err.message : String(err) };
      port.postMessage(reply);
    }
  });
}

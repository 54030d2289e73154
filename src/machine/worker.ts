/**
 * Worker-thread entry of the machine: receives the problem and protocol once, then runs the replicas it
 * is sent and returns their results (typed arrays transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../util/errors.js';
import { buildPhases, type BuiltProtocol } from './protocol.js';
import { prepareSetup, runReplica, type ReplicaSetup } from './kernel.js';
import { warmUpKernel } from './wasm-kernel.js';
import { maxRowAbs, type MachineProblem } from './problem.js';
import type { MachineReply, MachineTask } from './run.js';

const PROGRESS_INTERVAL_MS = 100;

let problem: MachineProblem | undefined;
let built: BuiltProtocol | undefined;
let setup: ReplicaSetup | undefined;
let seed = 0;

const port = parentPort;
if (port) {
  port.on('message', (task: MachineTask) => {
    try {
      if (task.type === 'init') {
        problem = task.problem;
        let fieldMax = 0;
        for (const v of problem.field) fieldMax = Math.max(fieldMax, Math.abs(v));
        built = buildPhases(task.spec, maxRowAbs(problem), fieldMax, task.step);
        setup = prepareSetup(problem, built);
        seed = task.seed;
        // Before 'ready': the pool's compute time then excludes the compiler's first pass over the kernel.
        warmUpKernel(problem);
        port.postMessage({ type: 'ready' } satisfies MachineReply);
        return;
      }
      let pending = 0;
      let last = Date.now();
      const result = runReplica(problem!, built!, setup!, seed, task.replica, {
        onChunk: (cellSteps) => {
          pending += cellSteps;
          const now = Date.now();
          if (now - last >= PROGRESS_INTERVAL_MS) {
            port.postMessage({ type: 'progress', cellSteps: pending } satisfies MachineReply);
            pending = 0;
            last = now;
          }
        },
      })!;
      if (pending > 0) port.postMessage({ type: 'progress', cellSteps: pending } satisfies MachineReply);
      port.postMessage({ type: 'done', result } satisfies MachineReply, [result.phaseWork.buffer, result.meanX.buffer, result.signs.buffer] as ArrayBuffer[]);
    } catch (err) {
      const reply: MachineReply =
        err instanceof InputError
          ? { type: 'error', message: err.message.slice(err.field.length + 2), field: err.field }
          : { type: 'error', message: err instanceof Error ? err.message : String(err) };
      port.postMessage(reply);
    }
  });
}

/**
 * The page's worker, off the main thread so typing stays responsive: the sweeps (energy against model
 * size, a log grid of P, and against time to solution) and the uncertainty sampling, which works in
 * blocks and yields between them, so a sweep or a newer sampling request is never held up for long.
 */
import { computeSweeps } from './sweeps.js';
import { runSampling } from './sampling-run.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerReply): void };

let latestSampling = 0;
scope.onmessage = (event) => {
  const request = event.data;
  if ('kind' in request) {
    latestSampling = request.id;
    void runSampling(request, (reply) => scope.postMessage(reply), () => latestSampling === request.id);
  } else scope.postMessage(computeSweeps(request.id, request.input));
};

/**
 * The sweep worker: energy against model size (a log grid of P) and against time to solution (the
 * engine's trade-off), off the page's main thread so typing stays responsive.
 */
import { computeSweeps } from './sweeps.js';
import type { SweepReply, SweepRequest } from './worker-protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<SweepRequest>) => void) | null; postMessage(message: SweepReply): void };

scope.onmessage = (event) => scope.postMessage(computeSweeps(event.data.id, event.data.input));

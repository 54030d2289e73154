/** Shared settings for the simulator tests (not a test file itself). */
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../../src/sim/index.js';

/** CI has two cores; the tests use at most two threads. */
export const THREADS = Math.min(2, availableParallelism());

/** Reads a numeric field of a result document. */
export function field(doc: Record<string, unknown>, key: string): number {
  const value = doc[key];
  if (typeof value !== 'number') throw new Error(`result has no numeric field ${key}`);
  return value;
}

let pool: WorkerPool | undefined;

/**
 * Options that run on THREADS threads through one worker pool per test file (starting workers under tsx
 * costs about a second; idle workers do not keep the process alive).
 */
export function parallel(): { threads: number; pool?: WorkerPool } {
  if (THREADS < 2) return { threads: 1 };
  pool ??= new WorkerPool(THREADS);
  return { threads: THREADS, pool };
}

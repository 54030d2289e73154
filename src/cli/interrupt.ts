/**
 * Signals, one convention for every command: Ctrl-C (SIGINT), SIGTERM and SIGHUP ask the running work
 * to stop (the signal returned by `interruptSignal` aborts) so it keeps and writes what it finished,
 * and the command exits with code 130. A second signal, or a signal when no work can stop early,
 * exits at once, still keeping the rows of every open output file. Output files are written
 * synchronously, so a signal never lands in the middle of a final write: its handler runs after it.
 */
import { closeOpenWriters } from '../util/atomic.js';

export const INTERRUPTED_EXIT_CODE = 130;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const running = new Set<AbortController>();
let installed = false;
let interrupted = false;

function onSignal(name: string): void {
  interrupted = true;
  const pending = [...running].filter((c) => !c.signal.aborted);
  if (pending.length === 0) {
    closeOpenWriters();
    process.exit(INTERRUPTED_EXIT_CODE);
  }
  const how = name === 'SIGINT' ? 'Ctrl-C again' : 'send it again';
  process.stderr.write(`\ninterrupted (${name}): finishing the current item and keeping what is done (${how} to quit now)\n`);
  for (const c of pending) c.abort();
}

/** Routes SIGINT, SIGTERM and SIGHUP through the handler above (idempotent). */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const name of SIGNALS) process.on(name, () => onSignal(name));
}

/** An abort signal for long work, fired by the first interrupting signal; `dispose()` when the work is done. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  installSignalHandlers();
  const controller = new AbortController();
  running.add(controller);
  return { signal: controller.signal, dispose: () => running.delete(controller) };
}

/** True once any interrupting signal arrived: the command then exits with code 130. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * Ctrl-C handling for long work: the first SIGINT asks the work to stop (the returned signal aborts)
 * so it can keep and print what it finished; a second SIGINT exits at once with code 130.
 */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: finishing the current item and keeping what is done (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}

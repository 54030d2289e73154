/**
 * A progress line on stderr, shown only when stderr is a TTY (never in pipes, CI or JSON output).
 * Redraws at most every 100 ms so it costs nothing in hot loops that call `update` often.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI || total <= 0) return { update() {}, finish() {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  const draw = (done: number) => {
    const fraction = Math.min(1, done / total);
    const width = 24;
    const filled = Math.round(fraction * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = fraction > 0 ? elapsed * (1 / fraction - 1) : NaN;
    const etaText = Number.isFinite(eta) ? ` eta ${eta.toFixed(0)} s` : '';
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${etaText}  `);
    shown = true;
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

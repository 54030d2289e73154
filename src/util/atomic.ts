import { mkdirSync, renameSync, writeFileSync, openSync, writeSync, closeSync, fsyncSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Writes a file under a temporary name in the same folder, then renames it: readers never see half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A file written line by line (sweeps, long runs) that becomes visible under its final name only when
 * closed; `close()` after an interruption keeps the lines finished so far.
 */
export class AtomicLineWriter {
  private readonly tmp: string;
  private fd: number;
  private closed = false;
  constructor(readonly path: string) {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    this.tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }
  write(text: string): void {
    writeSync(this.fd, text);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}

import { mkdirSync, renameSync, writeFileSync, openSync, writeSync, closeSync, fsyncSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { checkReplaceable, writeOrRefuse } from './out-path.js';

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes a file under a temporary name in the same folder, then renames it: readers never see half a
 * file. An existing target that is not a regular file (device, symlink, directory) is refused, never
 * replaced; a failure removes the temporary file and is one InputError naming the path.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  checkReplaceable(path);
  writeOrRefuse(path, () => {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = tempName(path);
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  });
}

/** Line writers not yet closed: an exit forced by a second signal closes them, keeping their rows. */
const openWriters = new Set<AtomicLineWriter>();

/**
 * A file written line by line (sweeps, long runs) that becomes visible under its final name only when
 * closed; `close()` after an interruption keeps the lines finished so far, `abort()` leaves nothing.
 */
export class AtomicLineWriter {
  private readonly tmp: string;
  private fd: number;
  private closed = false;
  constructor(readonly path: string) {
    checkReplaceable(path);
    this.tmp = tempName(path);
    this.fd = writeOrRefuse(path, () => {
      mkdirSync(dirname(path), { recursive: true });
      return openSync(this.tmp, 'w');
    });
    openWriters.add(this);
  }
  write(text: string): void {
    try {
      writeOrRefuse(this.path, () => writeSync(this.fd, text));
    } catch (err) {
      this.abort();
      throw err;
    }
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    openWriters.delete(this);
    try {
      writeOrRefuse(this.path, () => {
        fsyncSync(this.fd);
        closeSync(this.fd);
        checkReplaceable(this.path);
        renameSync(this.tmp, this.path);
      });
    } catch (err) {
      rmSync(this.tmp, { force: true });
      throw err;
    }
  }
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    openWriters.delete(this);
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.tmp, { force: true });
    }
  }
}

/** Closes every open line writer, keeping what each has written (used when the process must exit now). */
export function closeOpenWriters(): void {
  for (const writer of [...openWriters]) {
    try {
      writer.close();
    } catch {
      writer.abort();
    }
  }
}

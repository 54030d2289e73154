/**
 * Output paths of `limbound figure` and `limbound report`: refused before any work when their folder
 * cannot be made or written, and write failures reported as one-line user errors naming the path.
 */
import { accessSync, constants, existsSync, statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/**
 * Linux statfs magic numbers of kernel pseudo-filesystems (proc, sysfs, cgroup, cgroup2). Nothing can
 * be written there, and Node's recursive mkdir does not return under /proc, so they are refused up front.
 */
const PSEUDO_FS = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270]);

/**
 * Throws InputError('out', …) unless `path` (a file, or a report folder) could be written: its nearest
 * existing ancestor must be a writable directory on an ordinary filesystem. Folders missing below it
 * are created at write time.
 */
export function checkWritable(path: string): void {
  const refuse = (reason: string) => new InputError('out', `cannot write '${path}': ${reason}`);
  let dir = dirname(resolve(path));
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (err) {
    throw refuse(errnoCode(err));
  }
  if (!isDirectory) throw refuse('ENOTDIR');
  if (PSEUDO_FS.has(Number(statfsSync(dir).type))) throw refuse(`'${dir}' is a kernel pseudo-filesystem`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw refuse(errnoCode(err));
  }
}

/** Runs `write`; a filesystem error (one with an errno code) becomes InputError('out', "cannot write '<path>': CODE"). */
export function writeOrRefuse<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new InputError('out', `cannot write '${path}': ${code}`);
    throw err;
  }
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

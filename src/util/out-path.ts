/**
 * Output paths (`--out` of every command): refused before any work when their folder cannot be made
 * or written, or when the target exists and is not a regular file (a directory, a device node, a FIFO,
 * a symbolic link: renaming over those would replace them); write failures become one-line user errors
 * naming the path.
 */
import { accessSync, constants, existsSync, lstatSync, statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.js';
import { sanitize } from './text.js';

/**
 * Linux statfs magic numbers of kernel pseudo-filesystems (proc, sysfs, cgroup, cgroup2). Nothing can
 * be written there, and Node's recursive mkdir does not return under /proc, so they are refused up front.
 */
const PSEUDO_FS = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270]);

function refusal(path: string, reason: string): InputError {
  return new InputError('out', `cannot write '${sanitize(path)}': ${reason}`);
}

/**
 * Throws InputError('out', …) unless `path` (a file, or a report folder) could be written: its nearest
 * existing ancestor must be a writable directory on an ordinary filesystem. Folders missing below it
 * are created at write time.
 */
export function checkWritable(path: string): void {
  let dir = dirname(resolve(path));
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (err) {
    throw refusal(path, errnoCode(err));
  }
  if (!isDirectory) throw refusal(path, 'ENOTDIR');
  if (PSEUDO_FS.has(Number(statfsSync(dir).type))) throw refusal(path, `'${sanitize(dir)}' is a kernel pseudo-filesystem`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw refusal(path, errnoCode(err));
  }
}

/** Throws InputError('out') when `path` exists and is not a regular file: a new file is never renamed over it. */
export function checkReplaceable(path: string, folder = false): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) throw refusal(path, 'is a symbolic link; give the path of a regular file (it would replace the link)');
  if (folder ? stat.isDirectory() : stat.isFile()) return;
  if (stat.isDirectory()) throw refusal(path, 'is a directory, expected a file name');
  const what = stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device node' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'not a regular file';
  throw refusal(path, `is ${what}; refusing to replace it (omit --out to write to standard output)`);
}

/** Every check of an output file (or, with `folder`, of an output folder) before any work starts. */
export function checkOutputPath(path: string, folder = false): void {
  if (path.trim() === '') throw new InputError('out', 'is empty');
  checkWritable(path);
  checkReplaceable(path, folder);
}

/** Runs `write`; a filesystem error (one with an errno code) becomes InputError('out', "cannot write '<path>': CODE"). */
export function writeOrRefuse<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw refusal(path, code);
    throw err;
  }
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

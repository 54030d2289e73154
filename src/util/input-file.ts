/**
 * Reading an input file (a config, a problem, a result document) with its size checked before it is
 * read: only regular files are accepted (not /dev/zero, a FIFO or a directory), and a file above the
 * size limit is refused without being read, so a wrong path can neither hang nor exhaust memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from './errors.js';
import { sanitize } from './text.js';

/** Deepest nesting of objects/arrays accepted in a JSON or YAML document; recursive readers stay far from the stack limit. */
export const MAX_NESTING = 64;

/** The text of a regular file of at most `maxBytes`, or an InputError naming `field` and the reason. */
export function readInputFile(field: string, path: string, maxBytes: number): string {
  const refuse = (reason: string) => new InputError(field, `cannot read '${sanitize(path)}': ${reason}`);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw refuse(code === 'ENOENT' ? 'no such file' : code ?? String(err));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw refuse('is a directory, expected a file');
    if (!stat.isFile()) throw refuse('not a regular file (a device, FIFO or socket)');
    if (stat.size > maxBytes) throw refuse(`${stat.size} bytes, more than the limit of ${maxBytes}`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw refuse((err as NodeJS.ErrnoException).code ?? String(err));
  } finally {
    closeSync(fd);
  }
}

/**
 * Deepest bracket nesting (`{` `[`) of a JSON or YAML-flow text outside strings, in one pass; used to
 * refuse pathological documents before a parser or a recursive walk sees them.
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Throws InputError(field) when `text` nests deeper than MAX_NESTING. */
export function checkNesting(field: string, path: string, text: string): void {
  const depth = bracketDepth(text);
  if (depth > MAX_NESTING) throw new InputError(field, `${field === path ? '' : `${sanitize(path)}: `}nested ${depth} levels deep, more than the limit of ${MAX_NESTING}`);
}

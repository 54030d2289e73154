import { writeFileAtomic } from '../util/atomic.js';
import { InputError } from '../util/errors.js';
import { cleanNumbers } from '../util/numbers.js';
import { parseQuantity } from '../model/units.js';

/** Prints a JSON document on stdout (stdout stays clean: logs and progress go to stderr). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, cleanNumbers, 2)}\n`);
}

/** Writes `text` to `outPath` atomically, or to stdout when no path is given. */
export function emit(text: string, outPath?: string): void {
  if (outPath) writeFileAtomic(outPath, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Parses a CLI number, naming the option in the error; counts may carry a suffix ("10k", "1M"). */
export function parseCount(option: string, text: string): number {
  const value = parseQuantity(option, text, 'count');
  if (!Number.isFinite(value)) throw new InputError(option, `expected a finite number, got '${text}'`);
  return value;
}

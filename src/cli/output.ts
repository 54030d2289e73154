import type { Command } from 'commander';
import { writeFileAtomic } from '../util/atomic.js';
import { InputError } from '../util/errors.js';
import { checkOutputPath } from '../util/out-path.js';
import { sanitize } from '../util/text.js';
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

/** Commands whose --out names a folder rather than a file. */
const folderOutputs = new WeakSet<Command>();

/** Marks `cmd`'s --out as a folder (checked as a folder before the command runs). */
export function outIsFolder(cmd: Command): Command {
  folderOutputs.add(cmd);
  return cmd;
}

/** Checks the --out of `cmd` (if it has one) before any work: the same rule for every command. */
export function checkOutputOption(cmd: Command): void {
  const out = cmd.opts().out;
  if (typeof out === 'string') checkOutputPath(out, folderOutputs.has(cmd));
}

/** Parses a CLI number, naming the option in the error; counts may carry a suffix ("10k", "1M"). */
export function parseCount(option: string, text: string): number {
  const value = parseQuantity(option, text, 'count');
  if (!Number.isFinite(value)) throw new InputError(option, `expected a finite number, got '${sanitize(text)}'`);
  return value;
}

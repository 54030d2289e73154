#!/usr/bin/env node
/** The `limbound` command: argument parsing and error reporting; each subcommand lives in its own module. */
import { Command, CommanderError } from 'commander';
import { InputError } from '../util/errors.js';
import { sanitize } from '../util/text.js';
import { VERSION } from '../version.js';
import { registerEngineCommands, registerBenchEstimate } from './engine-commands.js';
import { registerSimulate, registerBenchSim } from './simulate.js';
import { registerSolve, registerBenchAnneal } from './solve.js';
import { registerFigureCommands } from './figure-commands.js';
import { INTERRUPTED_EXIT_CODE, installSignalHandlers, wasInterrupted } from './interrupt.js';
import { checkOutputOption } from './output.js';
import { configureHelp } from './help.js';
import { registerSensitivity } from './uncertainty.js';
import { registerMachine, registerBenchMachine } from './machine.js';

/** Longest error line printed: the message of any error, control characters escaped, cut here. */
const MAX_ERROR_LINE = 600;

export function buildProgram(): Command {
  const program = new Command('limbound')
    .description('Least energy to train an AI model or run a neuromorphic optimizer, by paradigm and by wall.')
    .version(VERSION)
    .exitOverride();
  registerEngineCommands(program);
  registerSimulate(program);
  registerSolve(program);
  registerSensitivity(program);
  registerMachine(program);
  registerFigureCommands(program);
  const bench = program.command('bench').description('measure the speed of the engine, the simulator and the annealer');
  registerBenchEstimate(bench);
  registerBenchSim(bench);
  registerBenchAnneal(bench);
  // Every command's --out is checked before its work starts (folder writable, target replaceable).
  program.hook('preAction', (_program, command) => checkOutputOption(command));
  registerBenchMachine(bench);
  configureHelp(program);
  return program;
}

/** Runs the CLI; user errors print one line (`error: field: message`) and exit 2, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.configureOutput({
    writeErr: (text) => process.stderr.write(text),
    // Commander's own errors (unknown option, missing argument) as one sanitised line with the hint.
    outputError: (text, write) => write(`${sanitize(text.trim(), MAX_ERROR_LINE)} (run with --help for usage)\n`),
  });
  program.commands.forEach(function exitOverrideAll(cmd: Command) {
    cmd.exitOverride();
    cmd.commands.forEach(exitOverrideAll);
  });
  try {
    await program.parseAsync(argv);
    if (wasInterrupted()) return INTERRUPTED_EXIT_CODE;
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; their text is already printed.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${sanitize(err.message, MAX_ERROR_LINE)}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${sanitize(message, MAX_ERROR_LINE)}\n`);
    if (process.env.LIMBOUND_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

/** A failed write to stdout (a full disk, /dev/full): one line on stderr and exit 2, never a stack trace. */
let stdoutFailed = false;
function onStdoutError(err: NodeJS.ErrnoException): void {
  // `limbound … | head` closes the pipe early: that is the reader being done, not an error.
  if (err.code === 'EPIPE') process.exit(0);
  // Every write queued in the same tick fails the same way: say it once.
  if (stdoutFailed) return;
  stdoutFailed = true;
  process.stderr.write(`error: stdout: cannot write the output: ${err.code ?? sanitize(err.message)}\n`);
  process.exit(2);
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:index\.[jt]s|limbound)$/.test(process.argv[1]);
if (invokedDirectly) {
  process.stdout.on('error', onStdoutError);
  // Diagnostics that cannot be written are dropped; the exit code still tells.
  process.stderr.on('error', () => {});
  installSignalHandlers();
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

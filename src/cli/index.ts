#!/usr/bin/env node
/** The `limbound` command: argument parsing and error reporting; each subcommand lives in its own module. */
import { Command, CommanderError } from 'commander';
import { InputError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { registerEngineCommands, registerBenchEstimate } from './engine-commands.js';
import { registerSimulate, registerBenchSim } from './simulate.js';
import { registerSolve, registerBenchAnneal } from './solve.js';
import { registerFigureCommands } from './figure-commands.js';
import { registerSensitivity } from './uncertainty.js';
import { registerMachine, registerBenchMachine } from './machine.js';

export function buildProgram(): Command {
  const program = new Command('limbound')
    .description('Least energy to train an AI model or run a neuromorphic optimizer, by paradigm and by wall.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
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
  registerBenchMachine(bench);
  return program;
}

/** Runs the CLI; user errors print one line (`error: field: message`) and exit 2, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.commands.forEach(function exitOverrideAll(cmd: Command) {
    cmd.exitOverride();
    cmd.commands.forEach(exitOverrideAll);
  });
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; their text is already printed.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message}\n`);
    if (process.env.LIMBOUND_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:index\.[jt]s|limbound)$/.test(process.argv[1]);
if (invokedDirectly) {
  // `limbound … | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

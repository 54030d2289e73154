import type { Command } from 'commander';
/** `limbound solve …`: the optimizers with an energy ledger (src/solvers). Filled in by the solver work. */
export function registerSolve(_program: Command): void {}
export function registerBenchAnneal(_bench: Command): void {}

import type { Command } from 'commander';
/** `limbound simulate …`: the Langevin simulator (src/sim). Filled in by the simulator work. */
export function registerSimulate(_program: Command): void {}
export function registerBenchSim(_bench: Command): void {}

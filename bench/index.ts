/**
 * `npm run bench`: every benchmark of the project, in one run. Each module prints its own lines;
 * numbers are throughput on this machine (see docs/benchmarks.md for how to read them).
 */
import { run as runEstimate } from './estimate.bench.js';
import { run as runSim } from './sim.bench.js';
import { run as runAnneal } from './anneal.bench.js';
import { run as runUncertainty } from './uncertainty.bench.js';
import { run as runMachine } from './machine.bench.js';

const only = process.argv[2];
const benches: Array<[string, () => Promise<void>]> = [
  ['estimate', runEstimate],
  ['sim', runSim],
  ['anneal', runAnneal],
  ['uncertainty', runUncertainty],
  ['machine', runMachine],
];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`# ${name}`);
  await run();
}

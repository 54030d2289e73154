// The fuzzing campaign: `npm run fuzz -- --runs N [--seed S] [--only estimate|parsers|cli]`.
// Builds the CLI, then runs test/fuzz/*.test.ts with N library calls, N/10 parser documents and
// N/100 CLI invocations (each at least its CI count). The same seed replays the same campaign.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('--runs') ?? 10000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`error: --runs: expected a whole number ≥ 1, got '${option('--runs')}'`);
  process.exit(2);
}
const seed = option('--seed');
const only = option('--only');
const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const files = readdirSync('test/fuzz')
  .filter((f) => f.endsWith('.test.ts') && (!only || f.startsWith(only)))
  .map((f) => `test/fuzz/${f}`);
const env = { ...process.env, LIMBOUND_FUZZ_RUNS: String(runs), ...(seed ? { LIMBOUND_FUZZ_SEED: seed } : {}) };
const started = Date.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
console.error(`fuzz: --runs ${runs}${seed ? ` --seed ${seed}` : ''}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);

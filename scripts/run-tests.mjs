// Runs every test/**/*.test.ts file with node's built-in test runner (TypeScript through tsx).
// Extra arguments are passed on, e.g. `npm test -- --test-name-pattern=landauer`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
// The suites that drive a browser, spawn the CLI or run the simulator start first, so that no long file
// starts last; the one-second engine files fill the end (no gain measured beyond the VM's drift: docs/testing.md).
const SLOW_FIRST = ['web', 'fuzz', 'sim', 'machine', 'report', 'hardening', 'solvers'];
const rank = (path) => {
  const i = SLOW_FIRST.indexOf(path.split(/[\\/]/)[1]);
  return i < 0 ? SLOW_FIRST.length : i;
};
// Array sort is stable: within a rank the files keep collect()'s name order.
const files = collect('test').sort((a, b) => rank(a) - rank(b));
// Node runs availableParallelism() − 1 test files at once: one at a time on a 2-core machine, where most files
// wait on a child process, a worker or the browser; two at a time finish sooner with the same results
// (docs/testing.md). `npm test -- --test-concurrency=1` still runs them one by one (the last flag wins).
const concurrency = Math.max(2, availableParallelism());
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);

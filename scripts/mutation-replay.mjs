// Re-runs the surviving (and timed-out, and uncovered) mutants of a Stryker JSON report one at a time
// against the given test files, without a full Stryker run: each mutant is written into the working tree,
// the test files run, the source restored. Prints one line per mutant: "killed" or "SURVIVED".
// Usage: node scripts/mutation-replay.mjs reports/mutation/mutation.json test/engine/a.test.ts [...]
// Status filter: MUTANT_STATUS=Survived,Timeout,NoCoverage (the default).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [reportPath, ...tests] = process.argv.slice(2);
if (!reportPath || tests.length === 0) {
  console.error('usage: node scripts/mutation-replay.mjs <mutation.json> <test file>...');
  process.exit(2);
}
const statuses = new Set((process.env.MUTANT_STATUS ?? 'Survived,Timeout,NoCoverage').split(','));
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
let survived = 0;
for (const [file, result] of Object.entries(report.files)) {
  const source = readFileSync(file, 'utf8');
  if (source !== result.source) {
    console.log(`skipped ${file}: its source changed since the report`);
    continue;
  }
  const lineStart = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStart.push(i + 1);
  const offset = (p) => lineStart[p.line - 1] + p.column - 1;
  for (const m of result.mutants) {
    if (!statuses.has(m.status)) continue;
    const { start, end } = m.location;
    writeFileSync(file, source.slice(0, offset(start)) + m.replacement + source.slice(offset(end)));
    let r;
    try {
      r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...tests], { stdio: 'ignore', timeout: 300_000 });
    } finally {
      writeFileSync(file, source);
    }
    const killed = r.status !== 0;
    if (!killed) survived++;
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${file}:${start.line}:${start.column} ${m.mutatorName} → ${JSON.stringify(m.replacement).slice(0, 70)}`);
  }
}
process.exit(survived > 0 ? 1 : 0);

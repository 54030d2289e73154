// Folds the result of a partial mutation run (`npm run mutate -- --mutate <files>`) into the committed
// incremental file. Stryker writes its incremental file from the files of the current run only, so a run of
// one folder would otherwise drop every other folder's results; this keeps them, so that a later full
// `npm run mutate` re-tests only what changed.
// Usage: node scripts/mutation-merge.mjs <older.json> <newer.json> [out.json]   (out defaults to older)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [olderPath, newerPath, outPath = olderPath] = process.argv.slice(2);
if (!olderPath || !newerPath) {
  console.error('usage: node scripts/mutation-merge.mjs <older.json> <newer.json> [out.json]');
  process.exit(2);
}
const older = JSON.parse(readFileSync(olderPath, 'utf8'));
const newer = JSON.parse(readFileSync(newerPath, 'utf8'));
// Newer results win file by file; test files likewise (a test file's source is what the next run diffs).
const merged = {
  ...newer,
  files: { ...older.files, ...newer.files },
  testFiles: { ...(older.testFiles ?? {}), ...(newer.testFiles ?? {}) },
};
const tmp = `${outPath}.tmp`;
writeFileSync(tmp, `${JSON.stringify(merged, null, 2)}\n`);
renameSync(tmp, outPath);
const count = (files) => Object.values(files).reduce((n, f) => n + f.mutants.length, 0);
console.log(`${Object.keys(merged.files).length} files, ${count(merged.files)} mutants -> ${outPath}`);

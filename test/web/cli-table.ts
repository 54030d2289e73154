/** Runs `limbound estimate` and reads its text table back: the strings the CLI prints, per row. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

const cache = new Map<string, string[][]>();

export function cliTable(args: string[]): string[][] {
  const key = JSON.stringify(args);
  if (!cache.has(key)) cache.set(key, run(args));
  return cache.get(key)!;
}

function run(args: string[]): string[][] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`limbound estimate ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.split('\n');
  const rule = lines.findIndex((l) => l.startsWith('─'));
  const rows: string[][] = [];
  for (const line of lines.slice(rule + 1)) {
    if (!line.trim()) break;
    rows.push(line.trim().split(/\s{2,}/));
  }
  return rows;
}

/**
 * Regenerates docs/benchmarks.md: the G-set MAX-CUT benchmark (G1–G54, 5 seeds each), the annealer's
 * throughput against the C reference, and the fixed-point QP precision runs.
 *
 *   npx tsx scripts/bench-gset.ts [--jobs 2] [--seeds 5] [--save results.json] [--from results.json] [G1-G54]
 *
 * --jobs J runs J worker processes (one seed run per process at a time, single-threaded each);
 * --save keeps the raw results; --from re-renders the document from saved results without re-running.
 * Long: about 5 s of CPU per seed run, 270 runs for the full set.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/util/atomic.js';
import {
  GSET_ATTEMPT_BUDGET,
  GSET_BENCHMARK,
  parseInstanceList,
  runAnnealBench,
  runGsetInstance,
  type GsetInstanceResult,
} from '../src/solvers/index.js';
import { runQPBenchmark, renderBenchmarksDoc, type BenchmarkDocInput } from '../src/solvers/bench-doc.js';

/** The saved run is exactly what the document renders. */
type Saved = BenchmarkDocInput;

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
}

function positional(): string[] {
  const out: string[] = [];
  for (let k = 2; k < process.argv.length; k++) {
    if (process.argv[k].startsWith('--')) {
      k++;
      continue;
    }
    out.push(process.argv[k]);
  }
  return out;
}

const seeds = Array.from({ length: Number(arg('--seeds') ?? 5) }, (_, k) => k + 1);
const worker = arg('--worker');

async function runWorker(spec: string, out: string): Promise<void> {
  const [index, count] = spec.split('/').map(Number);
  const names = (positional().length ? parseInstanceList(positional()) : GSET_BENCHMARK).filter((_, k) => k % count === index);
  const results: GsetInstanceResult[] = [];
  for (const name of names) {
    const r = (await runGsetInstance(name, { seeds }))!;
    results.push(r);
    process.stderr.write(`${name}: mean ${r.mean_cut.toFixed(1)} / ${r.best_known_cut} = ${r.mean_ratio.toFixed(4)}, best ${r.best_cut}, worst ${r.min_ratio.toFixed(4)}, max CPU ${r.max_cpu_time_s.toFixed(2)} s, max wall ${r.max_wall_time_s.toFixed(2)} s\n`);
    writeFileAtomic(out, JSON.stringify(results));
  }
}

async function main(): Promise<void> {
  if (worker) {
    await runWorker(worker, arg('--out')!);
    return;
  }
  const docPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  let saved: Saved;
  const from = arg('--from');
  if (from) {
    saved = JSON.parse(readFileSync(from, 'utf8')) as Saved;
  } else {
    const jobs = Math.max(1, Number(arg('--jobs') ?? 1));
    const dir = mkdtempSync(join(tmpdir(), 'limbound-gset-'));
    const self = fileURLToPath(import.meta.url);
    const outs = Array.from({ length: jobs }, (_, k) => join(dir, `w${k}.json`));
    await Promise.all(
      outs.map(
        (out, k) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', self, '--worker', `${k}/${jobs}`, '--out', out, '--seeds', String(seeds.length), ...positional()], {
              stdio: ['ignore', 'inherit', 'inherit'],
            });
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${k} exited with ${code}`))));
          }),
      ),
    );
    const results = outs.flatMap((o) => JSON.parse(readFileSync(o, 'utf8')) as GsetInstanceResult[]);
    rmSync(dir, { recursive: true, force: true });
    results.sort((a, b) => Number(a.instance.slice(1)) - Number(b.instance.slice(1)));
    process.stderr.write('anneal throughput vs the C reference…\n');
    const anneal = runAnnealBench();
    process.stderr.write('fixed-point QP runs…\n');
    const qp = runQPBenchmark();
    saved = { generated: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`, seeds, budget: GSET_ATTEMPT_BUDGET, results, anneal, qp };
    const save = arg('--save');
    if (save) writeFileAtomic(save, `${JSON.stringify(saved, null, 1)}\n`);
  }
  // Other sections live in the same document between their own markers (the machine's G-set table from
  // scripts/bench-machine.ts, the machine kernel's throughput): keep them.
  const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const blocks = Array.from(previous.matchAll(/<!-- ([\w-]+):begin -->[\s\S]*?<!-- \1:end -->/g), (m) => m[0]);
  const rendered = renderBenchmarksDoc(saved);
  writeFileAtomic(docPath, blocks.length > 0 ? `${rendered.trimEnd()}\n\n${blocks.join('\n\n')}\n` : rendered);
  process.stderr.write(`wrote ${docPath}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});

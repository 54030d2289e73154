/**
 * The machine's G-set table in docs/benchmarks.md (between the "machine" markers): MAX-CUT on bistable
 * cells with the default lim schedule and budget, one thread, best of the default replicas after the
 * greedy one-flip polish, with the energy to solution measured over the cycle.
 *
 *   npx tsx scripts/bench-machine.ts [--save results.json] [--from results.json] [G1-G21]
 *
 * Results are appended to --save after every instance (a long run can be stopped and re-rendered).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { writeFileAtomic } from '../src/util/atomic.js';
import { bestKnownCuts, gsetFile, parseInstanceList } from '../src/solvers/gset.js';
import { readMaxCut } from '../src/solvers/io/problem-files.js';
import { ISING_BUDGET_PER_REPLICA, ISING_OPTION_DEFAULTS, runIsingMachine } from '../src/machine/solve.js';
import { DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K } from '../src/physics/constants.js';

interface Row {
  instance: string;
  n: number;
  best_known_cut: number;
  cut: number;
  cut_unpolished: number;
  ratio: number;
  anneal_tau_D: number;
  energy_to_solution_kT: number;
  energy_to_solution_stderr_kT: number;
  energy_per_committed_bit_kT: number;
  landauer_cost_kT: number;
  cpu_time_s: number;
  wall_time_s: number;
  /** One-minute load average of the machine when the run ended (other jobs share the cores). */
  load_average: number;
}

const arg = (name: string) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const positional = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !(k > 0 && all[k - 1].startsWith('--')));
const save = arg('--save');
const from = arg('--from');
const REPLICAS = ISING_OPTION_DEFAULTS.replicas;

let rows: Row[] = [];
if (from) rows = JSON.parse(readFileSync(from, 'utf8')) as Row[];
else {
  if (save && existsSync(save)) rows = JSON.parse(readFileSync(save, 'utf8')) as Row[];
  const names = parseInstanceList(positional.length ? positional : ['G1-G21']);
  for (const name of names) {
    if (rows.some((r) => r.instance === name)) continue;
    const file = gsetFile(name);
    const mc = readMaxCut(file);
    const bk = bestKnownCuts().get(name)!.best_known_cut;
    const cpu0 = process.cpuUsage();
    const doc = await runIsingMachine(mc.ising, {
      maxcut: mc,
      memory: 'lim',
      lambda_max: ISING_OPTION_DEFAULTS.lambda_max,
      retention_barrier_kT: ISING_OPTION_DEFAULTS.retention_barrier_kT,
      low_barrier_kT: ISING_OPTION_DEFAULTS.low_barrier_kT,
      wall: ISING_OPTION_DEFAULTS.wall,
      polish: true,
      best_known_cut: bk,
      replicas: REPLICAS,
      seed: 1,
      threads: 1,
      units: { temperature_K: DEFAULT_TEMPERATURE_K, tau0_s: DEFAULT_TAU0_S },
      source: file,
    });
    const cpu = process.cpuUsage(cpu0);
    const row: Row = {
      instance: name,
      n: mc.ising.n,
      best_known_cut: bk,
      cut: doc.cut as number,
      cut_unpolished: doc.cut_unpolished as number,
      ratio: doc.ratio as number,
      anneal_tau_D: doc.anneal_tau_D as number,
      energy_to_solution_kT: doc.energy_to_solution_kT as number,
      energy_to_solution_stderr_kT: doc.energy_to_solution_stderr_kT as number,
      energy_per_committed_bit_kT: doc.energy_per_committed_bit_kT as number,
      landauer_cost_kT: doc.landauer_cost_kT as number,
      cpu_time_s: (cpu.user + cpu.system) / 1e6,
      wall_time_s: doc.wall_time_s as number,
      load_average: Number(loadavg()[0].toFixed(1)),
    };
    rows.push(row);
    process.stderr.write(`${name}: cut ${row.cut} / ${bk} = ${row.ratio.toFixed(4)} (unpolished ${row.cut_unpolished}), CPU ${row.cpu_time_s.toFixed(1)} s, wall ${row.wall_time_s.toFixed(1)} s\n`);
    if (save) writeFileAtomic(save, JSON.stringify(rows, null, 1));
  }
}

const f = (x: number, d = 4) => Number(x.toPrecision(d)).toString();
const sorted = [...rows].sort((a, b) => Number(a.instance.slice(1)) - Number(b.instance.slice(1)));
const ratios = sorted.filter((r) => Number(r.instance.slice(1)) <= 10).map((r) => r.ratio).sort((a, b) => a - b);
const median = ratios.length === 0 ? NaN : ratios.length % 2 ? ratios[(ratios.length - 1) / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
const loads = sorted.map((r) => r.load_average).filter((v) => Number.isFinite(v));
const loadRange = loads.length ? `${Math.min(...loads)}–${Math.max(...loads)}` : 'not recorded';
const table = [
  '| instance | n | best-known cut | cut (polished) | cut (read-out) | ratio | anneal, τ_D | energy to solution, kT | per committed bit, kT | Landauer, kT | CPU s | wall s |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...sorted.map((r) => `| ${r.instance} | ${r.n} | ${r.best_known_cut} | ${r.cut} | ${r.cut_unpolished} | ${r.ratio.toFixed(4)} | ${f(r.anneal_tau_D)} | ${f(r.energy_to_solution_kT)} ± ${f(r.energy_to_solution_stderr_kT, 2)} | ${f(r.energy_per_committed_bit_kT)} | ${f(r.landauer_cost_kT)} | ${r.cpu_time_s.toFixed(1)} | ${r.wall_time_s.toFixed(1)} |`),
].join('\n');
const block = `<!-- machine:begin -->
## The physical optimizer on the G-set (\`limbound machine maxcut\`)

Regenerated by \`npx tsx scripts/bench-machine.ts [instances]\`; do not edit by hand. Bistable cells E_b(x² − 1)²
coupled by K = w between reflecting walls at ±${ISING_OPTION_DEFAULTS.wall} (the wells), the command's defaults: memory schedule \`lim\` (anneal at E_low = ${ISING_OPTION_DEFAULTS.low_barrier_kT} kT, λ: 0 → ${ISING_OPTION_DEFAULTS.lambda_max}/RMS field
on the geometric ramp, consolidation to ${ISING_OPTION_DEFAULTS.retention_barrier_kT} kT, hold, reset: a full cycle), the default budget of ${ISING_BUDGET_PER_REPLICA.toExponential(0).replace('e+', 'e')}
coupling-updates per replica, seed 1, **best of ${REPLICAS} replicas after a greedy one-flip polish** of the read-out signs
(\`cut\`; the best read-out before the polish is \`cut_unpolished\`), one thread per run — the same as
\`limbound machine maxcut data/gset/Gk.txt --threads 1\`. The energy to solution is the measured mean work of the cycle
per replica (± SE); its time step is the coarse Ising default (0.3/|H″|max), so it carries a discretisation bias
(docs/model.md §7). Anneal times are in τ_D = γa²/kT. **CPU s** is the process's user + system time for the
run (one core); wall time was contended — the machine's 2 cores were shared with other jobs (one-minute load
average ${loadRange} when the runs ended), so wall s is not a speed measure.

${sorted.length} instances run${ratios.length ? `; median ratio over G1–G10: **${median.toFixed(4)}**` : ''}; lowest ratio **${sorted.length ? Math.min(...sorted.map((r) => r.ratio)).toFixed(4) : '—'}** (${sorted.filter((r) => r.ratio < 0.97).length} below 0.97); largest CPU time **${sorted.length ? Math.max(...sorted.map((r) => r.cpu_time_s)).toFixed(1) : '—'} s**.

${table}
<!-- machine:end -->`;
const docPath = new URL('../docs/benchmarks.md', import.meta.url).pathname;
const doc = readFileSync(docPath, 'utf8');
const begin = doc.indexOf('<!-- machine:begin -->');
const end = doc.indexOf('<!-- machine:end -->');
const next = begin >= 0 && end > begin ? doc.slice(0, begin) + block + doc.slice(end + '<!-- machine:end -->'.length) : `${doc.trimEnd()}\n\n${block}\n`;
writeFileAtomic(docPath, next);
process.stderr.write(`wrote ${docPath} (${sorted.length} instances)\n`);

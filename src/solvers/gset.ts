/**
 * The G-set MAX-CUT benchmark (data/gset, provenance in data/gset/README.md): instance files, best-known
 * cuts, the benchmark's run settings, and the table docs/benchmarks.md shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sanitize } from '../util/text.js';
import { InputError } from '../util/errors.js';
import { formatSI } from '../util/format.js';
import { readMaxCut } from './io/problem-files.js';
import { solveMaxCut } from './ising/maxcut.js';
import type { ScheduleKind } from './ising/schedule.js';
import { priceRun, type ParadigmEnergy, type SolverPricingOptions } from './pricing.js';

/** data/gset of the package (works from src/ under tsx and from dist/ after the build). */
export function gsetDir(): string {
  return fileURLToPath(new URL('../../data/gset/', import.meta.url));
}

export function gsetFile(name: string): string {
  return `${gsetDir()}${name}.txt`;
}

export interface BestKnown {
  instance: string;
  nodes: number;
  edges: number;
  best_known_cut: number;
}

let bestKnownCache: Map<string, BestKnown> | undefined;

/** best-known.csv: Benlic & Hao 2013 (see data/gset/README.md). */
export function bestKnownCuts(): Map<string, BestKnown> {
  if (bestKnownCache) return bestKnownCache;
  const text = readFileSync(`${gsetDir()}best-known.csv`, 'utf8');
  const map = new Map<string, BestKnown>();
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [instance, nodes, edges, cut] = line.split(',');
    map.set(instance, { instance, nodes: Number(nodes), edges: Number(edges), best_known_cut: Number(cut) });
  }
  bestKnownCache = map;
  return map;
}

/** The instance name a path refers to, if it is a G-set file (…/G22.txt → G22). */
export function gsetNameOf(file: string): string | undefined {
  const m = /(?:^|[\\/])(G\d+)\.txt$/i.exec(file);
  if (!m) return undefined;
  const name = m[1].toUpperCase();
  return bestKnownCuts().has(name) ? name : undefined;
}

/**
 * The best-known entry for a file, only if it is that instance: named like one (…/G22.txt) and with its
 * vertex and edge counts, so an unrelated file that happens to be called G1.txt gets no ratio.
 */
export function bestKnownFor(file: string, nodes: number, edges: number): BestKnown | undefined {
  const name = gsetNameOf(file);
  const bk = name === undefined ? undefined : bestKnownCuts().get(name);
  return bk && bk.nodes === nodes && bk.edges === edges ? bk : undefined;
}

/** G1…G54, the benchmark's instances. */
export const GSET_BENCHMARK = Array.from({ length: 54 }, (_, k) => `G${k + 1}`);

/** Expands "G1-G10,G22" style lists. */
export function parseInstanceList(items: string[]): string[] {
  const known = bestKnownCuts();
  const out: string[] = [];
  for (const item of items.flatMap((s) => s.split(','))) {
    const t = item.trim().toUpperCase();
    if (!t) continue;
    const range = /^G(\d{1,6})-G?(\d{1,6})$/.exec(t);
    // The range is checked against the catalogue before it is expanded: G1-G99999999 allocates nothing.
    if (range && !(known.has(`G${Number(range[1])}`) && known.has(`G${Number(range[2])}`) && Number(range[1]) <= Number(range[2]))) {
      throw new InputError('instances', `unknown G-set range '${sanitize(t)}' (available: G1 to G54, FROM ≤ TO)`);
    }
    const names = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, k) => `G${Number(range[1]) + k}`) : [t];
    for (const name of names) {
      if (!known.has(name) || !existsSync(gsetFile(name))) {
        throw new InputError('instances', `unknown G-set instance '${sanitize(name)}' (available: G1 to G54)`);
      }
      out.push(name);
    }
  }
  return out;
}

/**
 * Benchmark settings: a fixed budget of flip attempts per seed run, spread over `restarts` restarts of the
 * geometric schedule, so the work (and the time) per run is the same order for every instance.
 */
export const GSET_ATTEMPT_BUDGET = 6e8;
export const GSET_RESTARTS = 1;
export const GSET_SCHEDULE: ScheduleKind = 'geometric';

export function gsetSweeps(n: number, budget = GSET_ATTEMPT_BUDGET, restarts = GSET_RESTARTS): number {
  return Math.max(1, Math.round(budget / (n * restarts)));
}

export interface GsetSeedRun {
  seed: number;
  cut: number;
  wall_time_s: number;
  cpu_time_s: number;
  paradigms: ParadigmEnergy[];
}

export interface GsetInstanceResult {
  instance: string;
  nodes: number;
  edges: number;
  best_known_cut: number;
  sweeps_per_restart: number;
  restarts: number;
  runs: GsetSeedRun[];
  mean_cut: number;
  best_cut: number;
  mean_ratio: number;
  best_ratio: number;
  min_ratio: number;
  max_wall_time_s: number;
  max_cpu_time_s: number;
  /** Mean energy to solution per paradigm over the seed runs. */
  mean_energy_J: Record<string, number>;
}

export interface GsetOptions {
  seeds?: number[];
  budget?: number;
  restarts?: number;
  schedule?: ScheduleKind;
  pricing?: SolverPricingOptions;
  signal?: AbortSignal;
}

export async function runGsetInstance(name: string, o: GsetOptions = {}): Promise<GsetInstanceResult | undefined> {
  const bk = bestKnownCuts().get(name)!;
  const mc = readMaxCut(gsetFile(name));
  const restarts = o.restarts ?? GSET_RESTARTS;
  const sweeps = gsetSweeps(mc.ising.n, o.budget, restarts);
  const runs: GsetSeedRun[] = [];
  for (const seed of o.seeds ?? [1, 2, 3, 4, 5]) {
    if (o.signal?.aborted) return undefined;
    const cpu0 = process.cpuUsage();
    const r = await solveMaxCut(mc, { schedule: o.schedule ?? GSET_SCHEDULE, sweeps, restarts, seed, signal: o.signal });
    const cpu = process.cpuUsage(cpu0);
    if (r.interrupted) return undefined;
    runs.push({ seed, cut: r.best_cut, wall_time_s: r.wall_time_s, cpu_time_s: (cpu.user + cpu.system) / 1e6, paradigms: priceRun(r.counts, o.pricing) });
  }
  const cuts = runs.map((r) => r.cut);
  const mean = cuts.reduce((a, b) => a + b, 0) / cuts.length;
  const meanEnergy: Record<string, number> = {};
  for (const row of runs[0].paradigms) meanEnergy[row.id] = runs.reduce((s, r) => s + r.paradigms.find((p) => p.id === row.id)!.energy_J, 0) / runs.length;
  return {
    instance: name,
    nodes: bk.nodes,
    edges: bk.edges,
    best_known_cut: bk.best_known_cut,
    sweeps_per_restart: sweeps,
    restarts,
    runs,
    mean_cut: mean,
    best_cut: Math.max(...cuts),
    mean_ratio: mean / bk.best_known_cut,
    best_ratio: Math.max(...cuts) / bk.best_known_cut,
    min_ratio: Math.min(...cuts) / bk.best_known_cut,
    max_wall_time_s: Math.max(...runs.map((r) => r.wall_time_s)),
    max_cpu_time_s: Math.max(...runs.map((r) => r.cpu_time_s)),
    mean_energy_J: meanEnergy,
  };
}

export interface GsetSummary {
  instances: number;
  median_mean_ratio: number;
  min_mean_ratio: number;
  min_run_ratio: number;
  instances_below_0_99: string[];
  max_cpu_time_s: number;
  max_wall_time_s: number;
  runs_over_10_s_cpu: number;
}

export function summarize(results: GsetInstanceResult[]): GsetSummary {
  const ratios = results.map((r) => r.mean_ratio).sort((a, b) => a - b);
  const mid = ratios.length / 2;
  const median = ratios.length === 0 ? NaN : ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
  return {
    instances: results.length,
    median_mean_ratio: median,
    min_mean_ratio: ratios[0] ?? NaN,
    min_run_ratio: Math.min(...results.map((r) => r.min_ratio)),
    instances_below_0_99: results.filter((r) => r.mean_ratio < 0.99).map((r) => r.instance),
    max_cpu_time_s: Math.max(...results.map((r) => r.max_cpu_time_s)),
    max_wall_time_s: Math.max(...results.map((r) => r.max_wall_time_s)),
    runs_over_10_s_cpu: results.reduce((s, r) => s + r.runs.filter((x) => x.cpu_time_s > 10).length, 0),
  };
}

const PARADIGM_COLUMNS: Array<[string, string]> = [
  ['landauer', 'Landauer'],
  ['lim', 'LIM'],
  ['cim', 'CIM'],
  ['vn-cmos-limit', 'vN CMOS limit'],
  ['vn-accelerator', 'vN accelerator'],
  ['lim-device', 'LIM device'],
  ['cim-device', 'CIM device'],
];

/** The benchmark table in Markdown. */
export function gsetMarkdownTable(results: GsetInstanceResult[]): string {
  const head = ['instance', 'n', 'best-known cut', 'ours mean', 'ours best', 'mean ratio', 'worst ratio', 'CPU s/run (max)', ...PARADIGM_COLUMNS.map(([, l]) => `E ${l}`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, k) => (k === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of results) {
    const cells = [
      r.instance,
      String(r.nodes),
      String(r.best_known_cut),
      r.mean_cut.toFixed(1),
      String(r.best_cut),
      r.mean_ratio.toFixed(4),
      r.min_ratio.toFixed(4),
      r.max_cpu_time_s.toFixed(2),
      ...PARADIGM_COLUMNS.map(([id]) => (r.mean_energy_J[id] === undefined ? '—' : formatSI(r.mean_energy_J[id], 'J'))),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * `limbound report`: one design point written up as a folder — report.md, a self-contained
 * report.html, every figure as SVG, PNG and Vega-Lite spec, the tables as CSV, the inputs echoed
 * (with where each value came from), the tool version and a BibTeX file of every source cited.
 * `buildReport` computes the files in memory; `writeReportDir` puts them on disk in one rename.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { estimateResolved, type EstimateResult } from '../model/estimate.js';
import { resolve } from '../model/resolve.js';
import type { ValidInput } from '../model/schema.js';
import { PARADIGMS } from '../model/paradigms.js';
import { CITATIONS, toBibtex, type Citation } from '../data/sources.js';
import { InputError, compactNumber } from '../util/errors.js';
import { VERSION } from '../version.js';
import { formatDuration, formatScientific } from '../util/format.js';
import { toCsv } from './table.js';
import { estimateColumns, ROWS_CSV_HEADER, rowsCsvValues, summaryNotes } from './estimate-table.js';
import { writeOrRefuse } from '../util/out-path.js';
import { toHtml, toMarkdown, type Block } from './document.js';
import {
  ladderSpec,
  ladderData,
  sizeSpec,
  sizeData,
  sizeSweep,
  defaultSizeRange,
  tradeoffSpec,
  tradeoffData,
  wallsSpec,
  wallsData,
  simSpec,
  analyseSim,
  describeSimFit,
  solverSpec,
  figureCitations,
  inputSummary,
  type SimAnalysis,
  type SimData,
  type SolverData,
  type SizeRange,
  type VlSpec,
} from './figures/index.js';
import { renderSvgNode, svgToPng } from './figures/node-render.js';
import { cleanNumbers } from '../util/numbers.js';
import { withBands, tornadoData } from './figures/uncertainty-data.js';
import { tornadoSpec } from './figures/tornado.js';
import { uncertaintyBlocks, uncertaintyTables, type ReportUncertainty } from './uncertainty-report.js';
import { machineBlocks, machineFiles, machineLadderData, type MachineRun } from './machine-report.js';

export interface RunFigure<T> {
  data: T;
  /** The result document behind the figure (echoed as JSON). */
  doc: Record<string, unknown>;
  /** Where it came from: a file name or "built-in …". */
  source: string;
}

export interface ReportOptions {
  input: ValidInput;
  sim?: RunFigure<SimData> | null;
  solver?: RunFigure<SolverData> | null;
  /** Why the simulator / solver figures are missing, when they are. */
  simMissing?: string;
  solverMissing?: string;
  /** A physical-optimizer run (report --machine), and why it is missing when it is. */
  machine?: MachineRun;
  machineMissing?: string;
  png?: boolean;
  pngScale?: number;
  sizeRange?: SizeRange;
  /** The command line that reproduces the report, shown in it. */
  command?: string;
  /** Bands, ranges and sensitivity (report --uncertainty). */
  uncertainty?: ReportUncertainty;
  onStep?: (done: number, total: number) => void;
}

interface FigureEntry {
  name: string;
  caption: string;
  spec: VlSpec;
}

/** The simulator figure's bound and fit, computed once for the figure and the text. */
type SimFigure = RunFigure<SimData> & { analysis: SimAnalysis };

export async function buildReport(o: ReportOptions): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const resolved = resolve(o.input);
  const result = estimateResolved(resolved, { tradeoff: true });
  const range = o.sizeRange ?? defaultSizeRange(result.counts.params, result.workload.kind);
  const sweep = sizeSweep(o.input, range);

  const data = { ladder: ladderData(result), walls: wallsData(result), size: sizeData(result, sweep), tradeoff: tradeoffData(result) };
  const figures: FigureEntry[] = [
    { name: 'ladder', caption: 'Energy ladder: least energy to solution by paradigm, with the brain’s 20 W over the same time', spec: ladderSpec(o.uncertainty ? withBands(data.ladder, o.uncertainty.summary) : data.ladder) },
    { name: 'walls', caption: 'Memory, update, consolidation and compute walls of each paradigm', spec: wallsSpec(data.walls) },
    { name: 'size', caption: 'Energy against model size, with reported training energies', spec: sizeSpec(data.size) },
    { name: 'tradeoff', caption: 'Energy against time to solution (counts held fixed)', spec: tradeoffSpec(data.tradeoff) },
  ];
  const sim: SimFigure | undefined = o.sim ? { ...o.sim, analysis: analyseSim(o.sim.data) } : undefined;
  if (sim) figures.push({ name: 'sim', caption: `Simulator: work against protocol duration (${sim.source})`, spec: simSpec(sim.data, sim.analysis) });
  if (o.solver) figures.push({ name: 'solver', caption: `Solver: energy to solution against iterations (${o.solver.source})`, spec: solverSpec(o.solver.data) });
  if (o.machine) figures.push({ name: 'machine-run', caption: `Physical optimizer: measured energy to solution beside the Landauer cost and the engine's rows on the run's counts (${o.machine.source})`, spec: ladderSpec(machineLadderData(o.machine)) });
  const tornado = o.uncertainty ? tornadoData(result, o.uncertainty.sensitivity) : undefined;
  if (tornado) figures.push({ name: 'tornado', caption: `Sobol' indices of ${tornado.quantity}`, spec: tornadoSpec(tornado) });

  const total = figures.length + 1;
  const svgs = new Map<string, string>();
  for (const [i, f] of figures.entries()) {
    const svg = await renderSvgNode(f.spec);
    svgs.set(f.name, svg);
    files.set(`figures/${f.name}.svg`, svg);
    files.set(`figures/${f.name}.vl.json`, `${JSON.stringify(f.spec, null, 2)}\n`);
    if (o.png !== false) files.set(`figures/${f.name}.png`, svgToPng(svg, { scale: o.pngScale ?? 2 }));
    o.onStep?.(i + 1, total);
  }

  // Tables.
  const ids = PARADIGMS.map((p) => p.id);
  files.set('tables/rows.csv', toCsv(ROWS_CSV_HEADER, rowsCsvValues(result.rows)));
  files.set('tables/tradeoff.csv', toCsv(['time_s', ...ids.map((id) => `${id}_energy_J`), 'cim_barrier_kT'], result.tradeoff!.points.map((p) => [p.time_s, ...ids.map((id) => p.energy_J[id]), p.cim_barrier_kT])));
  for (const [path, csv] of o.uncertainty ? uncertaintyTables(result, o.uncertainty) : []) files.set(path, csv);
  files.set('tables/size-sweep.csv', toCsv(['params', ...ids.map((id) => `${id}_energy_J`)], sweep.points.map((p) => [p.params, ...ids.map((id) => p.energy_J[id])])));
  if (o.sim) {
    files.set('tables/sim.csv', toCsv(['duration_tau0', 'mean_work_kT', 'stderr_work_kT'], o.sim.data.points.map((p) => [p.duration, p.mean_work_kT, p.stderr_work_kT])));
    files.set('runs/sim.json', `${JSON.stringify(o.sim.doc, null, 2)}\n`);
  }
  if (o.solver) {
    const sIds = o.solver.data.series.map((s) => s.id);
    files.set('tables/solver.csv', toCsv(['iteration', ...sIds.map((id) => `${id}_energy_J`)], o.solver.data.points.map((p) => [p.iteration, ...sIds.map((id) => p.energy_J[id])])));
    files.set('runs/solver.json', `${JSON.stringify(o.solver.doc, null, 2)}\n`);
  }

  for (const [path, text] of o.machine ? machineFiles(o.machine) : []) files.set(path, text);

  // Inputs, result, version, references.
  files.set('inputs.json', `${JSON.stringify({ given: o.input, effective: result.inputs, origin: result.origin }, cleanNumbers, 2)}\n`);
  files.set('config.json', `${JSON.stringify({ version: 1, ...o.input }, null, 2)}\n`);
  files.set('result.json', `${JSON.stringify(result, cleanNumbers, 2)}\n`);
  files.set('version.json', `${JSON.stringify({ tool: 'limbound', version: VERSION }, null, 2)}\n`);
  const cited = figureCitations(result, [o.sim?.data, o.solver?.data, tornado]);
  files.set('references.bib', toBibtex(cited));

  const blocks = reportBlocks(result, o, sim, range, figures, cited, files);
  const title = `limbound report: ${result.workload.name}`;
  files.set('report.md', toMarkdown(blocks));
  files.set('report.html', toHtml(blocks, title, svgs));
  o.onStep?.(total, total);
  return files;
}

function reportBlocks(r: EstimateResult, o: ReportOptions, sim: SimFigure | undefined, range: SizeRange, figures: FigureEntry[], cited: string[], files: Map<string, unknown>): Block[] {
  const figureBlock = (name: string): Block[] => {
    const f = figures.find((x) => x.name === name);
    if (!f) return [];
    return [{ type: 'figure', name, caption: f.caption, svgPath: `figures/${name}.svg`, pngPath: o.png === false ? undefined : `figures/${name}.png`, specPath: `figures/${name}.vl.json` }];
  };
  const t = r.tradeoff!;
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `limbound report: ${r.workload.name}` },
    { type: 'paragraph', text: `limbound ${r.tool.version}. ${inputSummary(r)}.` },
    { type: 'paragraph', text: 'Kinds: bound = physics lower bound under the stated model; estimate = technology data × operation counts; reported = energy a real run reports, with its accounting boundary (gpu, system or facility). The model and its citations: docs/model.md.' },
    ...(o.command ? ([{ type: 'paragraph', text: 'Reproduce with:' }, { type: 'code', text: o.command }] as Block[]) : []),
    { type: 'heading', level: 2, text: 'Least energy to solution' },
    {
      type: 'table',
      header: estimateColumns(r).map((c) => c.header),
      rows: r.rows.map((row) => estimateColumns(r).map((c) => c.value(row))),
      align: estimateColumns(r).map((c) => c.align ?? 'left'),
    },
    { type: 'list', items: summaryNotes(r) },
    ...figureBlock('ladder'),
    ...(o.uncertainty ? uncertaintyBlocks(o.uncertainty, figureBlock) : []),
    { type: 'heading', level: 2, text: 'Walls' },
    { type: 'paragraph', text: 'Memory = reading parameters; update = writing them at training precision; consolidation = keeping them (refresh, checkpoints, transfer to long-term memory); compute = arithmetic outside the memory.' },
    ...figureBlock('walls'),
    { type: 'heading', level: 2, text: 'Energy against model size' },
    { type: 'paragraph', text: `${range.count} model sizes from ${formatScientific(range.from)} to ${formatScientific(range.to)} parameters (log-spaced), the other inputs held; table: \`tables/size-sweep.csv\`.` },
    ...figureBlock('size'),
    { type: 'heading', level: 2, text: 'Energy against time to solution' },
    { type: 'paragraph', text: `Counts held fixed. Each cell is updated once per relaxation time (τ_u = τ_r) at T_sol = ${formatDuration(t.relaxation_limited_time_s)}; at the input's T_sol, LIM/floor = ${t.lim_over_floor_at_input.toPrecision(4)}. Table: \`tables/tradeoff.csv\`.` },
    ...figureBlock('tradeoff'),
    { type: 'heading', level: 2, text: 'Simulator' },
  ];
  if (sim) {
    const { fit } = sim.analysis;
    const chi2 = Number.isFinite(fit.chi2_per_dof) ? `, χ²/dof = ${fit.chi2_per_dof.toPrecision(3)}` : '';
    blocks.push(
      { type: 'paragraph', text: `Source: ${sim.source}. ${capitalise(describeSimFit(sim.analysis, sim.data.duration_unit))}${chi2}. Bound: ${sim.analysis.reference_label}, which the slow limit a is compared with. Table: \`tables/sim.csv\`; run: \`runs/sim.json\`.` },
      ...figureBlock('sim'),
    );
  } else blocks.push({ type: 'paragraph', text: `Not included: ${o.simMissing ?? 'no simulator result given (--sim FILE.json)'}.` });
  blocks.push({ type: 'heading', level: 2, text: 'Solver' });
  if (o.solver) {
    blocks.push({ type: 'paragraph', text: `Source: ${o.solver.source}. Table: \`tables/solver.csv\`; run: \`runs/solver.json\`.` }, ...figureBlock('solver'));
  } else blocks.push({ type: 'paragraph', text: `Not included: ${o.solverMissing ?? 'no solver result given (--solver FILE.json)'}.` });
  blocks.push(...machineBlocks(o.machine, o.machineMissing ?? 'no machine run asked for (--machine GRAPH | QP.json | RESULT.json)', figureBlock));

  blocks.push(
    { type: 'heading', level: 2, text: 'Inputs' },
    {
      type: 'table',
      header: ['input', 'value', 'origin'],
      rows: Object.entries(r.inputs).map(([k, v]) => [k, typeof v === 'number' ? compactNumber(Number(v.toPrecision(6))) : v, r.origin[k] ?? '']),
    },
    { type: 'heading', level: 2, text: 'Files' },
    { type: 'list', items: [...files.keys(), 'report.md', 'report.html'].filter((v, i, a) => a.indexOf(v) === i).sort().map((f) => `\`${f}\``) },
    { type: 'heading', level: 2, text: 'References' },
    { type: 'paragraph', text: 'BibTeX: `references.bib`. If you use these numbers, cite the seed paper (Chen et al., arXiv:2402.14878) and the sources of the numbers you quote.' },
    { type: 'list', items: cited.map((id) => citationText(CITATIONS[id]!)) },
  );
  return blocks;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function citationText(c: Citation): string {
  const link = c.doi ? ` doi:${c.doi}` : c.url ? ` ${c.url}` : '';
  return `[${c.id}] ${c.authors}, “${c.title}”, ${c.venue} (${c.year}).${link}`;
}

// ── writing ────────────────────────────────────────────────────────────────

/** True when `dir` is missing, empty, or a previous limbound report (safe to replace). */
function replaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  if (readdirSync(dir).length === 0) return true;
  try {
    const v = JSON.parse(readFileSync(join(dir, 'version.json'), 'utf8')) as { tool?: string };
    return v.tool === 'limbound' && existsSync(join(dir, 'report.md'));
  } catch {
    return false;
  }
}

/** Refuses an --out that holds something other than a limbound report (checked before any work). */
export function checkReportDir(dir: string): void {
  if (!replaceable(dir)) throw new InputError('out', `'${dir}' exists and is not a limbound report folder; give a new or empty folder`);
}

/**
 * Writes every file into a temporary folder beside `dir`, then renames it into place (replacing a
 * previous report), so `dir` is never seen half-written.
 */
export function writeReportDir(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const target = resolvePath(dir);
  checkReportDir(target);
  writeOrRefuse(dir, () => replaceDir(target, files));
}

function replaceDir(target: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  let old: string | undefined;
  try {
    for (const [path, data] of files) {
      const full = join(tmp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, data);
    }
    if (existsSync(target)) {
      old = `${tmp}-old`;
      renameSync(target, old);
    }
    renameSync(tmp, target);
  } catch (err) {
    if (old && !existsSync(target)) renameSync(old, target);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

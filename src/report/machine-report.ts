/**
 * The physical optimizer's part of `limbound report --machine`: one machine run (a `limbound machine …
 * --json` document, read or produced by the report) as a section — quality, time and energy to solution,
 * the Landauer cost, the engine's rows priced on the run's measured counts — with a ladder figure that
 * sets the measured cycle work beside those bounds, and the run's table and document as files.
 */
import type { Kind } from '../model/paradigms.js';
import { InputError } from '../util/errors.js';
import { sanitize } from '../util/text.js';
import { formatSI } from '../util/format.js';
import { toCsv } from './table.js';
import type { Block } from './document.js';
import type { LadderData, LadderRow } from './figures/index.js';

type Doc = Record<string, unknown>;

export const MACHINE_MODES = ['qp', 'maxcut', 'ising'] as const;

export interface MachineRow {
  id: string;
  label: string;
  kind: Kind;
  energy_J: number;
  orders_above_floor: number;
}

/** A machine result document, checked: the fields the section prints. */
export interface MachineRun {
  doc: Doc;
  source: string;
  mode: (typeof MACHINE_MODES)[number];
  n: number;
  replicas: number;
  energy_kT: number;
  energy_stderr_kT: number;
  energy_J: number;
  time_s: number;
  time_tau_D: number;
  landauer_kT: number;
  landauer_J: number;
  rows: MachineRow[];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** True when `doc` looks like a machine result (its `mode` is one of the machine's). */
export function isMachineDocument(doc: unknown): doc is Doc {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && (MACHINE_MODES as readonly unknown[]).includes((doc as Doc).mode);
}

/** Checks a machine result document; one-line errors name the field. */
export function machineRunFromDocument(doc: Doc, source: string): MachineRun {
  const where = sanitize(source);
  const need = (key: string, check: (v: unknown) => boolean = finite, what = 'a finite number'): unknown => {
    if (!check(doc[key])) throw new InputError('machine', `${where}: "${key}" must be ${what} (a limbound machine … --json document), got ${sanitize(JSON.stringify(doc[key]) ?? 'nothing')}`);
    return doc[key];
  };
  if (!isMachineDocument(doc)) need('mode', () => false, `one of ${MACHINE_MODES.join(', ')}`);
  const rows = need('paradigms', (v) => Array.isArray(v) && v.length > 0, 'a non-empty array of priced rows') as unknown[];
  const priced = rows.map((raw, i): MachineRow => {
    const r = (raw ?? {}) as Doc;
    if (typeof r.id !== 'string' || typeof r.label !== 'string' || typeof r.kind !== 'string' || !finite(r.energy_J) || !finite(r.orders_above_floor)) {
      throw new InputError('machine', `${where}: paradigms[${i}] must have id, label, kind, energy_J and orders_above_floor`);
    }
    return { id: r.id, label: r.label, kind: r.kind as Kind, energy_J: r.energy_J, orders_above_floor: r.orders_above_floor };
  });
  return {
    doc,
    source,
    mode: doc.mode as MachineRun['mode'],
    n: need('n') as number,
    replicas: need('replicas_completed') as number,
    energy_kT: need('energy_to_solution_kT') as number,
    energy_stderr_kT: finite(doc.energy_to_solution_stderr_kT) ? doc.energy_to_solution_stderr_kT : NaN,
    energy_J: need('energy_to_solution_J') as number,
    time_s: need('time_to_solution_s') as number,
    time_tau_D: need('time_to_solution_tau_D') as number,
    landauer_kT: need('landauer_cost_kT') as number,
    landauer_J: need('landauer_cost_J') as number,
    rows: priced,
  };
}

const g4 = (x: unknown) => (finite(x) ? Number(x.toPrecision(4)).toString() : '—');

/** The quality line: the cut and its ratio (MAX-CUT), the energy (Ising), the error and bits (QP). */
function quality(r: MachineRun): string {
  const d = r.doc;
  if (r.mode === 'maxcut') {
    const ratio = finite(d.ratio) ? `, ${g4(d.ratio)} of the best-known ${d.best_known_cut}` : '';
    return `cut ${d.cut}${ratio} (read-out before the polish: ${d.cut_unpolished}; ${d.readout})`;
  }
  if (r.mode === 'ising') return `energy ${g4(d.energy)} (before the polish: ${g4(d.energy_unpolished)}; ${d.readout})`;
  return `‖x̄ − x*‖∞ = ${g4(d.error_inf)}, ${g4(d.bits_of_precision)} bits of precision (${d.readout})`;
}

/** The ladder of this run: the engine's rows on its counts, its Landauer cost and the measured cycle work. */
export function machineLadderData(r: MachineRun): LadderData {
  const rows: LadderRow[] = [
    ...r.rows.map((row) => ({ id: row.id, label: row.label, kind: row.kind, energy_J: row.energy_J })),
    { id: 'machine_landauer', label: r.mode === 'qp' ? 'Landauer cost of the bits read out (n·N·kT·ln2; not a bound on this cycle)' : 'Landauer cost of the cycle (committed bits × kT·ln2)', kind: 'bound', energy_J: r.landauer_J },
    { id: 'machine_measured', label: `measured: cycle work of the simulated machine (${r.replicas} replicas)`, kind: 'measured', energy_J: r.energy_J },
  ];
  return {
    title: `The physical optimizer: measured energy to solution beside the bounds (${r.mode}, n = ${r.n})`,
    subtitle: [`${sanitize(r.source)}; the engine's rows priced on the run's measured counts (cells, bit flips, time to solution ${formatSI(r.time_s, 's')})`],
    note: 'Source: limbound machine (src/machine), measured Sekimoto work of a full cycle; bounds and rows: docs/model.md §7.',
    rows,
    time_s: r.time_s,
  };
}

export function machineFiles(r: MachineRun): Array<[string, string]> {
  return [
    ['tables/machine.csv', toCsv(['id', 'label', 'kind', 'energy_J', 'orders_above_floor'], r.rows.map((row) => [row.id, row.label, row.kind, row.energy_J, row.orders_above_floor]))],
    ['runs/machine.json', `${JSON.stringify(r.doc, null, 2)}\n`],
  ];
}

export function machineBlocks(r: MachineRun | undefined, missing: string, figureBlock: (name: string) => Block[]): Block[] {
  const head: Block = { type: 'heading', level: 2, text: 'Physical optimizer (machine)' };
  if (!r) return [head, { type: 'paragraph', text: `Not included: ${missing}.` }];
  const d = r.doc;
  const w = (d.work ?? {}) as Doc;
  const pm = (v: number, se: number, unit: string) => `${g4(v)}${Number.isFinite(se) ? ` ± ${g4(se)}` : ''} ${unit}`;
  const lim = r.rows.find((row) => row.id === 'lim');
  const rows: string[][] = [
    ['problem', `${r.mode}, n = ${r.n}${d.couplings !== undefined ? `, ${d.couplings} couplings` : ''}${d.memory !== undefined ? `, memory schedule ${d.memory}` : ''}${d.protocol !== undefined ? `, protocol ${d.protocol}` : ''}`],
    ['replicas, seed', `${r.replicas}${d.interrupted ? ' (interrupted; the finished replicas are kept)' : ''}, seed ${d.seed}`],
    ['quality', quality(r)],
    ['time to solution', `${g4(r.time_tau_D)} τ_D = ${formatSI(r.time_s, 's')} (τ_D = γa²/kT = ${formatSI(Number(d.tau_D_s), 's')})`],
    ['energy to solution (cycle work per replica, measured)', `${pm(r.energy_kT, r.energy_stderr_kT, 'kT')} = ${formatSI(r.energy_J, 'J')} at ${d.temperature_K} K`],
    ['anneal work alone', pm(Number(w.mean_work_kT), Number(w.stderr_work_kT), 'kT')],
    [r.mode === 'qp' ? 'Landauer cost of the bits read out (n·N·kT·ln2)' : 'Landauer cost of the cycle (bound)', `${g4(r.landauer_kT)} kT = ${formatSI(r.landauer_J, 'J')}; measured ÷ Landauer = ${g4(r.energy_kT / r.landauer_kT)}`],
    ['second law (cycle work ≥ −3 SE)', w.second_law_holds === true ? 'holds' : w.second_law_holds === false ? 'VIOLATED' : '—'],
  ];
  if (lim) rows.push(["engine's LIM row on these counts", `${formatSI(lim.energy_J, 'J')}; measured ÷ LIM row = ${g4(r.energy_J / lim.energy_J)}`]);
  return [
    head,
    {
      type: 'paragraph',
      text: `Source: ${r.source}. The machine runs the optimizer as coupled overdamped Langevin memory cells; its energy to solution is the measured Sekimoto work of a full cycle (anneal, consolidate, hold/read out, reset) per replica — the cells and coupling, not the controller or the read-out electronics. The engine's rows below are priced on this run's measured counts (P = n cells, the measured bit flips as the changed bits, T_sol = the time to solution), beside — not in place of — the measured work. They do not bound it: the engine charges every measured bit change as a committed write, while most crossings at a low anneal barrier are thermal fluctuations paid by the bath, and its LIM row consolidates to its own 10-year barrier; ${r.mode === 'qp' ? 'in QP mode no Landauer cost bounds the cycle either: the cells commit nothing (the ramp is undone at the reset, the read-out is a time average taken outside them), so the cost of the bits read out is shown only for scale' : 'the bound that applies to the measured cycle is its Landauer cost'} (docs/model.md §7). Table: \`tables/machine.csv\`; run: \`runs/machine.json\`.`,
    },
    { type: 'table', header: ['quantity', 'value'], rows, align: ['left', 'left'] },
    {
      type: 'table',
      header: ['paradigm (on the run’s counts)', 'kind', 'energy', 'orders above floor'],
      rows: r.rows.map((row) => [row.label, row.kind, formatSI(row.energy_J, 'J'), g4(row.orders_above_floor)]),
      align: ['left', 'left', 'right', 'right'],
    },
    ...figureBlock('machine-run'),
  ];
}

/**
 * limbound in the browser: a form generated from the engine's field table, the estimate table with
 * the CLI's formatting, and the figures of src/report/figures, recomputed as you type. Every input
 * lives in the URL, so a link restores the page. Sweeps (energy against size and time) and the
 * uncertainty bands run in a Web Worker. Nothing here talks to a server.
 */
import * as vega from 'vega';
import { FIELDS, FIELD_KEYS, type FieldKey } from '../../src/model/schema.js';
import { estimateResolved, type EstimateResult } from '../../src/model/estimate.js';
import { resolve } from '../../src/model/resolve.js';
import { parseReportedFile } from '../../src/model/reported-files.js';
import type { ReportedMeasurement } from '../../src/model/reported.js';
import { formatSI } from '../../src/util/format.js';
import { fileRow } from './uploads.js';
import { modelConfigFromText, modelConfigInput, type ModelConfigSummary } from '../../src/model/model-config.js';
import { describeModelConfig } from '../../src/report/model-config-text.js';
import { WORKLOADS } from '../../src/data/workloads.js';
import { ACCELERATORS } from '../../src/data/accelerators.js';
import { DEVICES } from '../../src/data/devices.js';
import { toBibtex } from '../../src/data/sources.js';
import { InputError, compactNumber } from '../../src/util/errors.js';
import { formatDuration } from '../../src/util/format.js';
import { ESTIMATE_COLUMNS, ROWS_CSV_HEADER, rowsCsvValues, summaryNotes } from '../../src/report/estimate-table.js';
import { toCsv } from '../../src/report/table.js';
import { figureCitations, inputSummary, ladderData, ladderSpec, wallsData, wallsSpec, sizeSpec, tradeoffSpec, type VlSpec } from '../../src/report/figures/index.js';
import { renderSvg, toVega } from '../../src/report/figures/render.js';
import { checkValues, queryFromValues, valuesFromQuery, type FormValues } from './state.js';
import { DOCS_URL, GLOSSARY, groupedKeys, headline, labelOf, presetGroups, runTitle } from './labels.js';
import { fitSpec, plotRowWidth } from './fit-figure.js';
import { computeSweeps } from './sweeps.js';
import type { ValidInput } from '../../src/model/schema.js';
import type { SamplingReply, SamplingRequest, SweepReply, SweepRequest, WorkerReply } from './worker-protocol.js';
import { EMPTY_SAMPLING, checkSampling, samplingFromQuery, samplingQuery, type RangeEdit, type SamplingForm } from './sampling-state.js';
import { runSampling } from './sampling-run.js';
import { defaultRangeRows, type ActiveRange, type SamplingPlan, type UncertaintySummary } from '../../src/model/uncertainty.js';
import { findQuantity, uncertainQuantities } from '../../src/model/uncertain-inputs.js';
import { DISTRIBUTIONS } from '../../src/util/distributions.js';
import { bandColumn, bandsCsv, rangeSourceText, uncertaintyNotes, withUncertainty } from '../../src/report/uncertainty-table.js';
import { withBands } from '../../src/report/figures/index.js';
import type { Column } from '../../src/report/table.js';
import type { PricedRow } from '../../src/model/price.js';
import SweepWorker from './sweep-worker.ts?worker&inline';

const NAMES: Partial<Record<FieldKey, (id: string) => string>> = {
  workload: (id) => WORKLOADS.find((w) => w.id === id)?.name ?? id,
  accelerator: (id) => ACCELERATORS.find((a) => a.id === id)?.name ?? id,
  device: (id) => DEVICES.find((d) => d.id === id)?.name ?? id,
  lim_device: (id) => DEVICES.find((d) => d.id === id)?.name ?? id,
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// ── form ───────────────────────────────────────────────────────────────────

function choicesOf(key: FieldKey): readonly string[] {
  const field = FIELDS[key];
  if (field.type !== 'choice') return [];
  return typeof field.choices === 'function' ? field.choices() : field.choices;
}

function buildForm(form: HTMLElement): void {
  groupedKeys().forEach((group, index) => {
    if (!group.keys.length) return;
    const box = document.createElement('details');
    box.open = index === 0 || group.id === 'reported' || group.id === 'hardware';
    box.dataset.group = group.id;
    const summary = document.createElement('summary');
    summary.textContent = group.title;
    box.append(summary);
    for (const key of group.keys) box.append(fieldRow(key));
    if (group.id === 'workload') box.append(modelConfigRow());
    if (group.id === 'reported') box.append(measurementRow());
    form.append(box);
  });
}

/** A measurement read from a file (CodeCarbon, nvidia-smi): in memory only, not in the link. */
let measurement: ReportedMeasurement | undefined;

function measurementRow(): HTMLElement {
  return fileRow({
    id: 'reported_file',
    label: 'Or a measurement file',
    help: 'CodeCarbon’s emissions.csv, or an nvidia-smi --query-gpu=timestamp,power.draw --format=csv log (power integrated over time, per GPU). Read in your browser; not part of the link.',
    accept: '.csv,.log,.txt,text/csv,text/plain',
    read(text, name) {
      measurement = parseReportedFile(text, name);
      return `Read ${name}: ${formatSI(measurement.energy_J, 'J')} (${formatSI(measurement.energy_J / 3600, 'Wh')}), ${measurement.boundary} boundary. ${measurement.method}`;
    },
    clear() {
      measurement = undefined;
    },
    changed: () => schedule(),
  });
}

/** A Hugging Face config.json: its counts sit under the typed fields, in memory only, not in the link. */
let modelConfig: ModelConfigSummary | undefined;

function modelConfigRow(): HTMLElement {
  return fileRow({
    id: 'model_config',
    label: 'Model config (config.json)',
    help: 'A Hugging Face config.json sets the name, parameters, FLOP per token (6·N plus attention at the configured context, at most 8192 tokens) and precision from torch_dtype; fields you type override it. Read in your browser; not part of the link, so a copied link does not reproduce it.',
    accept: '.json,application/json',
    read(text, name) {
      modelConfig = modelConfigFromText('model_config', name, text);
      return `${describeModelConfig(name, modelConfig)}. The link does not carry this file: upload it again after opening the link.`;
    },
    clear() {
      modelConfig = undefined;
    },
    changed: () => schedule(),
  });
}

function presetSelect(select: HTMLSelectElement): void {
  select.add(new Option('Brain-scale model (the default)', ''));
  for (const group of presetGroups(WORKLOADS)) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = group.label;
    for (const id of group.ids) optgroup.append(new Option(NAMES.workload!(id), id));
    select.append(optgroup);
  }
}

function fieldRow(key: FieldKey): HTMLElement {
  const field = FIELDS[key];
  const text = labelOf(key);
  const row = document.createElement('div');
  row.className = 'field';
  row.dataset.key = key;
  const label = document.createElement('label');
  label.htmlFor = `field-${key}`;
  label.textContent = text.label;
  if (text.unit) {
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = ` (${text.unit})`;
    label.append(unit);
  }
  let control: HTMLInputElement | HTMLSelectElement;
  if (field.type === 'choice') {
    const select = document.createElement('select');
    if (key === 'workload') presetSelect(select);
    else {
      select.add(new Option('(from the preset)', ''));
      for (const c of choicesOf(key)) select.add(new Option(NAMES[key] ? NAMES[key]!(c) : c, c));
    }
    control = select;
  } else {
    const input = document.createElement('input');
    input.type = 'text';
    input.inputMode = 'decimal';
    input.autocomplete = 'off';
    input.spellcheck = false;
    control = input;
  }
  control.id = `field-${key}`;
  control.name = key;
  control.setAttribute('aria-describedby', `msg-${key} help-${key}`);
  const help = document.createElement('span');
  help.className = 'help';
  help.id = `help-${key}`;
  help.textContent = `${text.help}${text.example ? ` E.g. ${text.example}.` : ''}`;
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.id = `msg-${key}`;
  msg.setAttribute('role', 'alert');
  row.append(label, control, msg, help);
  return row;
}

function readForm(): FormValues {
  const values: FormValues = {};
  for (const key of FIELD_KEYS) {
    const el = $<HTMLInputElement>(`field-${key}`);
    if (el.value.trim()) values[key] = el.value.trim();
  }
  return values;
}

function writeForm(values: FormValues): void {
  for (const key of FIELD_KEYS) {
    const el = $<HTMLInputElement | HTMLSelectElement>(`field-${key}`);
    const v = values[key] ?? '';
    if (el instanceof HTMLSelectElement && v && !Array.from(el.options).some((o) => o.value === v.toLowerCase())) el.add(new Option(v, v));
    el.value = el instanceof HTMLSelectElement ? v.toLowerCase() : v;
  }
}

function showErrors(errors: Partial<Record<string, string>>): void {
  let general = '';
  for (const key of FIELD_KEYS) {
    const msg = errors[key] ?? '';
    $(`msg-${key}`).textContent = msg;
    $(`field-${key}`).setAttribute('aria-invalid', msg ? 'true' : 'false');
    $(`field-${key}`).closest('.field')!.classList.toggle('invalid', Boolean(msg));
    if (msg) $(`field-${key}`).closest('details')!.open = true;
  }
  for (const [field, msg] of Object.entries(errors)) if (!(FIELD_KEYS as string[]).includes(field)) general += `${field}: ${msg} `;
  $('general-msg').textContent = general.trim();
}

/** Shows the preset's (or default's) effective value as each empty field's placeholder. */
function showPlaceholders(r: EstimateResult): void {
  for (const key of FIELD_KEYS) {
    const el = $<HTMLInputElement | HTMLSelectElement>(`field-${key}`);
    const v = r.inputs[key];
    if (el instanceof HTMLInputElement) {
      const field = FIELDS[key];
      const shown = typeof v !== 'number' ? String(v ?? '') : field.type === 'number' && field.dimension === 'time' ? formatDuration(v) : compactNumber(Number(v.toPrecision(6)));
      el.placeholder = v === undefined ? '' : `${shown} (${r.origin[key]})`;
    } else if (key !== 'workload' && el.options[0]) {
      // The empty choice names the value it stands for.
      el.options[0].text = v === undefined ? '(from the preset)' : `${NAMES[key] ? NAMES[key]!(String(v)) : String(v)} (${r.origin[key] ?? 'preset'})`;
    }
  }
}

// ── results ────────────────────────────────────────────────────────────────

let current: EstimateResult | undefined;
let currentTitle = '';

/** A figure title with the run's own title in place of the preset's name. */
function retitle(title: string): string {
  return current ? title.replace(current.workload.name, currentTitle) : title;
}

const WALL_COLUMNS = 4;
const COLUMN_IDS = ['paradigm', 'kind', 'energy', 'energy_Wh', 'orders_above_floor', 'memory', 'update', 'consolidation', 'compute'];

interface PageColumn {
  id: string;
  column: Column<PricedRow>;
}

/** The CLI's columns; with bands on, the CLI's "5–95 % band" column after the energy (as estimate --uncertainty prints it). */
function tableColumns(): PageColumn[] {
  const columns = ESTIMATE_COLUMNS.map((column, i) => ({ id: COLUMN_IDS[i]!, column }));
  if (!bandsWanted) return columns;
  const band: Column<PricedRow> = summary ? bandColumn(summary) : { header: '5–95 % band', value: () => 'sampling…', align: 'right' };
  columns.splice(COLUMN_IDS.indexOf('energy') + 1, 0, { id: 'band', column: band });
  return columns;
}

/** The glossary entry that explains a row. */
function glossaryOf(rowId: string): string {
  if (rowId.startsWith('lim')) return 'lim';
  if (rowId.startsWith('cim')) return 'cim';
  if (rowId.startsWith('vn-')) return 'von-neumann';
  if (rowId === 'landauer') return 'landauer';
  return 'kinds';
}

function tableHead(columns: PageColumn[]): string {
  const cols = columns.map(({ id, column: c }) => ({ header: c.header, right: c.align === 'right', id }));
  const lead = cols.slice(0, cols.length - WALL_COLUMNS);
  const walls = cols.slice(cols.length - WALL_COLUMNS);
  const th = (c: (typeof cols)[number], rowspan = 1) => `<th scope="col" data-col="${c.id}"${rowspan > 1 ? ` rowspan="${rowspan}"` : ''} class="${c.right ? 'r' : ''}">${c.header}</th>`;
  return `<thead><tr>${lead.map((c) => th(c, 2)).join('')}<th scope="colgroup" colspan="${WALL_COLUMNS}" class="group"><a href="#glossary-walls">energy by wall</a></th></tr><tr>${walls.map((c) => th(c)).join('')}</tr></thead>`;
}

function renderTable(r: EstimateResult, title: string): void {
  const table = $<HTMLTableElement>('results-table');
  const columns = tableColumns();
  table.innerHTML = tableHead(columns);
  const body = document.createElement('tbody');
  for (const row of r.rows) {
    const tr = document.createElement('tr');
    tr.dataset.rowId = row.id;
    tr.dataset.kind = row.kind;
    tr.dataset.energyJ = String(row.energy_J);
    tr.className = `kind-${row.kind}`;
    const band = summary?.rows.find((b) => b.id === row.id);
    if (band) Object.assign(tr.dataset, { p05: String(band.energy_J_p05), p50: String(band.energy_J_p50), p95: String(band.energy_J_p95) });
    columns.forEach(({ id, column: c }, i) => {
      const td = document.createElement('td');
      td.dataset.col = id;
      const text = c.value(row);
      if (i === 0 || i === 1) {
        // The row's paradigm and its kind link to their explanation.
        const a = document.createElement('a');
        a.href = `#glossary-${i === 0 ? glossaryOf(row.id) : 'kinds'}`;
        a.textContent = text;
        td.append(a);
      } else td.textContent = text;
      if (c.align === 'right') td.className = 'r';
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  $('summary').textContent = `${title}: ${inputSummary(r)}`;
  $('notes').innerHTML = '';
  for (const text of summaryNotes(r)) {
    const li = document.createElement('li');
    li.textContent = text;
    $('notes').append(li);
  }
  const words = headline(r);
  $('run-title').textContent = title;
  $('headline').textContent = words.lead;
  $('headline-detail').textContent = words.detail;
}

function renderGlossary(): void {
  const list = $('glossary-list');
  for (const entry of GLOSSARY) {
    const dt = document.createElement('dt');
    dt.id = `glossary-${entry.id}`;
    dt.textContent = entry.term;
    const dd = document.createElement('dd');
    dd.textContent = `${entry.text} `;
    const docs = document.createElement('a');
    docs.className = 'docs';
    docs.href = DOCS_URL;
    docs.textContent = `docs/model.md, section ${entry.section}`;
    dd.append(docs);
    list.append(dt, dd);
  }
  $<HTMLAnchorElement>('docs-link').href = DOCS_URL;
}

const views = new Map<string, vega.View>();
const specs = new Map<string, VlSpec>();

/** Legends under the plot, one below the other, so they never widen a figure on a phone. */
function stackLegends(spec: vega.Spec): vega.Spec {
  const config = (spec.config ??= {}) as Record<string, unknown>;
  config.legend = { ...(config.legend as object), layout: { bottom: { anchor: 'start', direction: 'vertical', margin: 8 } } };
  return spec;
}

function noteElement(name: string): HTMLElement {
  const id = `note-${name}`;
  let note = document.getElementById(id);
  if (!note) {
    note = document.createElement('p');
    note.id = id;
    note.className = 'fig-note';
    $(`fig-${name}`).after(note);
  }
  return note;
}

/** Renders a figure at the width of its box: measure one render, then give the plot what is left. */
async function renderFigure(name: string, spec: VlSpec): Promise<void> {
  specs.set(name, spec);
  const container = $(`fig-${name}`);
  const width = Math.max(200, Math.floor(container.clientWidth));
  let plotWidth = Math.round(width * 0.6);
  for (let pass = 0; pass < 4; pass++) {
    views.get(name)?.finalize();
    const fitted = fitSpec(spec, { width, plotWidth });
    noteElement(name).textContent = fitted.note;
    const view = new vega.View(vega.parse(stackLegends(toVega(fitted.spec).vega)), { renderer: 'svg', container, hover: true });
    views.set(name, view);
    await view.runAsync();
    const drawn = Number(container.querySelector('svg')?.getAttribute('width') ?? width);
    if (drawn <= width && width - drawn <= 4) break;
    plotWidth = Math.max(60, Math.floor(plotRowWidth(fitted.spec) + width - drawn) - 2);
  }
  container.dataset.rendered = String(Date.now());
}

let lastWidth = 0;
function onResize(): void {
  if (Math.abs(innerWidth - lastWidth) < 8) return;
  lastWidth = innerWidth;
  for (const [name, spec] of specs) void renderFigure(name, spec);
}

// ── the sweep worker ───────────────────────────────────────────────────────

let worker: Worker | undefined = new SweepWorker();
let sweepId = 0;

function onSweep(reply: SweepReply, where: string): void {
  if (reply.id !== sweepId) return; // a newer request is on its way
  if (!reply.ok) {
    $('sweep-status').textContent = `sweep: ${reply.message}`;
    return;
  }
  $('sweep-status').textContent = `sweeps: ${reply.size.points.length} model sizes and ${reply.tradeoff.points.length} times to solution in ${reply.elapsed_ms.toFixed(0)} ms (${where})`;
  const size = { ...reply.size, title: retitle(reply.size.title) };
  const tradeoff = { ...reply.tradeoff, title: retitle(reply.tradeoff.title) };
  void Promise.all([renderFigure('size', sizeSpec(size)), renderFigure('tradeoff', tradeoffSpec(tradeoff))]).then(() => {
    $('figures').dataset.sweepId = String(reply.id);
  });
}

worker.onmessage = (event: MessageEvent<WorkerReply>) => {
  const reply = event.data;
  if ('type' in reply) onSampling(reply, 'Web Worker');
  else onSweep(reply, 'Web Worker');
};
worker.onerror = () => {
  // A browser that refuses the worker still gets the figures and bands, computed on the page.
  worker?.terminate();
  worker = undefined;
  requestSweeps(lastInput);
  if (lastSampling) requestSampling(lastSampling);
};

let lastInput: ValidInput | undefined;

function requestSweeps(input: ValidInput | undefined): void {
  if (!input) return;
  lastInput = input;
  sweepId++;
  const request: SweepRequest = { id: sweepId, input };
  if (worker) worker.postMessage(request);
  else setTimeout(() => onSweep(computeSweeps(request.id, request.input), 'on the page: the Web Worker did not start'), 0);
}


// ── uncertainty bands and the range editor ─────────────────────────────────

/** The toggle is on and its settings are valid for the current inputs: the table gets a band column. */
let bandsWanted = false;
/** The bands of the current run, once the worker has sampled them. */
let summary: UncertaintySummary | undefined;
let samplingId = 0;
let samplingKey = '';
let lastSampling: SamplingRequest | undefined;
/** The user's ranges, in the order they were first edited or added. */
let rangeEdits: RangeEdit[] = [];
/** The last valid plan: its ranges are listed in the editor while a typed range is wrong. */
let lastPlan: SamplingPlan | undefined;
let shownRanges = '';

/** A bound as the editor shows it: six significant figures, no float noise. */
const boundText = (v: number) => compactNumber(Number(v.toPrecision(6)));

function readSampling(): SamplingForm {
  return {
    on: $<HTMLInputElement>('unc-on').checked,
    samples: $<HTMLInputElement>('unc-samples').value,
    seed: $<HTMLInputElement>('unc-seed').value,
    onlyRanges: $<HTMLInputElement>('unc-only').checked,
    ranges: rangeEdits,
  };
}

function writeSampling(form: SamplingForm): void {
  $<HTMLInputElement>('unc-on').checked = form.on;
  $<HTMLInputElement>('unc-samples').value = form.samples;
  $<HTMLInputElement>('unc-seed').value = form.seed;
  $<HTMLInputElement>('unc-only').checked = form.onlyRanges;
  rangeEdits = form.ranges.map((r) => ({ ...r }));
  shownRanges = '';
  if (form.on) $<HTMLDetailsElement>('uncertainty-box').open = true;
}

/** The editor's rows: the ranges in force (default order first), then ranges the user added. */
function displayedRanges(): Array<{ name: string; active?: ActiveRange; edit?: RangeEdit }> {
  const order = lastPlan ? defaultRangeRows(lastPlan.base).map((r) => r.name) : [];
  const names = [...new Set([...(lastPlan?.ranges.map((r) => r.name) ?? []), ...rangeEdits.map((r) => r.name)])];
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length + rangeEdits.findIndex((e) => e.name === n));
  return names
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => ({ name, active: lastPlan?.ranges.find((r) => r.name === name), edit: rangeEdits.find((e) => e.name === name) }));
}

function rangeControl(name: string, part: 'low' | 'high', value: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.textContent = part;
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.id = `range-${part}-${name}`;
  input.dataset.part = part;
  input.value = value;
  label.append(input);
  return label;
}

function rangeRow(name: string, active?: ActiveRange, edit?: RangeEdit): HTMLElement {
  const q = findQuantity(name);
  const row = document.createElement('div');
  row.className = 'range';
  row.dataset.range = name;
  const title = document.createElement('p');
  title.className = 'range-name';
  const code = document.createElement('code');
  code.textContent = name;
  title.append(code, q?.unit ? ` (${q.unit})` : '');
  if (q) title.title = q.description;
  const bounds = document.createElement('div');
  bounds.className = 'range-bounds';
  const distribution = document.createElement('select');
  distribution.id = `range-distribution-${name}`;
  distribution.dataset.part = 'distribution';
  for (const d of DISTRIBUTIONS) distribution.add(new Option(d, d));
  distribution.value = edit?.distribution ?? active?.distribution ?? 'uniform';
  const distLabel = document.createElement('label');
  distLabel.textContent = 'distribution';
  distLabel.append(distribution);
  bounds.append(rangeControl(name, 'low', edit?.low ?? (active ? boundText(active.low) : '')), rangeControl(name, 'high', edit?.high ?? (active ? boundText(active.high) : '')), distLabel);
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.dataset.part = 'msg';
  msg.setAttribute('role', 'alert');
  const source = document.createElement('p');
  source.className = 'range-source';
  source.dataset.part = 'source';
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.className = 'small secondary';
  undo.dataset.part = 'undo';
  row.append(title, bounds, msg, source, undo);
  return row;
}

/** Lists the ranges; rows are rebuilt only when the set of names changes, so typing keeps its focus. */
function renderRangeList(errors: Record<string, string>, force = false): void {
  const list = $('ranges-list');
  const rows = displayedRanges();
  const key = rows.map((r) => r.name).join(',');
  if (force || key !== shownRanges) {
    list.replaceChildren(...rows.map((r) => rangeRow(r.name, r.active, r.edit)));
    shownRanges = key;
    const add = $<HTMLSelectElement>('unc-add');
    add.replaceChildren(new Option('(choose an input)', ''));
    const defaults = lastPlan ? defaultRangeRows(lastPlan.base).map((r) => r.name) : [];
    for (const q of uncertainQuantities()) if (!rows.some((r) => r.name === q.name) && (lastPlan ? q.point(lastPlan.base) !== undefined : true)) add.add(new Option(`${q.name}${defaults.includes(q.name) ? ' (default range)' : ''}`, q.name));
  }
  const defaults = lastPlan ? defaultRangeRows(lastPlan.base).map((r) => r.name) : [];
  for (const r of rows) {
    const el = list.querySelector<HTMLElement>(`[data-range="${r.name}"]`)!;
    const msg = errors[`range ${r.name}`] ?? '';
    el.querySelector('[data-part="msg"]')!.textContent = msg;
    el.classList.toggle('invalid', Boolean(msg));
    for (const c of Array.from(el.querySelectorAll('input'))) c.setAttribute('aria-invalid', msg ? 'true' : 'false');
    el.querySelector('[data-part="source"]')!.textContent = r.active ? `${rangeSourceText(r.active)} · point ${boundText(r.active.point)}` : 'user range';
    const undo = el.querySelector<HTMLButtonElement>('[data-part="undo"]')!;
    undo.hidden = !r.edit;
    undo.textContent = defaults.includes(r.name) ? 'Use the default range' : 'Remove this range';
  }
}

function showSamplingErrors(errors: Record<string, string>): void {
  for (const [field, id] of [['uncertainty', 'unc-samples'], ['seed', 'unc-seed']] as const) {
    $(`msg-${id}`).textContent = errors[field] ?? '';
    $(id).setAttribute('aria-invalid', errors[field] ? 'true' : 'false');
  }
  const general = Object.entries(errors).filter(([f]) => f !== 'uncertainty' && f !== 'seed' && !displayedRanges().some((r) => f === `range ${r.name}`));
  $('msg-unc-general').textContent = general.map(([f, m]) => `${f}: ${m}`).join(' ');
}

function showSamplingStatus(text: string, progress?: number): void {
  $('unc-status').hidden = !text;
  $('unc-status-text').textContent = text;
  const bar = $<HTMLProgressElement>('unc-progress');
  bar.hidden = progress === undefined;
  if (progress !== undefined) bar.value = progress;
}

/** Checks the settings for the current input, lists the ranges, and starts sampling when they changed. */
function updateSampling(input: ValidInput): void {
  const form = readSampling();
  const checked = checkSampling(form, input);
  if (checked.plan) lastPlan = checked.plan;
  showSamplingErrors(form.on ? checked.errors : Object.fromEntries(Object.entries(checked.errors).filter(([f]) => f.startsWith('range'))));
  renderRangeList(checked.errors);
  if (!form.on || !checked.plan) {
    bandsWanted = false;
    summary = undefined;
    samplingKey = '';
    samplingId++; // a run still going is stale
    showSamplingStatus(form.on ? 'Fix the marked uncertainty setting to see the bands.' : '');
    $('unc-statement').hidden = true;
    return;
  }
  bandsWanted = true;
  const { plan, seed, samples } = checked;
  const key = JSON.stringify([input, plan.options, seed, samples]);
  if (key === samplingKey) return;
  samplingKey = key;
  summary = undefined;
  samplingId++;
  $('results').dataset.bands = 'sampling';
  $('results').dataset.bandsRequest = String(samplingId);
  $('unc-statement').hidden = true;
  showSamplingStatus(`Sampling ${samples!.toLocaleString('en-US')} points of ${plan.ranges.length} ranges…`, 0);
  requestSampling({ kind: 'sampling', id: samplingId, input, options: plan.options, seed: seed!, samples: samples! });
}

function requestSampling(request: SamplingRequest): void {
  lastSampling = request;
  if (worker) worker.postMessage(request);
  else void runSampling(request, (reply) => onSampling(reply, 'on the page: the Web Worker did not start'), () => request.id === samplingId);
}

function onSampling(reply: SamplingReply, where: string): void {
  if (reply.id !== samplingId) return; // superseded
  if (reply.type === 'progress') {
    showSamplingStatus(`Sampling: ${reply.done.toLocaleString('en-US')} of ${reply.total.toLocaleString('en-US')} samples…`, reply.done / reply.total);
    return;
  }
  if (reply.type === 'error') {
    $('results').dataset.bands = 'error';
    showSamplingStatus(`Uncertainty: ${reply.message}`);
    return;
  }
  summary = reply.summary;
  showSamplingStatus(`5–95 % bands from ${summary.samples.toLocaleString('en-US')} samples of ${summary.ranges.length} ranges, seed ${summary.seed}, in ${reply.elapsed_ms.toFixed(0)} ms (${where}).`);
  $('unc-statement').textContent = uncertaintyNotes(summary).join(' ');
  $('unc-statement').hidden = false;
  if (current) {
    renderTable(current, currentTitle);
    renderLadder(current);
  }
  $('results').dataset.bands = String(reply.id);
}

function renderLadder(r: EstimateResult): void {
  const ladder = ladderData(r);
  const shown = summary ? withBands(ladder, summary) : ladder;
  void renderFigure('ladder', ladderSpec({ ...shown, title: retitle(shown.title) }));
}

/** A range edit from the row's controls. */
function editFromRow(row: HTMLElement): RangeEdit {
  const value = (part: string) => row.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-part="${part}"]`)!.value;
  return { name: row.dataset.range!, low: value('low'), high: value('high'), distribution: value('distribution') };
}

function wireSampling(): void {
  const box = $('uncertainty-box');
  const changed = (event: Event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'unc-add') return;
    const row = target.closest<HTMLElement>('.range');
    if (row) {
      const edit = editFromRow(row);
      const at = rangeEdits.findIndex((e) => e.name === edit.name);
      if (at >= 0) rangeEdits[at] = edit;
      else rangeEdits.push(edit);
    }
    schedule();
  };
  box.addEventListener('input', changed);
  box.addEventListener('change', changed);
  $('unc-add').addEventListener('change', () => {
    const select = $<HTMLSelectElement>('unc-add');
    const name = select.value;
    if (!name) return;
    // Starts from ×½–×2 around the point value; the user edits it from there.
    const point = lastPlan ? findQuantity(name)?.point(lastPlan.base) : undefined;
    const [low, high] = point !== undefined && point > 0 ? [boundText(point / 2), boundText(point * 2)] : ['', ''];
    rangeEdits.push({ name, low, high, distribution: point !== undefined && point > 0 ? 'log' : 'uniform' });
    select.value = '';
    update(true);
    document.getElementById(`range-low-${name}`)?.focus();
  });
  $('ranges-list').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-part="undo"]');
    if (!button) return;
    const name = button.closest<HTMLElement>('.range')!.dataset.range!;
    rangeEdits = rangeEdits.filter((e) => e.name !== name);
    shownRanges = '';
    update(true);
  });
}

// ── update loop ────────────────────────────────────────────────────────────

let timer: ReturnType<typeof setTimeout> | undefined;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let computation = 0;

function update(pushUrl: boolean): void {
  const values = readForm();
  const checked = checkValues(values, measurement, modelConfig && modelConfigInput(modelConfig));
  showErrors(checked.errors);
  const results = $('results');
  if (!checked.input) {
    results.dataset.state = 'error';
    $('status').textContent = current ? 'Fix the marked input; the results below are for the last valid inputs.' : 'Fix the marked input to see results.';
    return;
  }
  const started = performance.now();
  let r: EstimateResult;
  try {
    r = estimateResolved(resolve(checked.input, measurement), { tradeoff: true });
  } catch (err) {
    // Inputs valid one by one can still be refused together (a reported run below the floor): say so, keep the last results.
    if (!(err instanceof InputError)) throw err;
    results.dataset.state = 'error';
    $('status').textContent = `${err.message}${current ? ' The results below are for the last valid inputs.' : ''}`;
    return;
  }
  current = r;
  // Named after the preset the user picked (the engine calls a changed preset a custom workload).
  const presetName = values.workload ? NAMES.workload!(values.workload.toLowerCase()) : r.workload.name;
  // An uploaded config names the run like a preset: "meta-llama/Meta-Llama-3-8B, with your tokens".
  currentTitle = runTitle(presetName, Boolean(values.workload || modelConfig), Object.keys(values).filter((k) => k !== 'workload'));
  updateSampling(checked.input);
  renderTable(r, currentTitle);
  showPlaceholders(r);
  computation++;
  results.dataset.inputs = JSON.stringify(checked.input);
  results.dataset.computation = String(computation);
  results.dataset.state = 'ready';
  $('status').textContent = `Computed in ${(performance.now() - started).toFixed(1)} ms with limbound ${r.tool.version}, in your browser.`;
  const query = fullQuery(values, readSampling());
  if (pushUrl && query !== location.search) history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
  const walls = wallsData(r);
  renderLadder(r);
  void renderFigure('walls', wallsSpec({ ...walls, title: retitle(walls.title) }));
  requestSweeps(checked.input);
  renderCitation(r);
}

/** The inputs' query, then the uncertainty settings. */
function fullQuery(values: FormValues, form: SamplingForm): string {
  const inputs = queryFromValues(values);
  const sampling = samplingQuery(form);
  if (!sampling) return inputs;
  return inputs ? `${inputs}&${sampling}` : `?${sampling}`;
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => update(true), 120);
}

// ── downloads and citation ─────────────────────────────────────────────────

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function citationText(r: EstimateResult): string {
  return [
    `Energy bounds computed with limbound ${r.tool.version} (${location.href}).`,
    'Cite the seed paper: Z. Chen, F. Ahsan, J. Leugering, G. Cauwenberghs, S. Chakrabartty, Energy-efficiency Limits on Training AI Systems using Learning-in-Memory, arXiv:2402.14878 (2024), and the sources of the numbers you quote:',
    '',
    // Every source the page's figures draw on, as in a report's references.bib.
    toBibtex(figureCitations(r)).trim(),
  ].join('\n');
}

function renderCitation(r: EstimateResult): void {
  $('citation').textContent = citationText(r);
}

async function copyCitation(): Promise<void> {
  if (!current) return;
  const text = citationText(current);
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = 'Citation copied.';
  } catch {
    // Clipboard access needs a secure context; select the text so it can be copied by hand.
    const range = document.createRange();
    range.selectNodeContents($('citation'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    $('copy-status').textContent = 'Press Ctrl+C to copy the selected citation.';
  }
}

function stem(): string {
  return current ? `limbound-${current.workload.id}` : 'limbound';
}

function wireButtons(): void {
  // With bands shown, the downloads are those of estimate --uncertainty --json / --csv.
  $('download-json').addEventListener('click', () => current && download(`${stem()}.json`, 'application/json', `${JSON.stringify(summary ? withUncertainty(current, summary) : current, null, 2)}\n`));
  $('download-csv').addEventListener('click', () => current && download(`${stem()}.csv`, 'text/csv', summary ? bandsCsv(current, summary) : toCsv(ROWS_CSV_HEADER, rowsCsvValues(current.rows))));
  $('copy-citation').addEventListener('click', () => void copyCitation());
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-figure]'))) {
    button.addEventListener('click', async () => {
      const name = button.dataset.figure!;
      if (button.dataset.format === 'svg') {
        // The figure as the report draws it (fixed size, source note included), not the page's fitted one.
        const spec = specs.get(name);
        if (spec) download(`${stem()}-${name}.svg`, 'image/svg+xml', await renderSvg(spec));
      } else {
        const spec = specs.get(name);
        if (spec) download(`${stem()}-${name}.vl.json`, 'application/json', `${JSON.stringify(spec, null, 2)}\n`);
      }
    });
  }
}

// ── start ──────────────────────────────────────────────────────────────────

function start(): void {
  buildForm($('form'));
  renderGlossary();
  lastWidth = innerWidth;
  addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(onResize, 150);
  });
  const { values, unknown } = valuesFromQuery(location.search);
  writeForm(values);
  writeSampling(samplingFromQuery(location.search));
  wireButtons();
  wireSampling();
  // A file field recomputes itself once its file is read (and not at all when the file is bad).
  const typed = (event: Event) => (event.target as HTMLInputElement).type !== 'file';
  $('form').addEventListener('input', (event) => typed(event) && schedule());
  $('form').addEventListener('change', (event) => {
    if (!typed(event)) return;
    // Choosing a preset starts from that preset: the fields it sets are cleared.
    if ((event.target as HTMLElement).id === 'field-workload') {
      const workload = $<HTMLSelectElement>('field-workload').value;
      writeForm(workload ? { workload } : {});
    }
    schedule();
  });
  $('reset').addEventListener('click', () => {
    writeForm({});
    writeSampling(EMPTY_SAMPLING);
    update(true);
  });
  update(false);
  if (unknown.length) $('general-msg').textContent = `Ignored unknown URL parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  document.documentElement.dataset.ready = 'true';
}

start();

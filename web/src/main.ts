/**
 * limbound in the browser: a form generated from the engine's field table, the estimate table with
 * the CLI's formatting, and the figures of src/report/figures, recomputed as you type. Every input
 * lives in the URL, so a link restores the page. Sweeps (energy against size and time) run in a Web
 * Worker. Nothing here talks to a server.
 */
import * as vega from 'vega';
import { FIELDS, FIELD_KEYS, type FieldKey, type NumericField } from '../../src/model/schema.js';
import { SI_UNIT } from '../../src/model/units.js';
import { estimate, type EstimateResult } from '../../src/model/estimate.js';
import { WORKLOADS } from '../../src/data/workloads.js';
import { ACCELERATORS } from '../../src/data/accelerators.js';
import { DEVICES } from '../../src/data/devices.js';
import { toBibtex } from '../../src/data/sources.js';
import { compactNumber } from '../../src/util/errors.js';
import { ESTIMATE_COLUMNS, ROWS_CSV_HEADER, rowsCsvValues, summaryNotes } from '../../src/report/estimate-table.js';
import { toCsv } from '../../src/report/table.js';
import { figureCitations, inputSummary, ladderData, ladderSpec, wallsData, wallsSpec, sizeSpec, tradeoffSpec, type VlSpec } from '../../src/report/figures/index.js';
import { toVega } from '../../src/report/figures/render.js';
import { checkValues, queryFromValues, valuesFromQuery, type FormValues } from './state.js';
import { computeSweeps } from './sweeps.js';
import type { ValidInput } from '../../src/model/schema.js';
import type { SweepReply, SweepRequest } from './worker-protocol.js';
import SweepWorker from './sweep-worker.ts?worker&inline';

const GROUPS: Array<{ title: string; keys: FieldKey[]; open: boolean }> = [
  { title: 'Workload', keys: ['workload', 'kind', 'params', 'tokens', 'precision_bits', 'time_s', 'temperature_K'], open: true },
  { title: 'Hardware', keys: ['accelerator', 'accelerator_precision', 'device', 'lim_device'], open: true },
  { title: 'More inputs', keys: FIELD_KEYS.filter((k) => !['workload', 'kind', 'params', 'tokens', 'precision_bits', 'time_s', 'temperature_K', 'accelerator', 'accelerator_precision', 'device', 'lim_device'].includes(k)), open: false },
];

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
  for (const group of GROUPS) {
    const box = document.createElement('details');
    box.open = group.open;
    box.innerHTML = `<summary>${group.title}</summary>`;
    for (const key of group.keys) box.append(fieldRow(key));
    form.append(box);
  }
}

function fieldRow(key: FieldKey): HTMLElement {
  const field = FIELDS[key];
  const row = document.createElement('div');
  row.className = 'field';
  row.dataset.key = key;
  const label = document.createElement('label');
  label.htmlFor = `field-${key}`;
  label.textContent = key;
  label.title = field.description;
  let control: HTMLInputElement | HTMLSelectElement;
  if (field.type === 'choice') {
    const select = document.createElement('select');
    select.add(new Option(key === 'workload' ? 'brain-scale (default)' : '(preset / default)', ''));
    for (const c of choicesOf(key)) select.add(new Option(NAMES[key] ? `${NAMES[key]!(c)} (${c})` : c, c));
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
  const unit = field.type === 'number' ? SI_UNIT[(field as NumericField).dimension] : '';
  help.textContent = `${field.description}${unit ? ` [${unit}]` : ''}`;
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
    const el = $<HTMLInputElement>(`field-${key}`);
    if (el instanceof HTMLInputElement) {
      const v = r.inputs[key];
      el.placeholder = v === undefined ? '' : typeof v === 'number' ? `${compactNumber(Number(v.toPrecision(6)))} (${r.origin[key]})` : String(v);
    }
  }
}

// ── results ────────────────────────────────────────────────────────────────

let current: EstimateResult | undefined;

function renderTable(r: EstimateResult): void {
  const table = $<HTMLTableElement>('results-table');
  const head = `<thead><tr>${ESTIMATE_COLUMNS.map((c) => `<th class="${c.align === 'right' ? 'r' : ''}">${c.header}</th>`).join('')}</tr></thead>`;
  table.innerHTML = head;
  const body = document.createElement('tbody');
  for (const row of r.rows) {
    const tr = document.createElement('tr');
    tr.dataset.rowId = row.id;
    tr.dataset.kind = row.kind;
    tr.dataset.energyJ = String(row.energy_J);
    tr.className = `kind-${row.kind}`;
    ESTIMATE_COLUMNS.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c.value(row);
      td.dataset.col = ['paradigm', 'kind', 'energy', 'energy_Wh', 'orders_above_floor', 'memory', 'update', 'consolidation', 'compute'][i]!;
      if (c.align === 'right') td.className = 'r';
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  $('summary').textContent = `${r.workload.name}: ${inputSummary(r)}`;
  $('notes').innerHTML = '';
  for (const text of summaryNotes(r)) {
    const li = document.createElement('li');
    li.textContent = text;
    $('notes').append(li);
  }
}

const views = new Map<string, vega.View>();
const specs = new Map<string, VlSpec>();

async function renderFigure(name: string, spec: VlSpec): Promise<void> {
  specs.set(name, spec);
  const container = $(`fig-${name}`);
  views.get(name)?.finalize();
  const view = new vega.View(vega.parse(toVega(spec).vega), { renderer: 'svg', container, hover: true });
  views.set(name, view);
  await view.runAsync();
  container.dataset.rendered = String(Date.now());
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
  void Promise.all([renderFigure('size', sizeSpec(reply.size)), renderFigure('tradeoff', tradeoffSpec(reply.tradeoff))]).then(() => {
    $('figures').dataset.sweepId = String(reply.id);
  });
}

worker.onmessage = (event: MessageEvent<SweepReply>) => onSweep(event.data, 'Web Worker');
worker.onerror = () => {
  // A browser that refuses the worker still gets the figures, computed on the page.
  worker?.terminate();
  worker = undefined;
  requestSweeps(lastInput);
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

// ── update loop ────────────────────────────────────────────────────────────

let timer: ReturnType<typeof setTimeout> | undefined;
let computation = 0;

function update(pushUrl: boolean): void {
  const values = readForm();
  const checked = checkValues(values);
  showErrors(checked.errors);
  const results = $('results');
  if (!checked.input) {
    results.dataset.state = 'error';
    $('status').textContent = current ? 'Fix the marked input; the results below are for the last valid inputs.' : 'Fix the marked input to see results.';
    return;
  }
  const started = performance.now();
  const r = estimate(checked.input, { tradeoff: true });
  current = r;
  renderTable(r);
  showPlaceholders(r);
  computation++;
  results.dataset.inputs = JSON.stringify(checked.input);
  results.dataset.computation = String(computation);
  results.dataset.state = 'ready';
  $('status').textContent = `Computed in ${(performance.now() - started).toFixed(1)} ms with limbound ${r.tool.version}, in your browser.`;
  const query = queryFromValues(values);
  if (pushUrl && query !== location.search) history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
  void renderFigure('ladder', ladderSpec(ladderData(r)));
  void renderFigure('walls', wallsSpec(wallsData(r)));
  requestSweeps(checked.input);
  renderCitation(r);
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
  $('download-json').addEventListener('click', () => current && download(`${stem()}.json`, 'application/json', `${JSON.stringify(current, null, 2)}\n`));
  $('download-csv').addEventListener('click', () => current && download(`${stem()}.csv`, 'text/csv', toCsv(ROWS_CSV_HEADER, rowsCsvValues(current.rows))));
  $('copy-citation').addEventListener('click', () => void copyCitation());
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-figure]'))) {
    button.addEventListener('click', async () => {
      const name = button.dataset.figure!;
      if (button.dataset.format === 'svg') {
        const view = views.get(name);
        if (view) download(`${stem()}-${name}.svg`, 'image/svg+xml', await view.toSVG());
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
  const { values, unknown } = valuesFromQuery(location.search);
  writeForm(values);
  wireButtons();
  $('form').addEventListener('input', schedule);
  $('form').addEventListener('change', (event) => {
    // Choosing a preset starts from that preset: the fields it sets are cleared.
    if ((event.target as HTMLElement).id === 'field-workload') {
      const workload = $<HTMLSelectElement>('field-workload').value;
      writeForm(workload ? { workload } : {});
    }
    schedule();
  });
  $('reset').addEventListener('click', () => {
    writeForm({});
    update(true);
  });
  update(false);
  if (unknown.length) $('general-msg').textContent = `Ignored unknown URL parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  document.documentElement.dataset.ready = 'true';
}

start();

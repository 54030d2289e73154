/**
 * Measurement files of a real run, read into a reported energy (docs/model.md §3, "reported"):
 * CodeCarbon's `emissions.csv` (energy_consumed in kWh per run) and an nvidia-smi log written by
 * `nvidia-smi --query-gpu=timestamp,power.draw --format=csv -l 1` (power integrated over time per
 * GPU). Pure: text in, energy out; a malformed file gets one InputError naming the file and line.
 */
import { InputError } from '../util/errors.js';
import type { ReportedMeasurement } from './reported.js';

export const REPORTED_FORMATS = ['codecarbon', 'nvidia-smi'] as const;
export type ReportedFormat = (typeof REPORTED_FORMATS)[number];

const FIELD = 'reported_file';
const KWH_J = 3.6e6;

/** One CSV line split into trimmed fields; double quotes group commas and "" is a literal quote. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

interface Line {
  number: number;
  fields: string[];
}

function csvLines(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ number: i + 1, raw }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => ({ number: l.number, fields: splitCsvLine(l.raw) }));
}

/** Which format a file is, from its header line. */
export function detectFormat(text: string, name: string): ReportedFormat {
  const header = csvLines(text)[0];
  if (!header) throw new InputError(FIELD, `${name}: the file is empty`);
  const columns = header.fields.map((f) => f.toLowerCase());
  if (columns.includes('energy_consumed')) return 'codecarbon';
  if (columns.some((c) => c.startsWith('power.draw'))) return 'nvidia-smi';
  throw new InputError(FIELD, `${name}:${header.number}: cannot tell the format from the header (expected CodeCarbon's energy_consumed column or nvidia-smi's power.draw); give --reported-format codecarbon|nvidia-smi`);
}

export function parseReportedFile(text: string, name: string, format?: ReportedFormat): ReportedMeasurement {
  const fmt = format ?? detectFormat(text, name);
  return fmt === 'codecarbon' ? parseCodeCarbon(text, name) : parseNvidiaSmi(text, name);
}

function column(header: Line, wanted: (c: string) => boolean, what: string, name: string, required: true): number;
function column(header: Line, wanted: (c: string) => boolean, what: string, name: string, required: false): number | undefined;
function column(header: Line, wanted: (c: string) => boolean, what: string, name: string, required: boolean): number | undefined {
  const i = header.fields.findIndex((f) => wanted(f.toLowerCase()));
  if (i < 0 && required) throw new InputError(FIELD, `${name}:${header.number}: no ${what} column in the header`);
  return i < 0 ? undefined : i;
}

function numberAt(line: Line, index: number, what: string, name: string, unit = ''): number {
  const raw = line.fields[index];
  if (raw === undefined) throw new InputError(FIELD, `${name}:${line.number}: missing ${what} (expected ${index + 1} fields, got ${line.fields.length})`);
  // Number() ignores the space left before the unit ("250 W" → "250 "); a bare unit leaves ''.
  const text = unit && raw.endsWith(unit) ? raw.slice(0, -unit.length) : raw;
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InputError(FIELD, `${name}:${line.number}: ${what} '${raw}' is not a non-negative number`);
  return value;
}

/**
 * CodeCarbon writes one row per tracked run (the row of a run is rewritten or appended as it
 * progresses, with cumulative values): the energy of a run is its largest energy_consumed (kWh),
 * and the file's energy is the sum over runs. energy_consumed is CPU + GPU + RAM: a system boundary.
 */
function parseCodeCarbon(text: string, name: string): ReportedMeasurement {
  const [header, ...rows] = csvLines(text);
  if (!header) throw new InputError(FIELD, `${name}: the file is empty`);
  const energyCol = column(header, (c) => c === 'energy_consumed', 'energy_consumed', name, true);
  const durationCol = column(header, (c) => c === 'duration', 'duration', name, false);
  const runCol = column(header, (c) => c === 'run_id', 'run_id', name, false);
  if (rows.length === 0) throw new InputError(FIELD, `${name}: no data rows after the header`);
  const perRun = new Map<string, { kWh: number; duration_s: number }>();
  for (const row of rows) {
    const kWh = numberAt(row, energyCol, 'energy_consumed', name);
    const duration_s = durationCol === undefined ? 0 : numberAt(row, durationCol, 'duration', name);
    const run = runCol === undefined ? `line ${row.number}` : (row.fields[runCol] ?? '');
    const previous = perRun.get(run);
    perRun.set(run, { kWh: Math.max(previous?.kWh ?? 0, kWh), duration_s: Math.max(previous?.duration_s ?? 0, duration_s) });
  }
  let kWh = 0;
  let seconds = 0;
  for (const r of perRun.values()) {
    kWh += r.kWh;
    seconds += r.duration_s;
  }
  return {
    energy_J: kWh * KWH_J,
    boundary: 'system',
    method: `CodeCarbon emissions.csv (${name}): energy_consumed (CPU + GPU + RAM) summed over ${perRun.size} run${perRun.size === 1 ? '' : 's'}${durationCol === undefined ? '' : `, ${Math.round(seconds)} s tracked`}`,
  };
}

/** "2024/01/15 10:00:00.123" (nvidia-smi's timestamp, a CSV field: already trimmed) in ms since the epoch, read as UTC. */
function parseTimestamp(raw: string): number {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(raw);
  if (!m) return Number.NaN;
  const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) + ms;
}

/**
 * nvidia-smi prints one line per GPU per sample. A GPU is told apart by an index, uuid or pci.bus_id
 * column when the query has one; otherwise by its position among the lines that share a timestamp
 * (nvidia-smi stamps every GPU of one sample alike). Each GPU's power is integrated over its own
 * samples by the trapezoid rule, and the GPUs are summed: a GPU boundary (board power only).
 */
function parseNvidiaSmi(text: string, name: string): ReportedMeasurement {
  const [header, ...lines] = csvLines(text);
  if (!header) throw new InputError(FIELD, `${name}: the file is empty`);
  const timeCol = column(header, (c) => c === 'timestamp', 'timestamp', name, true);
  const powerCol = column(header, (c) => c.startsWith('power.draw'), 'power.draw', name, true);
  const idCol = column(header, (c) => c === 'index' || c === 'uuid' || c === 'pci.bus_id', 'GPU id', name, false);
  const headerText = header.fields.join(',');
  const series = new Map<string, Array<{ t: number; W: number; line: number }>>();
  let groupStamp = '';
  let position = 0;
  for (const line of lines) {
    if (line.fields.join(',') === headerText) continue; // nvidia-smi repeats the header when restarted
    const stamp = line.fields[timeCol] ?? '';
    const t = parseTimestamp(stamp);
    if (!Number.isFinite(t)) throw new InputError(FIELD, `${name}:${line.number}: timestamp '${stamp}' is not YYYY/MM/DD HH:MM:SS[.mmm]`);
    const W = numberAt(line, powerCol, 'power.draw', name, 'W');
    position = stamp === groupStamp ? position + 1 : 0;
    groupStamp = stamp;
    const gpu = idCol === undefined ? `gpu ${position}` : (line.fields[idCol] ?? '');
    const samples = series.get(gpu) ?? [];
    const last = samples[samples.length - 1];
    if (last && t < last.t) throw new InputError(FIELD, `${name}:${line.number}: timestamp ${stamp} goes back in time for ${gpu} (previous sample on line ${last.line})`);
    samples.push({ t, W, line: line.number });
    series.set(gpu, samples);
  }
  if (series.size === 0) throw new InputError(FIELD, `${name}: no samples after the header`);
  let joules = 0;
  let longest = 0;
  for (const [gpu, samples] of series) {
    if (samples.length < 2) throw new InputError(FIELD, `${name}:${samples[0]!.line}: ${gpu} has one sample; at least two are needed to integrate power over time`);
    for (let i = 1; i < samples.length; i++) joules += (0.5 * (samples[i]!.W + samples[i - 1]!.W) * (samples[i]!.t - samples[i - 1]!.t)) / 1000;
    longest = Math.max(longest, (samples[samples.length - 1]!.t - samples[0]!.t) / 1000);
  }
  return {
    energy_J: joules,
    boundary: 'gpu',
    method: `nvidia-smi power.draw (${name}) integrated over time by the trapezoid rule: ${series.size} GPU${series.size === 1 ? '' : 's'}, ${longest.toFixed(0)} s`,
  };
}

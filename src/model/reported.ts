/**
 * The `reported` row: the energy a real run reports — a preset's sourced figure, or the user's own
 * (`reported_energy_J`, `gpu_hours` × `gpu_power_W` × PUE, or a measurement file read by the CLI) —
 * with its accounting boundary, placed against the floor and the best-case accelerator row.
 */
import { InputError } from '../util/errors.js';
import type { AccountingBoundary, WorkloadPreset } from '../data/workloads.js';
import type { ValidInput } from './schema.js';

export interface ReportedRun {
  label: string;
  energy_J: number;
  boundary: AccountingBoundary;
  /** How the figure was obtained. */
  method: string;
  citations: string[];
  /** 'preset': the run's sourced report; 'input': the user's run. */
  origin: 'preset' | 'input';
}

/** What a measurement file (read outside the pure engine) contributes: its energy, boundary and method. */
export interface ReportedMeasurement {
  energy_J: number;
  boundary: AccountingBoundary;
  method: string;
}

/**
 * The reported run of a design point: the user's (which replaces a preset's) or the preset's sourced
 * report when the workload is still that run (`custom` workloads have none).
 */
export function reportedRun(input: ValidInput, workload: WorkloadPreset, measurement?: ReportedMeasurement): ReportedRun | undefined {
  const direct = input.reported_energy_J !== undefined;
  const hours = input.gpu_hours !== undefined || input.gpu_power_W !== undefined;
  const given = [direct && 'reported_energy_J', hours && 'gpu_hours', measurement && 'reported_file'].filter(Boolean);
  if (given.length > 1) throw new InputError(String(given[1]), `give one reported energy: reported_energy_J, gpu_hours with gpu_power_W, or a reported file (got ${given.join(' and ')})`);
  if (hours && (input.gpu_hours === undefined || input.gpu_power_W === undefined)) {
    const missing = input.gpu_hours === undefined ? 'gpu_hours' : 'gpu_power_W';
    throw new InputError(missing, `is needed with ${missing === 'gpu_hours' ? 'gpu_power_W' : 'gpu_hours'}: reported energy = gpu_hours × gpu_power_W × PUE`);
  }
  const pue = input.pue ?? 1;
  const userBoundary = input.boundary as AccountingBoundary | undefined;
  if (measurement) return userRun(measurement.energy_J, userBoundary ?? measurement.boundary, measurement.method);
  if (direct) return userRun(input.reported_energy_J!, userBoundary ?? 'system', `reported by the user${userBoundary ? '' : ' (boundary not given: system assumed)'}`);
  if (hours) {
    const energy = input.gpu_hours! * 3600 * input.gpu_power_W! * pue;
    const boundary = userBoundary ?? (pue > 1 ? 'facility' : 'gpu');
    return userRun(energy, boundary, `GPU-hours × power${pue > 1 ? ' × PUE' : ''} (${input.gpu_hours} h × ${input.gpu_power_W} W${pue > 1 ? ` × ${pue}` : ''}; host not included)`);
  }
  if (input.boundary !== undefined) throw new InputError('boundary', 'applies to a reported energy: give reported_energy_J, gpu_hours with gpu_power_W, or --reported-file');
  const r = workload.reported_energy;
  if (!r) return undefined;
  return { label: `Reported: ${workload.name} training run`, energy_J: r.energy_J, boundary: r.boundary, method: r.method, citations: [r.source.citation], origin: 'preset' };
}

function userRun(energy_J: number, boundary: AccountingBoundary, method: string): ReportedRun {
  return { label: `Reported: your run (${boundary} boundary)`, energy_J, boundary, method, citations: [], origin: 'input' };
}

/**
 * Run-size limits: a long command estimates its work before it starts and refuses a run above its
 * limit, saying how long the run would take, unless `--max-work` raises the limit. Limits are in work
 * units (particle-steps, flip attempts, …), not seconds, so the same command line is accepted on
 * every machine; the time shown uses a nominal single-core rate measured on a laptop-class core.
 */
import type { Command } from 'commander';
import { InputError, compactNumber } from '../util/errors.js';
import { formatDuration } from '../util/format.js';
import { splitNumberAndUnit } from '../util/number-text.js';

export interface WorkEstimate {
  /** Work units this run needs (e.g. particles × steps). */
  units: number;
  /** Name of the unit, plural ("particle-steps"). */
  unit: string;
  /** How the units were counted, e.g. "2000 particles × 1000 steps". */
  detail: string;
  /** Nominal throughput in units per second on one core. */
  perSecond: number;
  /** The limit when --max-work is not given. */
  defaultLimit: number;
}

export const MAX_WORK_FLAG = '--max-work';

/** Adds `--max-work <n>` to a command. */
export function addMaxWorkOption(cmd: Command, unit: string, defaultLimit: number): Command {
  return cmd.option(`${MAX_WORK_FLAG} <n>`, `refuse runs estimated above this many ${unit} (default ${compactNumber(defaultLimit)}; the refusal says the estimated time)`);
}

/** The limit given by `--max-work` (a positive number), else the default. */
export function workLimit(option: unknown, defaultLimit: number, flag = MAX_WORK_FLAG): number {
  if (option === undefined) return defaultLimit;
  const parsed = typeof option === 'string' ? splitNumberAndUnit(option) : undefined;
  if (!parsed || parsed.unit !== '' || !(parsed.number > 0) || !Number.isFinite(parsed.number)) {
    throw new InputError(flag.replace(/^--/, ''), `must be a positive number, got '${String(option).slice(0, 40)}'`);
  }
  return parsed.number;
}

/** Throws InputError('max-work') when the run's estimated work is above the limit; returns the estimated seconds. */
export function checkWork(estimate: WorkEstimate, option: unknown, flag = MAX_WORK_FLAG): number {
  const limit = workLimit(option, estimate.defaultLimit, flag);
  const seconds = estimate.units / estimate.perSecond;
  if (!(estimate.units <= limit)) {
    const units = Number.isFinite(estimate.units) ? compactNumber(Number(estimate.units.toPrecision(3))) : 'too many';
    throw new InputError(
      flag.replace(/^--/, ''),
      `this run is ${estimate.detail} = ${units} ${estimate.unit}, about ${Number.isFinite(seconds) ? formatDuration(seconds) : 'forever'} at ${compactNumber(estimate.perSecond)} ${estimate.unit}/s; the limit is ${compactNumber(limit)} (pass ${flag} ${units} to run it anyway)`,
    );
  }
  return seconds;
}

/** `limbound sweep`: grid evaluation with a point cap, a TTY progress bar and Ctrl-C that keeps finished rows. */
import { InputError } from '../util/errors.js';
import { AtomicLineWriter } from '../util/atomic.js';
import { csvLine } from '../report/table.js';
import { cleanNumbers } from '../util/numbers.js';
import { PARADIGMS } from '../model/paradigms.js';
import { STRIDE } from '../model/price.js';
import { evaluatePoint, gridPoint, gridSize, gridValues, validateGrid, type Vary } from '../model/sweep.js';
import { checkWork } from './work.js';

/** Nominal sweep throughput (points priced and written per second on one core), for the time estimate. */
const SWEEP_POINTS_PER_S = 1e5;
import type { ValidInput } from '../model/schema.js';
import { createProgress } from './progress.js';
import { interruptSignal } from './interrupt.js';

export { parseVary } from '../model/sweep.js';

export interface SweepOptions {
  base: ValidInput;
  varies: Vary[];
  format: 'csv' | 'jsonl';
  out?: string;
  maxPoints: number;
}

export async function runSweep(o: SweepOptions): Promise<{ total: number; written: number; interrupted: boolean }> {
  const seen = new Set<string>();
  for (const v of o.varies) {
    if (seen.has(v.key)) throw new InputError('vary', `'${v.key}' is varied twice`);
    seen.add(v.key);
  }
  if (seen.has('params') && o.base.flops_per_token !== undefined) {
    throw new InputError('vary', 'flops_per_token (set by --model-config) is fixed for one model; vary tokens or tokens_per_param, or drop --model-config to vary params with F = 6·P·D');
  }
  // With D tied to P, D and F change along the grid: print them.
  const tied = o.base.tokens_per_param !== undefined || seen.has('tokens_per_param');
  const total = gridSize(o.varies);
  checkWork({ units: total, unit: 'points', detail: o.varies.map((v) => `${v.count}`).join(' × '), perSecond: SWEEP_POINTS_PER_S, defaultLimit: o.maxPoints }, String(o.maxPoints), '--max-points');
  const values = o.varies.map(gridValues);
  // Every point is checked before the first row is written, so a bad interior point loses nothing.
  validateGrid(o.base, o.varies, values, total);

  const writer = o.out ? new AtomicLineWriter(o.out) : undefined;
  const write = (text: string) => (writer ? writer.write(text) : process.stdout.write(text));
  const ids = PARADIGMS.map((p) => p.id);
  if (o.format === 'csv') write(csvLine([...o.varies.map((v) => v.key), ...(tied ? ['tokens', 'flops'] : []), ...ids.map((id) => `${id}_energy_J`), 'cim_barrier_kT']));
  process.stderr.write(`sweep: ${total} points\n`);
  const progress = createProgress('sweep', total);
  const { signal, dispose } = interruptSignal();
  const buf = new Float64Array(PARADIGMS.length * STRIDE);
  let written = 0;
  let lastYield = Date.now();
  try {
    for (let i = 0; i < total; i++) {
      if (signal.aborted) break;
      const row = evaluatePoint(o.base, gridPoint(o.varies, values, i), buf);
      write(
        o.format === 'csv'
          ? csvLine([...o.varies.map((v) => row.point[v.key]), ...(tied ? [row.tokens, row.flops] : []), ...ids.map((id) => row.energy_J[id]), row.cim_barrier_kT])
          : `${JSON.stringify({ inputs: row.point, ...(tied ? { tokens: row.tokens, flops: row.flops } : {}), energy_J: row.energy_J, cim_barrier_kT: row.cim_barrier_kT }, cleanNumbers)}\n`,
      );
      written++;
      progress.update(written);
      // Give the event loop a turn now and then so Ctrl-C is seen during long sweeps.
      if (Date.now() - lastYield > 50) {
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
  } catch (err) {
    // A point the model cannot price (a non-finite result) ends the sweep; the rows before it are kept.
    if (err instanceof InputError && writer) {
      writer.close();
      process.stderr.write(`sweep: ${written} of ${total} points written to ${o.out} before the error\n`);
    } else writer?.abort();
    throw err;
  } finally {
    progress.finish();
    dispose();
  }
  writer?.close();
  return { total, written, interrupted: signal.aborted };
}

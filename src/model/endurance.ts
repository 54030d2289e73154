/**
 * Device endurance: a memory cell survives a sourced number of write cycles. The device rows assume
 * cells that never wear out, so when the run writes each cell more often than that, say so.
 */
import type { OperationCounts } from './counts.js';
import type { PricingEnv } from './env.js';
import { CITATIONS } from '../data/sources.js';
import { formatScientific } from '../util/format.js';

/** Writes each cell receives over the run: every update operation rewrites one parameter's cells. */
export const writesPerCell = (c: OperationCounts): number => c.ops / c.params;

export function enduranceWarnings(c: OperationCounts, e: PricingEnv): string[] {
  const writes = writesPerCell(c);
  const out: string[] = [];
  for (const [row, device] of [['lim-device', e.lim_device], ['cim-device', e.cim_device]] as const) {
    const endurance = device.endurance;
    if (!endurance || writes <= endurance.cycles) continue;
    const cite = CITATIONS[endurance.source.citation];
    out.push(
      `device endurance: the ${row} row writes each ${device.name} cell ${formatScientific(writes)} times over the run, above its endurance of ${formatScientific(endurance.cycles)} cycles (${cite ? `${cite.authors.split(',')[0]} ${cite.year}` : endurance.source.citation}); the row assumes cells that do not wear out`,
    );
  }
  return out;
}

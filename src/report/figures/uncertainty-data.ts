/** Figure data from uncertainty and sensitivity runs: bands on the ladder, bars of the tornado. */
import type { EstimateResult } from '../../model/estimate.js';
import type { UncertaintySummary } from '../../model/uncertainty.js';
import type { SensitivityResult } from '../../model/sensitivity.js';
import { InputError } from '../../util/errors.js';
import { inputSummary, noted } from './data.js';
import type { LadderData } from './ladder.js';
import type { TornadoData } from './tornado.js';
import { subtitleLines } from './theme.js';

const rangeCitations = (ranges: UncertaintySummary['ranges']) => ranges.map((r) => r.source.citation);

/** The ladder with each sampled row's 5–95 % band. */
export function withBands(ladder: LadderData, s: UncertaintySummary): LadderData {
  const sampled = `bars: 5–95 % over ${s.ranges.length} ranges, ${s.samples} samples, seed ${s.seed}`;
  return {
    ...ladder,
    subtitle: [...subtitleLines(ladder.subtitle), sampled],
    citations: [...new Set([...(ladder.citations ?? []), ...rangeCitations(s.ranges)])],
    rows: ladder.rows.map((row) => {
      const b = s.rows.find((x) => x.id === row.id);
      return b ? { ...row, energy_J_p05: b.energy_J_p05, energy_J_p95: b.energy_J_p95 } : row;
    }),
  };
}

export const DEFAULT_TORNADO_OUTPUT = 'orders_accelerator_over_lim';

export function tornadoData(r: EstimateResult, s: SensitivityResult, outputId = DEFAULT_TORNADO_OUTPUT): TornadoData {
  const output = s.outputs.find((o) => o.id === outputId);
  if (!output) throw new InputError('output', `unknown output '${outputId}' (allowed: ${s.outputs.map((o) => o.id).join(', ')})`);
  return {
    title: `What drives ${output.id}: ${r.workload.name}`,
    subtitle: [inputSummary(r), `Sobol' indices over ${s.ranges.length} ranges, N = ${s.samples} (${s.evaluations} evaluations), seed ${s.seed}; wide bar total order, narrow bar first order, line 95 % interval`],
    ...noted(rangeCitations(s.ranges), `limbound ${r.tool.version}. ${s.estimators}.`),
    quantity: output.quantity,
    bars: output.indices.map((i) => ({ name: i.name, first: i.first, total: i.total, total_low: i.total_ci[0], total_high: i.total_ci[1] })),
  };
}

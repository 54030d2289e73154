/**
 * The automatic temperature range, read off the problem's local-field distribution.
 *
 * At a uniformly random state the local field f_i = Σ_j J_ij s_j + h_i has mean h_i and variance Σ_j J_ij²,
 * so σ = √(mean_i(Σ_j J_ij² + h_i²)) is the typical |f| an early sweep sees; the start temperature is a
 * fixed fraction of it (uphill moves of typical size accepted often). The end temperature makes the
 * smallest possible uphill move, ΔH = 2·k_min with k_min the smallest nonzero |J| or |h|, rare:
 * accepted with probability e^{−FINAL_LOG_ODDS}. A common recipe for simulated annealing (e.g. Johnson,
 * Aragon, McGeoch & Schevon, Oper. Res. 37(6), 1989, choose T0 from the acceptance of typical moves); the
 * constants were tuned on G-set instances (docs/benchmarks.md).
 */
import type { IsingProblem } from './problem.js';

export const START_FRACTION_OF_RMS_FIELD = 1.0;
export const FINAL_LOG_ODDS = 8;

export interface TemperatureRange {
  t0: number;
  t1: number;
  rms_field: number;
  min_coupling: number;
}

export function autoTemperatures(p: IsingProblem): TemperatureRange {
  let sumSq = 0;
  let minAbs = Infinity;
  for (let v = 0; v < p.n; v++) {
    const h = p.h[v];
    sumSq += h * h;
    if (h !== 0 && Math.abs(h) < minAbs) minAbs = Math.abs(h);
    for (let k = p.rowPtr[v]; k < p.rowPtr[v + 1]; k++) {
      const J = p.J[k];
      sumSq += J * J;
      if (J !== 0 && Math.abs(J) < minAbs) minAbs = Math.abs(J);
    }
  }
  const rms = Math.sqrt(sumSq / Math.max(1, p.n));
  if (!Number.isFinite(minAbs) || rms === 0) return { t0: 1, t1: 1, rms_field: rms, min_coupling: 0 };
  const t1 = (2 * minAbs) / FINAL_LOG_ODDS;
  const t0 = Math.max(START_FRACTION_OF_RMS_FIELD * rms, t1);
  return { t0, t1, rms_field: rms, min_coupling: minAbs };
}

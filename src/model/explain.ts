/**
 * `--explain`: every wall of every row as its formula, the formula with values substituted, and the
 * result, built from the same terms the engine computes with.
 */
import type { Resolved } from './resolve.js';
import { derive } from './env.js';
import { withOverrides, WALLS, type TermOverrides, type Wall, type Factor } from './paradigms.js';
import { formatSI, formatScientific, formatCount, formatDuration } from '../report/format.js';

export interface WallExplanation {
  row: string;
  wall: Wall;
  formula: string;
  substituted: string;
  value_J: number;
}

function factorText([, value, unit]: Factor): string {
  const num = formatCount(value, 4);
  return unit ? `${num} ${unit}` : num;
}

export function explain(resolved: Resolved, terms?: TermOverrides): WallExplanation[] {
  const { counts: c, env: e } = resolved;
  const d = derive(c, e);
  const out: WallExplanation[] = [];
  for (const p of withOverrides(terms)) {
    for (const wall of WALLS) {
      const term = p.walls[wall];
      const value = term.value(c, e, d);
      const parts = term.parts(c, e, d);
      const substituted = parts.length ? `${parts.map((prod) => prod.map(factorText).join(' × ')).join(' + ')} = ${formatSI(value, 'J', 4)}` : '';
      out.push({ row: p.id, wall, formula: term.formula, substituted, value_J: value });
    }
  }
  return out;
}

/** Symbols used in the formulas, with their values for this design point. */
export function explainSymbols(resolved: Resolved): Array<[string, string, string]> {
  const { counts: c, env: e } = resolved;
  const d = derive(c, e);
  return [
    ['kT', formatSI(d.kT_J, 'J', 4), `k_B·T at T = ${e.temperature_K} K (k_B = 1.380649e-23 J/K exact)`],
    ['ε', String(e.erasure_error), 'tolerated erasure error; H(ε) binary entropy in nats'],
    ['Σbits', formatScientific(c.update_bits, 4), 'bits changed over all updates = OPS·N_eff'],
    ['τ_u', formatSI(d.update_time_s, 's', 4), 'time per update of each cell = T_sol·P/OPS'],
    ['τ_r', formatSI(e.relaxation_s, 's', 4), 'relaxation time of a cell over its state range'],
    ['c', formatScientific(e.transport_c, 4), 'W₂²/L² of an update (1/12: uniform to a point)'],
    ['E_b*', `${d.cim_barrier_kT.toPrecision(4)} kT`, 'best single barrier of a static memory (Lambert W₋₁ closed form)'],
    ['τ_ref', formatSI(e.refresh_error * e.tau0_s * Math.exp(d.cim_barrier_kT), 's', 4), 'refresh interval at E_b* = ε_ref·τ0·e^{E_b*/kT}'],
    ['E_ret', `${d.retention_barrier_kT.toPrecision(4)} kT`, `barrier keeping the model for τ_ret = ${formatDuration(e.retention_s)}: ln(τ_ret/τ0)`],
    ['τ0', formatSI(e.tau0_s, 's'), 'attempt time'],
  ];
}

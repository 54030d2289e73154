/**
 * `--explain`: every wall of every row as its formula, the formula with values substituted, and the
 * result, built from the same terms the engine computes with.
 */
import type { Resolved } from './resolve.js';
import { derive, type Derived } from './env.js';
import { withOverrides, WALLS, type TermOverrides, type Wall, type Factor } from './paradigms.js';
import { formatSI, formatScientific, formatCount, formatDuration } from '../util/format.js';

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
    ['τ0', formatSI(e.tau0_s, 's'), 'Arrhenius attempt time at the retention barrier'],
    ['τ_D', formatSI(d.diffusion_time_s, 's', 4), 'γa²/kT of the cell = (√32/2π)·(E_ret/kT)·τ0 (the simulator\'s time unit)'],
    ['τ_r', formatSI(d.relaxation_s, 's', 4), e.relaxation_s === undefined ? `relaxation over the cell's range: 4(M − 1)²·τ_D, M = ${e.cell === 'binary' ? 2 : `2^${c.precision_bits}`} levels (${e.cell} cell)` : 'relaxation over the cell\'s range (given)'],
    ['c', formatScientific(d.transport_c, 4), e.transport_c === undefined ? 'W₂²/L² of one cell update: (M² + 2)/(12(M − 1)²), ½ for a binary cell' : 'W₂²/L² of an update (given)'],
    ['e_ex', formatSI(d.excess_per_op_J, 'J', 4), `finite-time excess per update at τ_u: ${e.cell === 'binary' ? 'N_eff·' : ''}c·kT·τ_r/τ_u`],
    ['domain', d.in_model_domain ? 'τ_u ≥ τ0' : 'τ_u < τ0', d.in_model_domain ? 'inside the model\'s domain (Arrhenius escape, overdamped cell)' : 'OUTSIDE the model\'s domain: updates faster than one escape attempt'],
    ['τ_w', formatSI((c.time_s * c.params * c.precision_bits) / c.update_bits, 's', 4), 'mean time between writes of one stored bit = T_sol·P·N/Σbits'],
    ['E_b*', `${d.cim_barrier_kT.toPrecision(4)} kT`, `best single barrier of a static memory: max(ln2, ln(τ_w/(ε_ref·τ0))) = hold-between-writes barrier ${d.cim_hold_barrier_kT.toPrecision(4)} kT, or ln2 if cheaper`],
    ['τ_ref', formatSI(e.refresh_error * e.tau0_s * Math.exp(d.cim_barrier_kT), 's', 4), 'refresh interval at E_b* = ε_ref·τ0·e^{E_b*/kT} (refresh only where τ_ref < τ_w)'],
    ['E_ret', `${d.retention_barrier_kT.toPrecision(4)} kT`, `barrier keeping the model for τ_ret = ${formatDuration(e.retention_s)} with loss ε_ret = ${e.retention_error}: ln(τ_ret/(ε_ret·τ0))`],
    ['cool', d.cooling_per_J > 0 ? `${formatScientific(d.cooling_per_J, 4)} J/J` : '0', `Carnot work per joule of heat pumped from T = ${e.temperature_K} K to T_amb = ${e.ambient_K} K: max(0, T_amb/T − 1), added to every row as cooling_J`],
    ...vonNeumannSymbols(resolved, d),
  ];
}

/** Symbols of the von Neumann rows (docs/model.md §3). */
function vonNeumannSymbols({ counts: c, env: e }: Resolved, d: Derived): Array<[string, string, string]> {
  const peak = e.accelerator.precisions[e.accelerator_precision]!.peak_flop_per_s;
  return [
    ['W_board', formatSI(d.accelerator_power_W, 'W'), `board power of ${e.accelerator.name} (${e.accelerator_power_W === e.accelerator.tdp_W ? e.accelerator.power_convention : 'given'})`],
    ['t_board', formatSI(d.accelerator_time_s, 's', 4), `board-seconds of the run: max(F/(peak·MFU), read_bits/(8·bandwidth)), peak ${formatSI(peak, 'FLOP/s')}, bandwidth ${formatSI(e.accelerator.memory_bandwidth_B_per_s, 'B/s')}`],
    ['MFU', String(e.mfu), e.mfu === 1 ? 'model FLOPs utilisation: 1, the best case' : 'model FLOPs utilisation (given)'],
    ['PUE', String(e.pue), e.pue === 1 ? 'power usage effectiveness: 1, the best case (no facility overhead)' : 'power usage effectiveness (given)'],
    ['B_state', `${e.optimizer_state_bytes ?? c.precision_bits / 8} B`, e.optimizer_state_bytes === null ? 'bytes rewritten per parameter per step: the parameter itself, N/8' : 'optimizer state rewritten per parameter per step (16 B: mixed-precision Adam, ZeRO)'],
    ['I_CMOS', e.cmos_intensity_flop_per_byte === null ? "the workload's" : `${e.cmos_intensity_flop_per_byte} FLOP/B`, "FLOP per byte moved off-chip by the CMOS-limit machine (its own, independent of the accelerator; assumed)"],
  ];
}

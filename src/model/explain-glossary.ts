/**
 * The counts and technology symbols the `--explain` formulas use beyond the physics symbols of
 * explainSymbols, so that every symbol printed is defined. Counts carry this design point's values;
 * technology energies differ per row and are shown substituted under each formula.
 */
import type { Resolved } from './resolve.js';
import { derive } from './env.js';
import { formatCount, formatDuration, formatScientific, formatSI } from '../util/format.js';

export function explainGlossary(resolved: Resolved): Array<[string, string, string]> {
  const { counts: c, env: e } = resolved;
  const perRow = 'per row';
  return [
    ['P', formatCount(c.params), 'parameters (state variables) held in memory'],
    ['N', `${c.precision_bits} bit`, 'bits of precision per parameter'],
    ['cell_writes', formatScientific(derive(c, e).cell_writes, 4), 'cell writes of the static-barrier memory over the run'],
    ['memory, update, consolidation', perRow, "the row's other walls, subtracted where the compute wall is a whole-board energy"],
    ['peak, bandwidth', perRow, "the accelerator's peak dense FLOP/s and memory bandwidth in B/s"],
    ['cells', formatScientific(e.cell === 'analog' ? c.params : c.params * c.precision_bits, 4), 'memory cells holding the model: P·N bistable cells (binary), or P cells of 2^N levels (analog)'],
    ['F', formatScientific(c.flops, 4), 'arithmetic operations of a von Neumann machine, FLOP'],
    ['OPS', formatScientific(c.ops, 4), 'model-update operations, each an N-bit write to a memory cell'],
    ['MAC_reads', formatScientific(c.mac_reads ?? 0, 4), 'weight reads by multiply–accumulates that are not updates'],
    ['U', formatScientific(c.param_writes, 4), 'N-bit parameter writes of a von Neumann machine to its main memory (P per step)'],
    ['read_bits', formatScientific(c.read_bits, 4), 'bits moved between memory and compute = 8·F/I'],
    ['checkpoints', formatCount(c.checkpoints), 'full-model checkpoints written during the run'],
    ['T_sol', formatDuration(c.time_s), 'time to solution'],
    ['e_bit', perRow, "energy to move one bit to or from the row's main memory"],
    ['t_REF', formatSI(e.dram_refresh_interval_s, 's'), 'DRAM refresh interval'],
    ['e_refresh', perRow, 'energy to refresh one stored bit once'],
    ['t_refresh', perRow, "refresh interval of a volatile device's cells"],
    ['e_FLOP', perRow, 'energy per FLOP: the CMOS limit, or TDP/peak of the accelerator'],
    ['TDP/peak', perRow, "accelerator power ÷ peak dense throughput at the row's precision (a best case)"],
    ['e_read', perRow, "device energy to read one bit"],
    ['e_write', perRow, 'device energy to write one bit'],
    ['e_update', perRow, 'device energy to update one multi-level cell'],
    ['bits_per_cell', perRow, 'bits one device cell stores'],
    ['ln, max, H', '—', 'natural logarithm, larger of two values, binary entropy in nats'],
  ];
}

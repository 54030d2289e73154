/**
 * The paradigm rows of docs/model.md §3 as data: each row has four walls (memory, update, consolidation,
 * compute), and each wall is a small pure term. A term's `value` is what the engine computes; its
 * `parts` are the same product written out with named factors for `--explain`. A test checks on random
 * inputs that value = Σ Π parts for every term, so the explanation cannot drift from the arithmetic.
 * Users replace a term by passing `terms` overrides to `estimate` / `priceCounts`.
 */
import type { OperationCounts } from './counts.js';
import type { Derived, PricingEnv } from './env.js';
import { LN2 } from '../physics/constants.js';

export type Wall = 'memory' | 'update' | 'consolidation' | 'compute';
export const WALLS: readonly Wall[] = ['memory', 'update', 'consolidation', 'compute'];

export type ParadigmId = 'landauer' | 'lim' | 'cim' | 'vn-cmos-limit' | 'vn-accelerator' | 'lim-device' | 'cim-device';
export type RowId = ParadigmId | 'reported';
/** 'reported': the energy a real run reports (with its accounting boundary); 'measured': a simulator's measurement. */
export type Kind = 'bound' | 'estimate' | 'reported' | 'measured';

/** One named factor of a product: symbol, value, unit. */
export type Factor = readonly [symbol: string, value: number, unit: string];

export interface Term {
  /** The formula in symbols, e.g. "Σbits·kT·(ln2 − H(ε))". */
  formula: string;
  value(c: OperationCounts, e: PricingEnv, d: Derived): number;
  /** The formula as a sum of products of named factors (for --explain). */
  parts(c: OperationCounts, e: PricingEnv, d: Derived): Factor[][];
}

export interface Paradigm {
  id: ParadigmId;
  label: (e: PricingEnv) => string;
  kind: Kind;
  walls: Record<Wall, Term>;
  citations: string[];
}

/** The value of every structurally-zero wall: one shared function, so the pricing core can skip the call. */
export const zeroValue = (): number => 0;
const noParts = (): Factor[][] => [];
const zero = (why: string): Term => ({ formula: `0 (${why})`, value: zeroValue, parts: noParts });

const storedBits = (c: OperationCounts): Factor[] => [['P', c.params, ''], ['N', c.precision_bits, 'bit']];
/** Cells holding the model: P·N binary cells, or P analog cells. */
const storedCells = (d: Derived): Factor[] => [['cells', d.stored_cells, '']];

/** Update wall of the ideal in-memory paradigms: every changed bit at its per-bit cost, plus the speed-limit excess. */
const excessPart = (c: OperationCounts, d: Derived): Factor[] => [['OPS', c.ops, ''], ['e_ex(τ_u)', d.excess_per_op_J, 'J']];
/** e_ex(τ_u): N_eff·c·kT·τ_r/τ_u for binary cells (each changed bit is a cell erasure), c·kT·τ_r/τ_u for an analog cell. */
const EXCESS = 'OPS · e_ex(τ_u)';

export const LANDAUER: Paradigm = {
  id: 'landauer',
  label: () => 'Landauer adiabatic floor',
  kind: 'bound',
  citations: ['landauer1961', 'berut2012'],
  walls: {
    memory: zero('reads are reversible'),
    update: {
      formula: 'Σbits · kT·(ln2 − H(ε))',
      value: (c, _e, d) => c.update_bits * d.bit_floor_J,
      parts: (c, _e, d) => [[['Σbits', c.update_bits, 'bit'], ['kT·(ln2 − H(ε))', d.bit_floor_J, 'J/bit']]],
    },
    consolidation: zero('adiabatic limit'),
    compute: zero('included in the update: each operation is a memory update'),
  },
};

export const LIM: Paradigm = {
  id: 'lim',
  label: () => 'LIM, ideal (matched barrier)',
  kind: 'bound',
  citations: ['chen2024lim', 'landauer1961', 'aurell2012', 'proesmans2020'],
  walls: {
    memory: zero('in place: a MAC reads its weight reversibly'),
    update: {
      formula: `Σbits · kT·(ln2 − H(ε)) + ${EXCESS}`,
      value: (c, _e, d) => c.update_bits * d.bit_floor_J + c.ops * d.excess_per_op_J,
      parts: (c, _e, d) => [[['Σbits', c.update_bits, 'bit'], ['kT·(ln2 − H(ε))', d.bit_floor_J, 'J/bit']], excessPart(c, d)],
    },
    consolidation: {
      formula: 'P · N · kT·ln2 + cells · kT·½·ln(E_ret/kT)',
      value: (c, _e, d) => d.kT_J * (c.params * c.precision_bits * LN2 + d.stored_cells * d.ramp_per_bit_kT),
      parts: (c, _e, d) => [
        [...storedBits(c), ['kT·ln2', d.kT_J * LN2, 'J/bit']],
        [...storedCells(d), ['kT·½·ln(E_ret/kT)', d.kT_J * d.ramp_per_bit_kT, 'J']],
      ],
    },
    compute: zero('included in the update'),
  },
};

export const CIM: Paradigm = {
  id: 'cim',
  label: () => 'CIM, static-barrier model (write, refresh ≥ E_b)',
  kind: 'bound',
  citations: ['chen2024lim', 'neel1949', 'brown1963', 'aurell2012'],
  walls: {
    memory: zero('in place: a MAC reads its weight reversibly'),
    update: {
      formula: `cell_writes · E_b* + ${EXCESS}`,
      value: (c, _e, d) => d.cell_writes * d.cim_barrier_kT * d.kT_J + c.ops * d.excess_per_op_J,
      parts: (c, _e, d) => [[['cell_writes', d.cell_writes, ''], ['E_b*', d.cim_barrier_kT * d.kT_J, 'J']], excessPart(c, d)],
    },
    consolidation: {
      formula: 'cells · n_ref · E_b* + cells · E_ret·[E_b* < E_ret],  n_ref = T_sol·max(0, 1/τ_ref − 1/τ_w)',
      value: (_c, _e, d) =>
        d.stored_cells * d.kT_J * (d.cim_refresh_count * d.cim_barrier_kT + (d.cim_barrier_kT < d.retention_barrier_kT ? d.retention_barrier_kT : 0)),
      parts: (_c, _e, d) => {
        const out: Factor[][] = d.cim_refresh_count > 0 ? [[...storedCells(d), ['n_ref', d.cim_refresh_count, ''], ['E_b*', d.cim_barrier_kT * d.kT_J, 'J']]] : [];
        if (d.cim_barrier_kT < d.retention_barrier_kT) out.push([...storedCells(d), ['E_ret', d.retention_barrier_kT * d.kT_J, 'J']]);
        return out;
      },
    },
    compute: zero('included in the update'),
  },
};

/** Bits a von Neumann machine writes per parameter per optimizer step: the optimizer state (8·bytes), or N without one. */
export const stateBitsPerStep = (c: OperationCounts, e: PricingEnv): number => (e.optimizer_state_bytes === null ? c.precision_bits : 8 * e.optimizer_state_bytes);

/** Off-chip traffic of the CMOS-limit machine: its own intensity for training, else the workload's traffic. */
export const cmosReadBits = (c: OperationCounts, e: PricingEnv): number => (e.cmos_intensity_flop_per_byte === null ? c.read_bits : (8 * c.flops) / e.cmos_intensity_flop_per_byte);

/** The memory, update and consolidation walls shared by the von Neumann rows, with traffic and e_bit per row. */
function vonNeumannMemoryWalls(readBits: (c: OperationCounts, e: PricingEnv) => number, memJ: (e: PricingEnv) => number, readSymbol: string): Record<'memory' | 'update' | 'consolidation', Term> {
  return {
    memory: {
      formula: `${readSymbol} · e_bit`,
      value: (c, e) => readBits(c, e) * memJ(e),
      parts: (c, e) => [[[readSymbol, readBits(c, e), 'bit'], ['e_bit', memJ(e), 'J/bit']]],
    },
    update: {
      formula: 'U · 8·B_state · e_bit',
      value: (c, e) => c.param_writes * stateBitsPerStep(c, e) * memJ(e),
      parts: (c, e) => [[['U', c.param_writes, ''], ['8·B_state', stateBitsPerStep(c, e), 'bit'], ['e_bit', memJ(e), 'J/bit']]],
    },
    consolidation: {
      formula: 'checkpoints · P · N · e_bit + P · N · (T_sol/t_REF) · e_refresh',
      value: (c, e, d) => c.params * c.precision_bits * (c.checkpoints * memJ(e) + d.dram_refresh_count * e.dram_refresh_J_per_bit),
      parts: (c, e, d) => [
        [['checkpoints', c.checkpoints, ''], ...storedBits(c), ['e_bit', memJ(e), 'J/bit']],
        [...storedBits(c), ['T_sol/t_REF', d.dram_refresh_count, ''], ['e_refresh', e.dram_refresh_J_per_bit, 'J/bit']],
      ],
    },
  };
}

const cmosMemoryWalls = vonNeumannMemoryWalls(cmosReadBits, (e) => e.cmos_memory_J_per_bit, 'read_bits(I_CMOS)');

export const VN_CMOS_LIMIT: Paradigm = {
  id: 'vn-cmos-limit',
  label: () => 'von Neumann at the CMOS limit',
  kind: 'estimate',
  citations: ['ho2023', 'samsungHbm3e', 'jedecDdr', 'oconnor2017', 'rajbhandari2020'],
  walls: {
    ...cmosMemoryWalls,
    compute: {
      formula: 'F · e_FLOP(CMOS limit, FP4)',
      value: (c, e) => c.flops * e.cmos_J_per_flop,
      parts: (c, e) => [[['F', c.flops, 'FLOP'], ['e_FLOP(CMOS limit, FP4)', e.cmos_J_per_flop, 'J/FLOP']]],
    },
  },
};

const acceleratorMemoryWalls = vonNeumannMemoryWalls((c) => c.read_bits, (e) => e.accelerator.memory_J_per_bit, 'read_bits');

/** The HBM shares inside the board energy: memory, update and consolidation traffic at HBM energy per bit. */
function acceleratorShares(c: OperationCounts, e: PricingEnv, d: Derived): [number, number, number] {
  return [acceleratorMemoryWalls.memory.value(c, e, d), acceleratorMemoryWalls.update.value(c, e, d), acceleratorMemoryWalls.consolidation.value(c, e, d)];
}

/**
 * The accelerator row prices the run as board power × board time (× PUE): E = W·max(F/(peak·MFU),
 * bytes/bandwidth)·PUE, the F·TDP/peak best case at MFU = PUE = 1. Board power already includes the HBM,
 * so the memory, update and consolidation walls are the HBM's share *inside* that energy, and the compute
 * wall is the rest (arithmetic, on-chip data movement, static power, and the facility overhead with PUE).
 * If the HBM shares alone exceed the board energy, the compute wall is 0 and the row is their sum.
 */
export const VN_ACCELERATOR: Paradigm = {
  id: 'vn-accelerator',
  label: (e) => `von Neumann, ${e.accelerator.name} ${e.accelerator_precision.toUpperCase()}${e.mfu !== 1 || e.pue !== 1 ? ` (MFU ${e.mfu}, PUE ${e.pue})` : ''}`,
  kind: 'estimate',
  citations: ['oconnor2017', 'samsungHbm3e', 'jedecDdr', 'rajbhandari2020'],
  walls: {
    ...acceleratorMemoryWalls,
    compute: {
      formula: 'W_board · max(F/(peak·MFU), read_bits/(8·bandwidth)) · PUE − memory − update − consolidation',
      value: (c, e, d) => {
        const [m, u, k] = acceleratorShares(c, e, d);
        return Math.max(0, d.accelerator_board_J * e.pue - m - u - k);
      },
      parts: (c, e, d) => {
        const [m, u, k] = acceleratorShares(c, e, d);
        if (d.accelerator_board_J * e.pue - m - u - k <= 0) return [];
        return [
          [['W_board', d.accelerator_power_W, 'W'], ['t_board', d.accelerator_time_s, 's'], ['PUE', e.pue, '']],
          [['−1', -1, ''], ['memory', m, 'J']],
          [['−1', -1, ''], ['update', u, 'J']],
          [['−1', -1, ''], ['consolidation', k, 'J']],
        ];
      },
    },
  },
};

/** Cells a parameter needs when a device cell holds fewer bits than N. */
export function cellsPerParameter(precisionBits: number, bitsPerCell: number): number {
  return Math.ceil(precisionBits / bitsPerCell);
}

/** Device rows: writes, in-place reads (where the device has a sourced read energy) and refresh of volatile cells. */
function deviceWalls(pick: (e: PricingEnv) => PricingEnv['lim_device']): Record<Wall, Term> {
  const writeFactor = (c: OperationCounts, e: PricingEnv): Factor[] => {
    const dev = pick(e);
    return dev.write_unit === 'update'
      ? [['OPS', c.ops, ''], ['⌈N/bits_per_cell⌉', cellsPerParameter(c.precision_bits, dev.bits_per_cell), 'cell'], ['e_update', dev.write.value_J, 'J']]
      : [['OPS', c.ops, ''], ['N', c.precision_bits, 'bit'], ['e_write', dev.write.value_J, 'J/bit']];
  };
  return {
    memory: {
      // Every write is verified by a read (program-and-verify); under ops_convention sample/step the MACs
      // that do not write read their weight in place.
      formula: '(OPS + MAC_reads) · N · e_read',
      value: (c, e) => (c.ops + (c.mac_reads ?? 0)) * c.precision_bits * (pick(e).read?.value_J ?? 0),
      parts: (c, e) => (pick(e).read ? [[['OPS + MAC_reads', c.ops + (c.mac_reads ?? 0), ''], ['N', c.precision_bits, 'bit'], ['e_read', pick(e).read!.value_J, 'J/bit']]] : []),
    },
    update: {
      formula: 'OPS · N · e_write (per-bit cells) or OPS · ⌈N/bits_per_cell⌉ · e_update (analog cells)',
      value: (c, e) => {
        const dev = pick(e);
        const perOp = dev.write_unit === 'update' ? cellsPerParameter(c.precision_bits, dev.bits_per_cell) : c.precision_bits;
        return c.ops * perOp * dev.write.value_J;
      },
      parts: (c, e) => [writeFactor(c, e)],
    },
    consolidation: {
      formula: 'P · N · (T_sol/t_refresh) · e_refresh (volatile cells)',
      value: (c, e) => {
        const r = pick(e).refresh;
        return r ? c.params * c.precision_bits * (c.time_s / r.interval_s) * r.J_per_bit : 0;
      },
      parts: (c, e) => {
        const r = pick(e).refresh;
        return r ? [[...storedBits(c), ['T_sol/t_refresh', c.time_s / r.interval_s, ''], ['e_refresh', r.J_per_bit, 'J/bit']]] : [];
      },
    },
    compute: zero('in memory'),
  };
}

export const LIM_DEVICE: Paradigm = {
  id: 'lim-device',
  label: (e) => `LIM on ${e.lim_device.name}`,
  kind: 'estimate',
  citations: ['mehta2021', 'rahman2022'],
  walls: deviceWalls((e) => e.lim_device),
};

export const CIM_DEVICE: Paradigm = {
  id: 'cim-device',
  label: (e) => `CIM on ${e.cim_device.name}`,
  kind: 'estimate',
  citations: ['yang2013', 'horowitz2014'],
  walls: deviceWalls((e) => e.cim_device),
};

export const PARADIGMS: readonly Paradigm[] = [LANDAUER, LIM, CIM, VN_CMOS_LIMIT, VN_ACCELERATOR, LIM_DEVICE, CIM_DEVICE];

/** User replacements: `{ lim: { update: myTerm } }` swaps one wall of one row. */
export type TermOverrides = Partial<Record<ParadigmId, Partial<Record<Wall, Term>>>>;

export function withOverrides(overrides?: TermOverrides): readonly Paradigm[] {
  if (!overrides) return PARADIGMS;
  return PARADIGMS.map((p) => (overrides[p.id] ? { ...p, walls: { ...p.walls, ...overrides[p.id] } } : p));
}

/**
 * Memory devices for the "LIM / CIM on real devices" rows. Energies are per bit written or read unless
 * the device is an analog cell priced per update (FN-DAM). Where a source gives a range, `value` is the
 * low end (these rows are optimistic device estimates) and the range is kept beside it.
 */
import { type SourceRef, primary, secondary, derived, assumed } from './sources.js';

export interface DeviceEnergy {
  /** Value used in the estimate, J. */
  value_J: number;
  low_J?: number;
  high_J?: number;
  source: SourceRef;
}

export interface MemoryDevice {
  id: string;
  name: string;
  /** 'lim': the barrier is modulated in time (learning-in-memory); 'cim': a static-barrier cell. */
  paradigm: 'lim' | 'cim';
  /** Write cost: per bit ('bit') or per analog update of one cell ('update'). */
  write_unit: 'bit' | 'update';
  write: DeviceEnergy;
  /** Read energy per bit; undefined when no source gives one (the memory wall is then not counted). */
  read?: DeviceEnergy;
  /** Bits one cell holds (analog resolution or 1 for a binary cell). */
  bits_per_cell: number;
  bits_source?: SourceRef;
  volatile: boolean;
  /** For volatile cells that are refreshed: refresh interval and energy per bit refreshed. */
  refresh?: { interval_s: number; J_per_bit: number; source: SourceRef };
  /** Write cycles a cell survives, where a source gives it. */
  endurance?: { cycles: number; source: SourceRef };
  notes?: string;
}

const itrs = (where: string, note?: string) => secondary('yang2013', where, note);

export const DEVICES: readonly MemoryDevice[] = [
  {
    id: 'fn-dam',
    name: 'Fowler–Nordheim dynamic analog memory (FN-DAM)',
    paradigm: 'lim',
    write_unit: 'update',
    write: { value_J: 5e-15, source: primary('mehta2021', 'abstract: energy dissipation as low as 5 fJ per memory update') },
    bits_per_cell: 14,
    bits_source: primary('mehta2021', 'abstract: programming resolution up to 14 bits'),
    volatile: false,
    notes: 'consolidation happens in place (FN tunnelling dynamics; Rahman et al. 2022), so no transfer is charged; read energy is not given by the source and is not counted',
  },
  {
    id: 'rram',
    name: 'Resistive RAM (memristor)',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 0.1e-12, low_J: 0.1e-12, high_J: 3e-12, source: itrs('ITRS 2011 energy per bit 0.1–3 pJ (Table 1)') },
    endurance: { cycles: 1e12, source: itrs('ITRS 2011 endurance 1e12 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: false,
    notes: 'read energy per bit not separately sourced; not counted',
  },
  {
    id: 'pcm',
    name: 'Phase-change memory',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 2e-12, low_J: 2e-12, high_J: 25e-12, source: itrs('ITRS 2011 energy per bit 2–25 pJ (Table 1)') },
    read: { value_J: 2.47e-12, source: secondary('lee2009pcm', 'PCM array read 2.47 pJ/bit (array write 16.82 pJ/bit), as tabulated in public notes on NVM papers') },
    endurance: { cycles: 1e9, source: itrs('ITRS 2011 endurance 1e9 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: false,
  },
  {
    id: 'stt-mram',
    name: 'Spin-transfer-torque MRAM',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 0.1e-12, low_J: 0.1e-12, high_J: 2.5e-12, source: itrs('ITRS 2011 energy per bit 0.1–2.5 pJ (Table 1); Sci. Rep. 2012 Table 1 lists STT-RAM write 0.1 pJ/bit') },
    endurance: { cycles: 1e15, source: itrs('ITRS 2011 endurance 1e15 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: false,
    notes: 'read energy per bit not separately sourced; not counted',
  },
  {
    id: 'feram',
    name: 'Ferroelectric RAM',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 0.03e-12, source: primary('hu2012me', 'Table 1: FeRAM write energy 0.03 pJ/bit') },
    bits_per_cell: 1,
    volatile: false,
    notes: 'read energy per bit not sourced; not counted',
  },
  {
    id: 'sram',
    name: 'SRAM (45 nm, 8 KB array)',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 10e-12 / 64, source: assumed('write taken equal to the read access energy of Horowitz 2014 (10 pJ per 64-bit access of an 8 KB SRAM)') },
    read: { value_J: 10e-12 / 64, source: secondary('horowitz2014', '8 KB SRAM, 64-bit access: 10 pJ (45 nm, 0.9 V)') },
    endurance: { cycles: 1e16, source: itrs('ITRS 2011 endurance 1e16 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: true,
    notes: 'static leakage power is not counted (no sourced figure)',
  },
  {
    id: 'dram',
    name: 'DRAM (commodity, 45 nm era)',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 640e-12 / 32, source: secondary('han2016', '32-bit DRAM access 640 pJ (after Horowitz 2014)', 'write taken equal to the access energy') },
    read: { value_J: 640e-12 / 32, source: secondary('han2016', '32-bit DRAM access 640 pJ (after Horowitz 2014)') },
    endurance: { cycles: 1e16, source: itrs('ITRS 2011 endurance 1e16 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: true,
    refresh: { interval_s: 0.064, J_per_bit: 1.21e-12, source: derived('oconnor2017', 'tREF 64 ms (JEDEC); HBM2 activation 1.21 pJ/bit taken as refresh energy per bit (assumed)') },
  },
  {
    id: 'hbm2',
    name: 'HBM2 DRAM stack',
    paradigm: 'cim',
    write_unit: 'bit',
    write: { value_J: 3.97e-12, source: secondary('oconnor2017', 'HBM2 3.97 pJ/bit', 'write taken equal to the access energy') },
    read: { value_J: 3.97e-12, source: secondary('oconnor2017', 'HBM2 3.97 pJ/bit') },
    endurance: { cycles: 1e16, source: itrs('ITRS 2011 DRAM endurance 1e16 cycles (Table 1)') },
    bits_per_cell: 1,
    volatile: true,
    refresh: { interval_s: 0.064, J_per_bit: 1.21e-12, source: derived('oconnor2017', 'tREF 64 ms (JEDEC); activation 1.21 pJ/bit taken as refresh energy per bit (assumed)') },
  },
];

export function findDevice(id: string): MemoryDevice | undefined {
  return DEVICES.find((d) => d.id === id.toLowerCase());
}

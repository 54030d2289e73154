/**
 * Default ranges of the assumptions and catalog numbers that are not exact: for each, a distribution
 * over [low, high] and where the range comes from. `limbound estimate --uncertainty` samples them;
 * `--range NAME=LOW..HIGH[:uniform|log|normal]` replaces one. A range applies to an input only when the
 * user did not set that input (a value the user gives is taken as meant); point values stay as they are.
 *
 * Adding a range is one row here. `name` is an input key of the schema (any numeric one works) or one of
 * the catalog quantities listed in src/model/uncertain-inputs.ts. A `relative` range multiplies the
 * point value of the current setting (used where the point depends on the chosen accelerator or device).
 * Discrete choices (cell, ops_convention, accelerator, device) are not sampled: `--scenario KEY` runs
 * each of their values side by side. Device write/read energies are not listed: each catalog device's own low–high range is used
 * (src/data/devices.ts), or an assumed ×½–×2 where the source gives one figure.
 */
import type { DistributionKind } from '../util/distributions.js';
import { type SourceRef, assumed, derived, primary, secondary } from './sources.js';

export interface RangeRow {
  name: string;
  distribution: DistributionKind;
  low: number;
  high: number;
  /** low and high multiply the point value of the current setting. */
  relative?: boolean;
  source: SourceRef;
}

const YEAR_S = 3.15576e7;

export const DEFAULT_RANGES: readonly RangeRow[] = [
  {
    name: 'tau0_s',
    distribution: 'log',
    low: 1e-13,
    high: 1e-9,
    source: assumed('attempt times in use span ~0.1 ps (ionic/defect hopping, phonon frequency ~1e13 Hz) to ~1 ns (magnetic, common MRAM assumption); numbers.md §2.5, both unconfirmed', 'the cell relaxation time τ_r and transport ratio c are derived from τ0 and the cell unless set'),
  },
  {
    name: 'refresh_error',
    distribution: 'log',
    low: 1e-15,
    high: 1e-6,
    source: assumed('tolerated loss probability per bit between refreshes, from a raw-bit-error-rate-like 1e-6 to 1e-15'),
  },
  {
    name: 'retention_s',
    distribution: 'log',
    low: 1 * YEAR_S,
    high: 100 * YEAR_S,
    source: assumed('1 yr to 100 yr; the guarantees quoted for non-volatile memories are EPROM 10 yr, EEPROM 40 yr, flash 100 yr (numbers.md §2.5, a weak secondary source)'),
  },
  {
    name: 'retention_error',
    distribution: 'log',
    low: 1e-15,
    high: 1e-3,
    source: assumed('tolerated chance of losing a bit of the trained model within τ_ret: from bit-exact storage (1e-15) to a noise-tolerant network (1e-3)'),
  },
  {
    name: 'n_eff_fraction',
    distribution: 'uniform',
    low: 0.25,
    high: 1,
    source: assumed('fraction of the N bits of a parameter that change per update: from the low quarter (small updates) to all of them'),
  },
  {
    name: 'arithmetic_intensity_flop_per_byte',
    distribution: 'log',
    low: 0.5,
    high: 2,
    relative: true,
    source: assumed('training kernels run from half to twice the roofline ridge intensity'),
  },
  {
    name: 'mfu',
    distribution: 'uniform',
    low: 0.3,
    high: 0.6,
    source: secondary('chowdhery2022', 'reported model FLOPs utilisation of large runs: PaLM 46.2 %, Llama 2 about 40 % (numbers.md §4); 0.3–0.6 around them', 'the point value 1 is the best case, so the accelerator band lies above the point'),
  },
  {
    name: 'accelerator_power_W',
    distribution: 'uniform',
    low: 0.5,
    high: 1,
    relative: true,
    source: primary('googleTpuV3', 'power convention: the catalog figure (a TDP, or a measured maximum) is the high end; measured board power runs below a TDP, e.g. TPU v3 mean 220 W and max 262 W against 450 W TDP (0.49–0.58×), so 0.5× is the low end (220/262 = 0.84× under a measured maximum)', 'applies to the catalog power; a --accelerator-power-W the user gives is kept'),
  },
  {
    name: 'pue',
    distribution: 'uniform',
    low: 1.1,
    high: 1.6,
    source: assumed('facility overhead from a hyperscale data centre (~1.1) to an average one (~1.6)', 'the point value 1 is the best case'),
  },
  {
    name: 'accelerator_memory_J_per_bit',
    distribution: 'log',
    low: 3.9e-12,
    high: 7e-12,
    source: secondary('samsungHbm3e', 'HBM3E 3.9 pJ/bit (low); 7 pJ/bit is the HBM access energy assumed by HyGCN (HPCA 2020), numbers.md §2.2 (high)'),
  },
  {
    name: 'cmos_memory_J_per_bit',
    distribution: 'log',
    low: 1.95e-12,
    high: 3.9e-12,
    source: derived('oconnor2017', 'fine-grained DRAM: 2× the energy efficiency of HBM2 (abstract), 3.97/2 ≈ 1.95 pJ/bit (low); HBM3E 3.9 pJ/bit (high)'),
  },
  {
    name: 'cmos_J_per_flop',
    distribution: 'log',
    low: 1 / 2.35e16,
    high: 1 / 1.175e15,
    source: derived('ho2023', 'the limit of 4.7e15 FLOP/J is ~200× today\'s chips; the room for improvement is put at 50–1000×, i.e. 1.175e15–2.35e16 FLOP/J', 'the 50–1000× span is from the Epoch summary of the paper (numbers.md §1.5)'),
  },
  {
    name: 'dram_refresh_J_per_bit',
    distribution: 'log',
    low: 0.1e-12,
    high: 1.21e-12,
    source: assumed('refresh skips I/O and transfer: from a tenth of the HBM2 row activation (1.21 pJ/bit, O\'Connor 2017) up to all of it'),
  },
];

/**
 * Low end of the accelerator power range when the catalog figure is already a measured maximum (TPU v4):
 * mean over max of the measured TPU v3 power, 220/262 W (Google Cloud TPU v3 docs).
 */
export const MEASURED_MAX_POWER_LOW = 220 / 262;

/** Assumed spread of a device energy that the source gives as one figure. */
export const SINGLE_FIGURE_DEVICE_SPREAD = { low: 0.5, high: 2 } as const;

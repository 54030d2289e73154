/**
 * The quantities a range can be put on, and how a sample sets each one. Any numeric input key of the
 * schema qualifies; those listed in FAST_SETTERS are written straight into the sampler's working counts
 * and setting (no re-resolution), the others re-resolve the design point per sample. Catalog quantities
 * (device energies, memory energy per bit, the CMOS-limit figures) are not inputs: they are listed here.
 */
import { FIELDS, type FieldKey, type NumericField } from './schema.js';
import type { OperationCounts } from './counts.js';
import { derive, type PricingEnv } from './env.js';
import type { DeviceEnergy } from '../data/devices.js';
import type { Resolved } from './resolve.js';
import { SI_UNIT } from './units.js';

/** What a sample writes into: the working counts and setting, and the design point they start from. */
export interface SampleState {
  counts: OperationCounts;
  env: PricingEnv;
  base: Resolved;
}

export interface Domain {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

export interface UncertainQuantity {
  name: string;
  description: string;
  unit: string;
  domain: Domain;
  /** Its value at the design point (undefined: not applicable there, e.g. a device without a read energy). */
  point(r: Resolved): number | undefined;
  /** Writes a sampled value; absent for inputs that need the design point re-resolved. */
  set?(s: SampleState, v: number): void;
}

const positive: Domain = { min: 0, minExclusive: true };

/** Inputs the sampler sets directly; each writes absolute values computed from the base point. */
const FAST_SETTERS: Partial<Record<FieldKey, (s: SampleState, v: number) => void>> = {
  // τ_r and c, unless set, are derived from τ0 and the cell at pricing time (env.ts).
  tau0_s: (s, v) => {
    s.env.tau0_s = v;
  },
  relaxation_s: (s, v) => {
    s.env.relaxation_s = v;
  },
  transport_c: (s, v) => {
    s.env.transport_c = v;
  },
  refresh_error: (s, v) => {
    s.env.refresh_error = v;
  },
  retention_s: (s, v) => {
    s.env.retention_s = v;
  },
  retention_error: (s, v) => {
    s.env.retention_error = v;
  },
  ambient_K: (s, v) => {
    s.env.ambient_K = v;
  },
  mfu: (s, v) => {
    s.env.mfu = v;
  },
  pue: (s, v) => {
    s.env.pue = v;
  },
  accelerator_power_W: (s, v) => {
    s.env.accelerator_power_W = v;
  },
  temperature_K: (s, v) => {
    s.env.temperature_K = v;
  },
  erasure_error: (s, v) => {
    s.env.erasure_error = v;
  },
  time_s: (s, v) => {
    s.counts.time_s = v;
  },
  n_eff_bits: (s, v) => {
    s.counts.update_bits = s.base.counts.ops * v;
  },
  arithmetic_intensity_flop_per_byte: (s, v) => {
    s.counts.read_bits = (8 * s.base.counts.flops) / v;
  },
};

type TechnologyKey = 'cmos_memory_J_per_bit' | 'cmos_J_per_flop' | 'dram_refresh_J_per_bit';

/** A technology figure held in the pricing setting under its own name. */
function technology(key: TechnologyKey, description: string, unit: string): UncertainQuantity {
  return {
    name: key,
    description,
    unit,
    domain: positive,
    point: (r) => r.env[key],
    set: (s, v) => {
      s.env[key] = v;
    },
  };
}

/** An energy of a chosen device (the sampler works on its own copy of the device). */
function deviceEnergy(name: string, description: string, pick: (e: PricingEnv) => DeviceEnergy | undefined): UncertainQuantity {
  return {
    name,
    description,
    unit: 'J',
    domain: positive,
    point: (r) => pick(r.env)?.value_J,
    set: (s, v) => {
      pick(s.env)!.value_J = v;
    },
  };
}

const CATALOG: readonly UncertainQuantity[] = [
  {
    name: 'n_eff_fraction',
    description: 'N_eff/N: fraction of the bits of a parameter that change per update',
    unit: '',
    domain: { min: 0, minExclusive: true, max: 1 },
    point: (r) => r.counts.update_bits / (r.counts.ops * r.counts.precision_bits),
    set: (s, v) => {
      s.counts.update_bits = s.base.counts.ops * s.base.counts.precision_bits * v;
    },
  },
  {
    name: 'accelerator_memory_J_per_bit',
    description: "off-chip memory energy per bit of the accelerator row's memory",
    unit: 'J/bit',
    domain: positive,
    point: (r) => r.env.accelerator.memory_J_per_bit,
    set: (s, v) => {
      s.env.accelerator.memory_J_per_bit = v;
    },
  },
  technology('cmos_memory_J_per_bit', 'off-chip memory energy per bit of the CMOS-limit machine', 'J/bit'),
  technology('cmos_J_per_flop', 'energy per FLOP at the CMOS limit', 'J/FLOP'),
  technology('dram_refresh_J_per_bit', 'DRAM refresh energy per bit refreshed', 'J/bit'),
  deviceEnergy('lim_device_write_J', 'write energy of the LIM device row (per update or per bit, as the catalog prices it)', (e) => e.lim_device.write),
  deviceEnergy('cim_device_write_J', 'write energy per bit of the CIM device row', (e) => e.cim_device.write),
  deviceEnergy('cim_device_read_J', 'read energy per bit of the CIM device row (where the catalog has one)', (e) => e.cim_device.read),
];

/** Every quantity a range can name: the catalog ones, then every numeric input key. */
export function uncertainQuantities(): UncertainQuantity[] {
  const inputs = (Object.keys(FIELDS) as FieldKey[])
    .filter((k) => FIELDS[k].type === 'number')
    .map((key): UncertainQuantity => {
      const f = FIELDS[key] as NumericField;
      return {
        name: key,
        description: f.description,
        unit: SI_UNIT[f.dimension] ?? '',
        domain: { min: f.min, max: f.max, minExclusive: f.minExclusive, maxExclusive: f.maxExclusive, integer: f.integer },
        point: (r) => {
          const v = r.inputs[key];
          if (typeof v === 'number') return v;
          // Inputs that default to a value derived at pricing time.
          return key === 'relaxation_s' || key === 'transport_c' ? derive(r.counts, r.env)[key] : undefined;
        },
        set: FAST_SETTERS[key],
      };
    });
  return [...CATALOG, ...inputs];
}

export function findQuantity(name: string): UncertainQuantity | undefined {
  return uncertainQuantities().find((q) => q.name === name);
}

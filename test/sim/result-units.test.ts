/**
 * Units in the simulator's result documents: every `*_J` field equals its `*_kT` twin times k_B·T, every
 * `*_s` field its `*_tau0` twin times τ0 and every `*_per_s` its `*_per_tau0` twin divided by τ0, at a
 * temperature and τ0 other than the defaults (so a silently dropped option fails).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate, type ProtocolSpec } from '../../src/sim/index.js';

const T = 77;
const TAU0 = 2e-9;
const KT = 1.380649e-23 * 77; // 1.06309973e-21 J

/** Pairs (SI field, simulation-unit field, factor) found in a document, nested objects included. */
function unitPairs(doc: Record<string, unknown>, path = ''): Array<[string, unknown, unknown, number]> {
  const out: Array<[string, unknown, unknown, number]> = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) out.push(...unitPairs(value as Record<string, unknown>, `${path}${key}.`));
    const twin = (from: RegExp, to: string, factor: number) => {
      if (!from.test(key)) return;
      const other = key.replace(from, to);
      if (other in doc) out.push([`${path}${key}`, value, doc[other], factor]);
    };
    twin(/_J$/, '_kT', KT);
    if (/_per_s$/.test(key)) twin(/_per_s$/, '_per_tau0', 1 / TAU0);
    else twin(/_s$/, '_tau0', TAU0);
  }
  return out;
}

function sameWithin(a: unknown, b: unknown, what: string): void {
  if (Array.isArray(a)) {
    assert.ok(Array.isArray(b) && a.length === b.length, what);
    a.forEach((x, i) => sameWithin(x, (b as unknown[])[i], `${what}[${i}]`));
    return;
  }
  assert.equal(typeof a, 'number', what);
  const x = a as number;
  const y = b as number;
  assert.ok(x === y || Math.abs(x - y) <= 1e-12 * Math.abs(y), `${what}: ${x} vs ${y}`);
}

const SPECS: ProtocolSpec[] = [
  { protocol: 'trap', schedule: 'linear', stiffness_kT_per_a2: 1, distance_a: 1, duration_tau0: 0.5 },
  { protocol: 'stiffness', schedule: 'linear', from_kT_per_a2: 1, to_kT_per_a2: 2, duration_tau0: 0.5 },
  { protocol: 'retention', barrier_kT: 2, duration_tau0: 2, bits: 1 },
  { protocol: 'erase', barrier_kT: 4, tilt_kT_per_a: 3, duration_tau0: 2 },
  { protocol: 'write', memory: 'lim', barrier_kT: 2, duration_tau0: 1, bits: 1, from_level: 0, to_level: 1 },
  { protocol: 'consolidate', barrier_kT: 3, start_barrier_kT: 1, duration_tau0: 0.5, bits: 1, level: 0 },
];

test('every *_J is *_kT·k_B·T and every *_s is *_tau0·τ0, at 77 K and τ0 = 2 ns', async () => {
  for (const spec of SPECS) {
    const doc = await simulate(spec, { particles: 20, seed: 5, threads: 1, temperature_K: T, tau0_s: TAU0 });
    assert.equal(doc.temperature_K, 77, spec.protocol);
    assert.equal(doc.tau0_s, 2e-9, spec.protocol);
    assert.ok(Math.abs((doc.kT_J as number) / 1.06309973e-21 - 1) < 1e-8, `${spec.protocol} kT_J ${doc.kT_J}`);
    const pairs = unitPairs(doc).filter(([key]) => key !== 'kT_J');
    assert.ok(pairs.length >= 4, `${spec.protocol}: only ${pairs.map(([k]) => k).join(', ')}`);
    for (const [key, si, natural, factor] of pairs) {
      if (Array.isArray(natural)) sameWithin(si, (natural as number[]).map((v) => v * factor), `${spec.protocol} ${key}`);
      else sameWithin(si, (natural as number) * factor, `${spec.protocol} ${key}`);
    }
    if (spec.protocol === 'retention') {
      // The retention time is the inverse rate, in both units.
      sameWithin(doc.retention_time_tau0, 1 / (doc.rate_per_tau0 as number), 'retention_time_tau0');
      sameWithin(doc.retention_time_s, TAU0 / (doc.rate_per_tau0 as number), 'retention_time_s');
    }
  }
});

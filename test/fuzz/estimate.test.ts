/**
 * Fuzzing estimate(): any document either gives a result whose every number is finite, whose every
 * energy is ≥ 0 and whose every bound/estimate row is at or above the Landauer floor, or is refused
 * with an InputError naming a field on one line. In-domain inputs also keep the model's monotonicity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimate, InputError, FIELDS, FIELD_KEYS, type NumericField } from '../../src/index.js';
import { WORKLOADS, ACCELERATORS, DEVICES } from '../../src/data/index.js';
import { badNumber, runs, SEED } from './settings.js';

const circular: Record<string, unknown> = {};
circular.self = circular;

/** Hostile values of any JavaScript type. */
const hostile = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, -1, 1e-320, 1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.bigInt(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('1e9...', '1e-300', '12 parsecs', '\u001b[31m1', '__proto__', 'constructor', ' 3e5 ', '1.5e3 s', '0x10', 'Infinity', 'NaN', '1'.repeat(5000)),
  fc.constantFrom(null, undefined, true, [], {}, circular, Object.create(null), Symbol('s'), () => 1),
);

/** A value inside a numeric field's range, log-uniform where the range spans decades. */
function inDomain(field: NumericField): fc.Arbitrary<number> {
  const lo = field.min ?? 0;
  const hi = field.max ?? 1e30;
  if (lo > 0 && hi / lo > 100) {
    return fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => {
      const v = Math.min(hi, Math.max(lo, 10 ** e));
      return field.integer ? Math.max(lo, Math.min(hi, Math.round(v))) : v;
    });
  }
  if (field.integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, maxExcluded: Boolean(field.maxExclusive), minExcluded: Boolean(field.minExclusive) });
}

const choiceValues: Record<string, readonly string[]> = {
  workload: WORKLOADS.map((w) => w.id),
  accelerator: ACCELERATORS.map((a) => a.id),
  device: DEVICES.map((d) => d.id),
  lim_device: DEVICES.filter((d) => d.paradigm === 'lim').map((d) => d.id),
};

function valueFor(key: (typeof FIELD_KEYS)[number], hostileWeight: number): fc.Arbitrary<unknown> {
  const field = FIELDS[key];
  let good: fc.Arbitrary<unknown>;
  if (field.type === 'number') good = inDomain(field as NumericField);
  else if (field.type === 'text') good = fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0 && !/[\u0000-\u001f]/.test(t));
  else {
    const list = choiceValues[key] ?? (typeof field.choices === 'function' ? field.choices() : field.choices);
    good = fc.constantFrom(...list);
  }
  return hostileWeight > 0 ? fc.oneof({ arbitrary: good, weight: 10 - hostileWeight }, { arbitrary: hostile, weight: hostileWeight }) : good;
}

function inputDocument(hostileWeight: number): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of FIELD_KEYS) model[key] = valueFor(key, hostileWeight);
  const base = fc.record(model, { requiredKeys: [] });
  if (hostileWeight === 0) return base;
  return fc.tuple(base, fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype', 'paramz', 'version', 'toString'), { nil: undefined }), hostile).map(([doc, extra, value]) => {
    if (extra === undefined) return doc;
    const copy: Record<string, unknown> = { ...doc };
    Object.defineProperty(copy, extra, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

/** A few in-domain keys on top of a preset: mostly accepted documents, so the result checks run. */
const acceptedLikely = fc
  .subarray([...FIELD_KEYS], { maxLength: 4 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(k, 0)])) as Record<string, fc.Arbitrary<unknown>>));

/** Checks one call: a clean result or one clean InputError. Returns the result or undefined. */
function checkedEstimate(doc: unknown, withTradeoff = false) {
  let result;
  try {
    result = estimate(doc as never, { tradeoff: withTradeoff ? { points: 5 } : false });
  } catch (err) {
    assert.ok(err instanceof InputError, `not an InputError: ${(err as Error)?.stack ?? String(err)}`);
    assert.ok(err.field.length > 0, 'the error names no field');
    assert.ok(!/[\n\r]/.test(err.message), `the error is not one line: ${JSON.stringify(err.message)}`);
    return undefined;
  }
  const bad = badNumber(result);
  assert.equal(bad, undefined, `non-finite or negative energy: ${bad}`);
  const floor = result.rows[0]!.energy_J;
  for (const row of result.rows) {
    if (row.kind !== 'measured') assert.ok(row.energy_J >= floor * (1 - 1e-9), `${row.id} ${row.energy_J} J below the floor ${floor} J`);
  }
  return result;
}

test('estimate(): hostile documents give a finite result or one InputError naming a field', () => {
  fc.assert(fc.property(inputDocument(4), fc.boolean(), (doc, t) => void checkedEstimate(doc, t)), { numRuns: runs(1500, 0.5), seed: SEED });
});

test('estimate(): in-domain documents give finite results above the floor (or a named refusal of an inconsistent combination)', () => {
  let accepted = 0;
  const numRuns = runs(1500, 0.3);
  fc.assert(
    fc.property(fc.oneof(acceptedLikely, inputDocument(0)), fc.boolean(), (doc, t) => {
      if (checkedEstimate(doc, t)) accepted++;
    }),
    { numRuns, seed: SEED + 1 },
  );
  assert.ok(accepted > numRuns / 10, `only ${accepted} of ${numRuns} documents were accepted: the generator no longer reaches the model`);
});

test('estimate(): the floor grows with OPS and LIM falls with T_sol wherever both points are accepted', () => {
  fc.assert(
    fc.property(acceptedLikely, fc.double({ min: 1.001, max: 1e3, noNaN: true }), (doc, k) => {
      const a = checkedEstimate(doc);
      if (a === undefined) return;
      const ops = Number(a!.counts.ops);
      const bigger = checkedEstimate({ ...doc, ops: ops * k, flops: Math.max(Number(a!.counts.flops), ops * k) });
      if (bigger) assert.ok(bigger.rows[0]!.energy_J >= a!.rows[0]!.energy_J * (1 - 1e-12), 'floor fell as OPS grew');
      const later = checkedEstimate({ ...doc, ...a!.inputs, time_s: Number(a!.counts.time_s) * k });
      const lim = (r: NonNullable<typeof a>) => r.rows.find((row) => row.id === 'lim')!.energy_J;
      if (later) assert.ok(lim(later) <= lim(a!) * (1 + 1e-9), `LIM rose with T_sol: ${lim(a!)} → ${lim(later)}`);
    }),
    { numRuns: runs(300, 0.2), seed: SEED + 2 },
  );
});

/** The page's uncertainty settings without a browser: URL round trip, and the CLI's messages for bad settings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkSampling, samplingFromQuery, samplingQuery, type SamplingForm } from '../../web/src/sampling-state.js';
import { valuesFromQuery } from '../../web/src/state.js';
import { validateInput } from '../../src/model/schema.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

test('settings round-trip through the URL, beside the inputs', () => {
  const form: SamplingForm = { on: true, samples: '3000', seed: '7', onlyRanges: true, ranges: [{ name: 'tau0_s', low: '1 ps', high: '1e-9', distribution: 'log' }, { name: 'mfu', low: '0.2', high: '0.5', distribution: 'uniform' }] };
  const query = `?workload=gpt-3&${samplingQuery(form)}`;
  assert.equal(query, '?workload=gpt-3&uncertainty=3000&seed=7&only_ranges=1&range=tau0_s%3D1+ps..1e-9%3Alog&range=mfu%3D0.2..0.5%3Auniform');
  assert.deepEqual(samplingFromQuery(query), form);
  // The inputs' parser leaves the settings alone (they are not unknown parameters).
  assert.deepEqual(valuesFromQuery(query), { values: { workload: 'gpt-3' }, unknown: [] });
  assert.equal(samplingQuery({ ...form, on: false }), '');
  assert.equal(samplingFromQuery('?workload=gpt-3').on, false);
});

test('a good form gives the plan of the CLI flags; bad fields get the CLI message, on their own field', () => {
  const input = validateInput({ workload: 'gpt-3' });
  const ok = checkSampling({ on: true, samples: '', seed: '', onlyRanges: true, ranges: [{ name: 'tau0_s', low: '1e-12', high: '1e-9', distribution: 'log' }] }, input);
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.samples, 10_000);
  assert.equal(ok.seed, 1);
  assert.deepEqual(ok.plan!.ranges.map((r) => [r.name, r.low, r.high, r.distribution]), [['tau0_s', 1e-12, 1e-9, 'log']]);
  const cases: Array<[Partial<SamplingForm>, string, string[]]> = [
    [{ samples: '0' }, 'uncertainty', ['--uncertainty', '0']],
    [{ seed: '-3' }, 'seed', ['--uncertainty', '10', '--seed', '-3']],
    [{ ranges: [{ name: 'tau0_s', low: '1e-9', high: '1e-12', distribution: 'log' }] }, 'range tau0_s', ['--uncertainty', '10', '--range', 'tau0_s=1e-9..1e-12:log']],
    [{ ranges: [{ name: 'tau0', low: '1e-12', high: '1e-9', distribution: 'log' }] }, 'range tau0', ['--uncertainty', '10', '--range', 'tau0=1e-12..1e-9:log']],
  ];
  for (const [change, field, args] of cases) {
    const checked = checkSampling({ on: true, samples: '', seed: '', onlyRanges: false, ranges: [], ...change }, input);
    assert.equal(checked.plan, undefined);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', '--workload', 'gpt-3', ...args], { encoding: 'utf8' });
    assert.equal(cli.status, 2);
    // The CLI names the field of an unknown range name `range`; the page puts it on that range's row.
    const cliField = field === 'range tau0' ? 'range' : field;
    assert.equal(`error: ${cliField}: ${checked.errors[field]}`, cli.stderr.trim(), args.join(' '));
  }
});

/**
 * The page's uncertainty settings as the user typed them (on/off, sample count, seed, "only my
 * ranges", edited ranges), their URL encoding and their validation. No DOM here, so it is unit-tested
 * in Node. Every check is the engine's own (the CLI's range parser, planSampling, the sample and
 * seed checks), so the page accepts exactly what `estimate --uncertainty` does, with its messages.
 */
import type { ValidInput } from '../../src/model/schema.js';
import { parseRangeSpec, planSampling, samplesFromOption, seedFromText, type RangeSpec, type SamplingPlan } from '../../src/model/uncertainty.js';
import { InputError } from '../../src/util/errors.js';

/** One range as typed: bounds in the input's unit (or with a unit, as on the command line). */
export interface RangeEdit {
  name: string;
  low: string;
  high: string;
  distribution: string;
}

export interface SamplingForm {
  on: boolean;
  /** Sample count as typed; empty: the default. */
  samples: string;
  seed: string;
  onlyRanges: boolean;
  ranges: RangeEdit[];
}

export const EMPTY_SAMPLING: SamplingForm = { on: false, samples: '', seed: '', onlyRanges: false, ranges: [] };

/** URL parameters of the uncertainty settings (the CLI's flag names, snake_case). */
export const SAMPLING_PARAMS = ['uncertainty', 'seed', 'only_ranges', 'range'] as const;

/** `&uncertainty=SAMPLES&seed=…&only_ranges=1&range=NAME=LOW..HIGH:dist…`, appended to the inputs' query. */
export function samplingQuery(form: SamplingForm): string {
  if (!form.on) return '';
  const params = new URLSearchParams();
  params.set('uncertainty', form.samples.trim());
  if (form.seed.trim()) params.set('seed', form.seed.trim());
  if (form.onlyRanges) params.set('only_ranges', '1');
  for (const r of form.ranges) params.append('range', rangeText(r));
  return params.toString();
}

export function samplingFromQuery(search: string): SamplingForm {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  if (!params.has('uncertainty')) return { ...EMPTY_SAMPLING, ranges: [] };
  const ranges = params.getAll('range').map((text): RangeEdit => {
    const m = /^([^=]*)=(.*?)\.\.(.*?)(?::([A-Za-z]*))?$/.exec(text);
    return m ? { name: m[1]!, low: m[2]!, high: m[3]!, distribution: m[4] || 'uniform' } : { name: text, low: '', high: '', distribution: 'uniform' };
  });
  return { on: true, samples: params.get('uncertainty') ?? '', seed: params.get('seed') ?? '', onlyRanges: params.get('only_ranges') === '1', ranges };
}

/** The range as a `--range` flag value. */
export function rangeText(r: RangeEdit): string {
  return `${r.name}=${r.low.trim()}..${r.high.trim()}:${r.distribution}`;
}

export interface CheckedSampling {
  /** Messages by field, as the CLI prints them after "error: <field>: "; a range's field is `range NAME`. */
  errors: Record<string, string>;
  plan?: SamplingPlan;
  samples?: number;
  seed?: number;
}

function messageOf(err: InputError): string {
  return err.field && err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
}

/** Field of a range's error: its own `range NAME`, also for the parser's generic `range` errors. */
function rangeField(err: InputError, name: string): string {
  return err.field === 'range' ? `range ${name}` : err.field;
}

/** Checks the settings for a valid input; a plan only when every field is right. */
export function checkSampling(form: SamplingForm, input: ValidInput): CheckedSampling {
  const errors: Record<string, string> = {};
  const attempt = <T>(field: (err: InputError) => string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors[field(err)] = messageOf(err);
      return undefined;
    }
  };
  const samples = attempt((e) => e.field, () => samplesFromOption(form.samples.trim() === '' ? undefined : form.samples));
  const seed = attempt((e) => e.field, () => seedFromText(form.seed.trim() === '' ? undefined : form.seed));
  const specs: RangeSpec[] = [];
  for (const r of form.ranges) {
    const spec = attempt((e) => rangeField(e, r.name), () => parseRangeSpec(rangeText(r)));
    if (spec) specs.push(spec);
  }
  if (Object.keys(errors).length) return { errors };
  // planSampling's `range` errors (an unknown name) quote the name: put them on that range's row.
  const named = (e: InputError) => {
    const spec = e.field === 'range' ? specs.find((s) => e.message.includes(`'${s.name}'`)) : undefined;
    return spec ? `range ${spec.name}` : e.field;
  };
  const plan = attempt(named, () => planSampling(input, { ranges: specs, onlyRanges: form.onlyRanges }));
  return plan ? { errors, plan, samples, seed } : { errors };
}

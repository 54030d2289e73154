/**
 * The page's inputs as plain strings (what the user typed), their URL encoding and their validation.
 * No DOM here: the same functions are unit-tested in Node. Validation is the engine's own
 * (validateInput, then resolve for cross-field rules), so the page accepts exactly what the CLI does
 * and shows the same messages.
 */
import { FIELDS, FIELD_KEYS, validateInput, type FieldKey, type ValidInput } from '../../src/model/schema.js';
import { resolve } from '../../src/model/resolve.js';
import type { ReportedMeasurement } from '../../src/model/reported.js';
import { InputError } from '../../src/util/errors.js';
import { SAMPLING_PARAMS } from './sampling-state.js';

export type FormValues = Partial<Record<FieldKey, string>>;

/** Keys in the URL are the input keys (snake_case, SI unit in the name), in FIELD_KEYS order; the uncertainty settings follow (sampling-state.ts). */
export function queryFromValues(values: FormValues): string {
  const params = new URLSearchParams();
  for (const key of FIELD_KEYS) {
    const v = values[key]?.trim();
    if (v) params.set(key, v);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function valuesFromQuery(search: string): { values: FormValues; unknown: string[] } {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const values: FormValues = {};
  const unknown: string[] = [];
  for (const [key, value] of params) {
    if (key in FIELDS) values[key as FieldKey] = value;
    else if (!(SAMPLING_PARAMS as readonly string[]).includes(key)) unknown.push(key);
  }
  return { values, unknown };
}

export interface Checked {
  /** One message per field that is wrong, as the CLI would print it after "error: <field>: ". */
  errors: Partial<Record<string, string>>;
  /** The validated input when every field is right (and the combination resolves). */
  input?: ValidInput;
}

function messageOf(err: InputError): string {
  return err.field && err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
}

/**
 * Checks each field on its own (so every wrong field gets its message), then the whole input with
 * the measurement read from a file, if any. `base` holds the inputs an uploaded model config sets;
 * the typed fields override them, as flags override --model-config in the CLI.
 */
export function checkValues(values: FormValues, measurement?: ReportedMeasurement, base: Record<string, unknown> = {}): Checked {
  const errors: Checked['errors'] = {};
  const doc: Record<string, string> = {};
  for (const key of FIELD_KEYS) {
    const v = values[key]?.trim();
    if (!v) continue;
    doc[key] = v;
    try {
      validateInput({ [key]: v });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors[key] = messageOf(err);
    }
  }
  if (Object.keys(errors).length) return { errors };
  try {
    const input = validateInput({ ...base, ...doc });
    resolve(input, measurement);
    return { errors, input };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { errors: { [err.field || 'input']: messageOf(err) } };
  }
}

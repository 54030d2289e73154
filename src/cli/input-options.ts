/**
 * CLI flags for every input field, generated from the schema's field table (`time_s` → `--time-s`),
 * plus `--config FILE` (YAML or JSON with `version: 1`). Precedence: preset < config file < flags.
 */
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { FIELDS, FIELD_KEYS, PROTOTYPE_KEYS, validateInput, type FieldKey, type ValidInput } from '../model/schema.js';
import { InputError } from '../util/errors.js';
import { checkNesting, readInputFile } from '../util/input-file.js';
import { sanitize } from '../util/text.js';

const attributeToKey = new Map<string, FieldKey>();

export function flagFor(key: FieldKey): string {
  return `--${key.replace(/_/g, '-')}`;
}

/** Shorter flags people type, each the same field as its generated flag (`--reported-energy "50 MWh"`). */
const FLAG_ALIASES: ReadonlyArray<[flag: string, key: FieldKey]> = [['--reported-energy', 'reported_energy_J']];

/** Adds one option per input field and `--config`. */
export function addInputOptions(cmd: Command): Command {
  for (const key of FIELD_KEYS) {
    const field = FIELDS[key];
    const opt = new Option(`${flagFor(key)} <value>`, field.description);
    attributeToKey.set(opt.attributeName(), key);
    cmd.addOption(opt);
  }
  for (const [flag, key] of FLAG_ALIASES) {
    const opt = new Option(`${flag} <value>`, `same as ${flagFor(key)}`);
    attributeToKey.set(opt.attributeName(), key);
    cmd.addOption(opt);
  }
  cmd.option('--config <file>', 'YAML or JSON input file with a `version: 1` key (flags override it)');
  return cmd;
}

/** A config is a few dozen keys: these limits refuse a huge or pathological file before the YAML parser sees it. */
export const MAX_CONFIG_BYTES = 64 * 1024;
export const MAX_CONFIG_KEYS = 1000;

/**
 * Upper bound on the mapping keys of a YAML/JSON text, in one pass: every key has a ':' after it (or a
 * '?' before it), so counting those bounds the keys without parsing.
 */
function keyMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 63 /* ? */) marks++;
  }
  return marks;
}

/** Reads a config file into a plain object, with a one-line error naming the file (and line) on failure. */
export function readConfig(path: string): Record<string, unknown> {
  const text = readInputFile('config', path, MAX_CONFIG_BYTES);
  const shown = sanitize(path);
  if (keyMarks(text) > MAX_CONFIG_KEYS) throw new InputError('config', `${shown}: more than ${MAX_CONFIG_KEYS} keys; a config file holds at most one value per input`);
  checkNesting('config', path, text);
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    const e = err as { message?: string; linePos?: Array<{ line: number; col: number }> };
    const where = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new InputError('config', `${shown}${where}: malformed YAML/JSON: ${(e.message ?? String(err)).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError('config', `${shown}: expected a mapping of input keys`);
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (PROTOTYPE_KEYS.has(key)) throw new InputError('config', `${shown}: key '${key}' is not an input key (prototype keys are refused)`);
  }
  if (record.version === undefined) throw new InputError('version', `${shown}: a config file needs a top-level 'version: 1'`);
  return record;
}

/** The validated input of a command: config file, then flags on top. */
export function inputFromOptions(opts: Record<string, unknown>): ValidInput {
  // Spread, not Object.assign: an own `__proto__` key must stay a key, never become a prototype.
  const doc: Record<string, unknown> = typeof opts.config === 'string' ? { ...readConfig(opts.config) } : {};
  for (const [attribute, key] of attributeToKey) {
    const value = opts[attribute];
    if (value !== undefined) doc[key] = value;
  }
  return validateInput(doc, typeof opts.config === 'string' ? opts.config : 'input');
}

/**
 * CLI flags for every input field, generated from the schema's field table (`time_s` → `--time-s`),
 * plus `--config FILE` (YAML or JSON with `version: 1`). Precedence: preset < config file < flags.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { FIELDS, FIELD_KEYS, validateInput, type FieldKey, type ValidInput } from '../model/schema.js';
import { InputError } from '../util/errors.js';

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

/** Reads a config file into a plain object, with a one-line error naming the file (and line) on failure. */
export function readConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('config', `cannot read '${path}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const e = err as { message?: string; linePos?: Array<{ line: number; col: number }> };
    const where = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new InputError('config', `${path}${where}: malformed YAML/JSON: ${(e.message ?? String(err)).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError('config', `${path}: expected a mapping of input keys`);
  const record = doc as Record<string, unknown>;
  if (record.version === undefined) throw new InputError('version', `${path}: a config file needs a top-level 'version: 1'`);
  return record;
}

/** The validated input of a command: config file, then flags on top. */
export function inputFromOptions(opts: Record<string, unknown>): ValidInput {
  const doc: Record<string, unknown> = {};
  if (typeof opts.config === 'string') {
    // `ranges:` is read by the commands that sample (configRanges), not part of a design point.
    const { ranges: _ranges, ...config } = readConfig(opts.config);
    Object.assign(doc, config);
  }
  for (const [attribute, key] of attributeToKey) {
    const value = opts[attribute];
    if (value !== undefined) doc[key] = value;
  }
  return validateInput(doc, typeof opts.config === 'string' ? opts.config : 'input');
}

/** The `ranges:` mapping of the config file, if any (see src/model/uncertainty.ts for its forms). */
export function configRanges(opts: Record<string, unknown>): unknown {
  return typeof opts.config === 'string' ? readConfig(opts.config).ranges : undefined;
}

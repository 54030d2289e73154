/**
 * Help that reads the same everywhere: every default as "(default: X)" without quotes, two runnable
 * examples under every command, and the allowed preset ids under every command that takes them.
 */
import type { Argument, Command, Help, Option } from 'commander';
import { ACCELERATORS, DEVICES, WORKLOADS } from '../data/index.js';

/** Two examples per command path ('' is the program itself). */
export const EXAMPLES: Record<string, readonly [string, string]> = {
  '': ['limbound estimate --workload gpt-3', 'limbound presets workloads'],
  estimate: ['limbound estimate --workload llama-2-70b --accelerator a100 --explain', 'limbound estimate --model-config examples/configs/llama-3-8b.json --tokens 15T --accelerator h100 --time-s "30 d"'],
  presets: ['limbound presets accelerators', 'limbound presets workloads --json'],
  tradeoff: ['limbound tradeoff --workload gpt-3', 'limbound tradeoff --from-s "1 h" --to-s "10 yr" --points 9 --csv'],
  sweep: ['limbound sweep --vary params=100M..1P:log:8 --tokens-per-param 20', 'limbound sweep --vary precision_bits=8..32:4 --vary temperature_K=4..300:log:5 --out grid.csv'],
  sensitivity: ['limbound sensitivity --samples 2000', 'limbound sensitivity --workload gpt-3 --only-ranges --range tau0_s=1e-12..1e-9:log --output lim --json'],
  schema: ['limbound schema', 'limbound schema > input-schema.json'],
  simulate: ['limbound simulate trap --protocol optimal', 'limbound simulate erase --duration 80 --temperature-K 77'],
  'simulate trap': ['limbound simulate trap --protocol optimal', 'limbound simulate trap --duration 5 --particles 10k --json'],
  'simulate stiffness': ['limbound simulate stiffness --from 1 --to 4 --duration 0.5', 'limbound simulate stiffness --protocol step --json'],
  'simulate kramers': ['limbound simulate kramers --barrier-kT 8', 'limbound simulate kramers --barrier-kT 6 --bits 2 --tau0-s "1 ns"'],
  'simulate erase': ['limbound simulate erase --duration 80', 'limbound simulate erase --duration 20 --tilt 4 --temperature-K "77 K" --json'],
  'simulate write': ['limbound simulate write --memory static --barrier-kT 20', 'limbound simulate write --memory lim --barrier-kT 20 --ramp-duration 1000 --particles 200'],
  'simulate consolidate': ['limbound simulate consolidate --barrier-kT 10', 'limbound simulate consolidate --barrier-kT 12 --start-barrier-kT 2 --json'],
  'simulate sweep-duration': ['limbound simulate sweep-duration erase --from 10 --to 160 --count 5', 'limbound simulate sweep-duration stiffness --from 0.1 --to 10 --json'],
  solve: ['limbound solve ising examples/qubo-small.json', 'limbound solve maxcut data/gset/G1.txt --schedule lim'],
  'solve maxcut': ['limbound solve maxcut data/gset/G1.txt', 'limbound solve maxcut data/gset/G11.txt --schedule lim --sweeps 20k --restarts 4 --seed 3'],
  'solve ising': ['limbound solve ising examples/qubo-small.json', 'limbound solve ising examples/ising-frustrated-ring.json --schedule log --json'],
  'solve qp': ['limbound solve qp examples/qp-2var.json --precision-bits 12', 'limbound solve qp qp.json --precision-bits 16 --json'],
  'solve generate-qp': ['limbound solve generate-qp 200 --seed 3 --out qp.json', 'limbound solve generate-qp 1000 --out big-qp.json'],
  'solve bench-gset': ['limbound solve bench-gset G1-G10 --seeds 5', 'limbound solve bench-gset G1 G2 --seeds 1'],
  machine: ['limbound machine qp examples/qp-2var.json', 'limbound machine ising examples/qubo-small.json'],
  'machine qp': ['limbound machine qp examples/qp-2var.json', 'limbound machine qp --generate 20 --protocol equilibrium --json'],
  'machine maxcut': ['limbound machine maxcut data/gset/G1.txt', 'limbound machine maxcut data/gset/G11.txt --replicas 50 --seed 2'],
  'machine ising': ['limbound machine ising examples/qubo-small.json', 'limbound machine ising examples/ising-frustrated-ring.json --json'],
  figure: ['limbound figure ladder --out ladder.png', 'limbound figure size --tokens-per-param 20 --sizes 100M..1P --out size.svg'],
  report: ['limbound report --out out/', 'limbound report --workload gpt-3 --no-sim --out gpt3-report/'],
  bench: ['limbound bench estimate', 'limbound bench anneal --json'],
  'bench estimate': ['limbound bench estimate', 'limbound bench estimate --seconds 5 --json'],
  'bench sim': ['limbound bench sim', 'limbound bench sim --threads 2 --json'],
  'bench anneal': ['limbound bench anneal', 'limbound bench anneal --json'],
  'bench machine': ['limbound bench machine', 'limbound bench machine --threads 2 --steps 1000 --json'],
};

/** The path of a command below the program ("simulate trap"). */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function withDefaultColon(text: string): string {
  return text.replace(/\(default (?!:)/g, '(default: ');
}

/** Descriptions whose default is written in the text ("(default 300)") read "(default: 300)" like the rest. */
export function optionDescription(option: Option): string {
  let text = withDefaultColon(option.description);
  const value = option.defaultValue as unknown;
  if (value !== undefined && typeof value !== 'boolean' && !text.includes('(default: ')) {
    text += ` (default: ${option.defaultValueDescription ?? (Array.isArray(value) ? value.join(', ') : String(value))})`;
  }
  return text;
}

/** The catalog ids a command with input options accepts, as help text. */
function presetIds(): string {
  const lines = [
    `  workload     ${WORKLOADS.map((w) => w.id).join(', ')}`,
    `  accelerator  ${ACCELERATORS.map((a) => a.id).join(', ')}`,
    `  device       ${DEVICES.map((d) => d.id).join(', ')}`,
    `  lim_device   ${DEVICES.filter((d) => d.paradigm === 'lim').map((d) => d.id).join(', ')}`,
  ];
  return `\nPreset ids (sources: limbound presets):\n${lines.join('\n')}\n`;
}

/** Configures the help of the program and every command: uniform defaults, examples, preset ids. */
export function configureHelp(program: Command): void {
  const walk = (cmd: Command) => {
    cmd.configureHelp({
      optionDescription: (option: Option) => optionDescription(option),
      commandDescription: (c: Command) => withDefaultColon(c.description()),
      subcommandDescription: (c: Command) => withDefaultColon(c.summary() || c.description()),
      argumentDescription: (a: Argument) => withDefaultColon(a.description),
    } as Partial<Help>);
    const examples = EXAMPLES[commandPath(cmd)];
    const takesPresets = cmd.options.some((o) => o.long === '--workload');
    cmd.addHelpText('after', () => `${examples ? `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n` : ''}${takesPresets ? presetIds() : ''}`);
    cmd.commands.forEach(walk);
  };
  walk(program);
}

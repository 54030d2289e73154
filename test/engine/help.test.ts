/** Every command's --help: two examples naming that command and only its own flags, preset ids, uniform defaults. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/index.js';
import { commandPath } from '../../src/cli/help.js';
import { WORKLOADS, ACCELERATORS } from '../../src/index.js';

function allCommands(root: Command): Command[] {
  const out: Command[] = [];
  const walk = (c: Command) => {
    out.push(c);
    c.commands.forEach(walk);
  };
  walk(root);
  return out;
}

function helpText(cmd: Command): string {
  let text = '';
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}

/** Shell words of an example, quotes removed. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

test('every command shows two examples of itself, using only flags it has', () => {
  const commands = allCommands(buildProgram());
  assert.ok(commands.length >= 30, `${commands.length} commands`);
  for (const cmd of commands) {
    const path = commandPath(cmd);
    const help = helpText(cmd);
    const block = help.split('\nExamples:\n')[1];
    assert.ok(block, `${path || 'limbound'}: no Examples section`);
    const examples = block.split('\n').filter((l) => l.startsWith('  limbound'));
    assert.equal(examples.length, 2, `${path}: ${examples.length} examples`);
    for (const example of examples) {
      const w = words(example);
      assert.equal(w[0], 'limbound');
      if (path) assert.deepEqual(w.slice(1, 1 + path.split(' ').length), path.split(' '), example);
      // The command the example runs (a group's examples run its subcommands).
      let target = cmd;
      for (const name of w.slice(1 + (path ? path.split(' ').length : 0))) {
        const sub = target.commands.find((c) => c.name() === name);
        if (!sub) break;
        target = sub;
      }
      for (const flag of w.filter((x) => x.startsWith('--'))) {
        assert.ok(target.options.some((o) => o.long === flag) || flag === '--help', `${example}: ${commandPath(target)} has no ${flag}`);
      }
    }
  }
});

test('commands with input flags list the allowed preset ids; defaults read "(default: X)"', () => {
  for (const cmd of allCommands(buildProgram())) {
    const help = helpText(cmd);
    if (cmd.options.some((o) => o.long === '--workload')) {
      for (const id of [...WORKLOADS.map((w) => w.id), ...ACCELERATORS.map((a) => a.id)]) assert.ok(help.includes(id), `${commandPath(cmd)}: ${id}`);
      assert.match(help, /--temperature-K <value>\s+T: temperature of the memory \(default: 300 K\)/);
    }
    assert.doesNotMatch(help, /\(default: "/, `${commandPath(cmd)}: quoted default`);
    assert.doesNotMatch(help.replace(/\s+/g, ' '), /\(default [^:]/, `${commandPath(cmd)}: default without a colon`);
  }
});

test('one flag name per quantity: temperature and attempt time are --temperature-K and --tau0-s wherever they appear', () => {
  for (const cmd of allCommands(buildProgram())) {
    for (const o of cmd.options) {
      assert.notEqual(o.long, '--temperature', commandPath(cmd));
      assert.notEqual(o.long, '--tau0', commandPath(cmd));
    }
  }
});

import type { Command } from 'commander';
/** `limbound figure …` and `limbound report`: figures and reports (src/report). */
export function registerFigureCommands(_program: Command): void {}

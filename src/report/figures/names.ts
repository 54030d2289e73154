/** Figure names, as `limbound figure NAME` takes them (a light module: the CLI lists them at start-up). */
export const FIGURE_NAMES = ['ladder', 'size', 'tradeoff', 'walls', 'sim', 'solver', 'machine', 'tornado'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

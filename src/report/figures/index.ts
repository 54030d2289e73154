/** The figure layer: one function per figure (plain data in, Vega-Lite spec out) and the builders of their data. */
export { ladderSpec, type LadderData, type LadderRow } from './ladder.js';
export { tornadoSpec, type TornadoData, type TornadoBar } from './tornado.js';
export { withBands, tornadoData, DEFAULT_TORNADO_OUTPUT } from './uncertainty-data.js';
export { sizeSpec, type SizeData, type SizePoint, type MeasuredPoint } from './size.js';
export { tradeoffSpec, type TradeoffData, type TimePoint, type TimeMarker } from './tradeoff.js';
export { wallsSpec, wallValues, WALL_ORDER, type WallsData, type WallsRow } from './walls.js';
export { simSpec, analyseSim, describeSimFit, type SimData, type SimPoint, type SimAnalysis } from './sim.js';
export { solverSpec, type SolverData, type IterationPoint } from './solver.js';
export { fitInverseTime, type InverseTimeFit } from './fit.js';
export { ladderData, wallsData, tradeoffData, sizeData, sizeSweep, defaultSizeRange, sizeCount, figureCitations, reportedRuns, seriesOf, inputSummary, type SizeRange, type SizeSweep } from './data.js';
export { BRAIN_POWER_W, BRAIN_POWER_CITATION, shortCite, sourceNote } from './reference.js';
export { KINDS, KIND_COLORS, siExpr, siLabelExpr, durationLabelExpr, countLabelExpr, durationTicks, logDomain, logTicks, logAxis, extent } from './theme.js';
export { toVega } from './render.js';
export type { VlSpec, SeriesMeta } from './types.js';
export { FIGURE_NAMES, type FigureName } from './names.js';

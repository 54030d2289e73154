// Mutation testing of the engine core (docs/testing.md): `npm run mutate`, or one folder at a time with
// `npm run mutate -- --mutate 'src/physics/**/*.ts'`. Slow, so not part of `npm test`.
// The tap runner starts each test file as its own node process (node's test runner prints TAP when piped);
// only the engine's fast unit-test files run, never the simulator, CLI or browser suites. A mutant runs
// only the files that executed it, and stops at the first file that fails, so the fastest, most specific
// files come first.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: [
      'test/engine/physics-edges.test.ts',
      'test/engine/model-edges.test.ts',
      'test/solvers/fista-ledger.test.ts',
      'test/solvers/ledger-trace.test.ts',
      'test/sim/analytic.test.ts',
      'test/sim/analytic-references.test.ts',
      'test/engine/estimate-document.test.ts',
      'test/engine/derive-edges.test.ts',
      'test/engine/estimate-floor-and-citations.test.ts',
      'test/engine/explain-text.test.ts',
      'test/engine/input-validation.test.ts',
      'test/engine/model-config-shapes.test.ts',
      'test/engine/paradigm-walls.test.ts',
      'test/engine/reported-files-edges.test.ts',
      'test/engine/reported-run.test.ts',
      'test/engine/resolve-choices.test.ts',
      'test/engine/scenario-keys.test.ts',
      'test/engine/schema-catalogs.test.ts',
      'test/engine/sensitivity-design.test.ts',
      'test/engine/sobol-constant-output.test.ts',
      'test/engine/sweep-spec-edges.test.ts',
      'test/engine/tradeoff-search.test.ts',
      'test/engine/uncertain-quantities.test.ts',
      'test/engine/units-hint.test.ts',
      'test/engine/uncertainty-evaluation.test.ts',
      'test/engine/uncertainty-parsing.test.ts',
      'test/engine/uncertainty-ranges.test.ts',
      'test/engine/uncertainty-summary.test.ts',
      'test/engine/units.test.ts',
      'test/engine/physics.test.ts',
      'test/engine/counts.test.ts',
      'test/engine/model.test.ts',
      'test/engine/data-table.test.ts',
      'test/engine/schema.test.ts',
      'test/engine/properties-physics.test.ts',
      'test/solvers/ledger.test.ts',
      'test/engine/properties.test.ts',
      'test/engine/sobol-indices.test.ts',
      'test/engine/explain-symbols.test.ts',
      'test/engine/hardware.test.ts',
      'test/engine/uncertainty.test.ts',
      'test/engine/model-v2.test.ts',
      'test/engine/reported-files.test.ts',
      'test/engine/model-config.test.ts',
      'test/engine/sweep-grid.test.ts',
    ],
    nodeArgs: ['--import', 'tsx'],
    forceBail: true,
  },
  // Strings are labels, descriptions, citations and error messages (the error tests check the messages that
  // matter); the score is about numbers, formulas and branches. Stryker has no numeric-literal mutator, so
  // the catalog numbers are guarded by test/engine/data-table.test.ts, not by this score.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  mutate: [
    'src/physics/**/*.ts',
    'src/data/**/*.ts',
    'src/model/**/*.ts',
    'src/sim/analytic.ts',
    'src/solvers/ledger.ts',
    'src/solvers/pricing.ts',
    '!**/index.ts',
    // Not scored (docs/testing.md): timing harnesses, whose output is a wall-clock measurement with no
    // reference value, and the uncertainty sampler's worker-thread pool, whose code runs in threads that
    // Stryker's coverage does not see (its results are tested for equality with the serial sampler by the
    // uncertainty CLI tests, outside the fast list).
    '!src/model/bench.ts',
    '!src/model/uncertainty-bench.ts',
    '!src/model/uncertainty-parallel.ts',
    '!src/model/uncertainty-worker.ts',
  ],
  // One type-checker process and two test runners: both cores of the project machine.
  concurrency: 3,
  timeoutMS: 60000,
  incremental: true,
  incrementalFile: 'test/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 70, break: null },
};

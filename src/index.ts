/**
 * limbound's library API. `estimate(input)` is the main entry; every physical term is exported as a
 * small pure function so that it can be reused or replaced (`estimate(input, { terms })`).
 */
export * from './physics/index.js';
export * from './model/index.js';
export * from './data/index.js';
export { formatSI, formatScientific, formatCount, formatDuration } from './util/format.js';
export { InputError } from './util/errors.js';
export { VERSION } from './version.js';

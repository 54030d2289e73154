export * from './constants.js';
export * from './landauer.js';
export * from './barrier.js';
export * from './finite-time.js';
export * from './static-barrier.js';
export * from './cell.js';

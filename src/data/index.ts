export * from './sources.js';
export * from './accelerators.js';
export * from './devices.js';
export * from './workloads.js';
export * from './optimizers.js';

export * from './ast';
export * from './defaults';
export * from './evaluate';
export * from './explain';
export * from './interpret';
export * from './parser';
export * from './ruleset';
export * from './values';

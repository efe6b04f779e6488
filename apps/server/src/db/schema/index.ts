export * from './audit';
export * from './households';
export * from './imports';
export * from './registry-settings';
export * from './rules';
export * from './units';
export * from './users';

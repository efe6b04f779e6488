export * from './audit';
export * from './households';
export * from './units';
export * from './users';

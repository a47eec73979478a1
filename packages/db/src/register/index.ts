export * from './apply.ts';
export type * from './schema.ts';

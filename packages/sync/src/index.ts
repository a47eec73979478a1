export * from './pin.ts';
export type * from './ports/server.ts';

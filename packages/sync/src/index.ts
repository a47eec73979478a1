export * from './protocol.ts';
export * from './outbox.ts';
export * from './pin.ts';
export type * from './ports/server.ts';
export type * from './ports/sync-server.ts';
export type * from './ports/office.ts';
export type * from './ports/labels.ts';

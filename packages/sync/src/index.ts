export * from './protocol.ts';
export * from './outbox.ts';
export * from './pin.ts';
export type * from './ports/server.ts';

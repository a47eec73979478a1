export * from './db.ts';
export * from './dexie-outbox.ts';
export * from './local-store.ts';
export * from './sync-engine.ts';
export * from './transport.ts';

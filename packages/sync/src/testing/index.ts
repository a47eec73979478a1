export * from './fixtures.ts';
export * from './memory-server.ts';
export * from './manual-clock.ts';
export { outboxContract } from './outbox.contract.ts';
export { memorySyncStores } from './memory-stores.ts';

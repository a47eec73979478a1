export * from './ledger.ts';
export * from './terms.ts';

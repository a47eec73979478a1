export * from './settle-tenders.ts';

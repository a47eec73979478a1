export * from './trade-in.ts';

export * from './catalog-number.ts';

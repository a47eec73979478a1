export * from './receipt-number.ts';

export * from './create-return.ts';

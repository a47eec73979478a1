export * from './allocate.ts';
export * from './cents.ts';
export * from './currency.ts';
export * from './describe.ts';
export * from './format-money.ts';
export * from './money.ts';
export * from './parse-money.ts';
export * from './rounding.ts';

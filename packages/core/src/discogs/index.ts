export * from './columns.ts';
export * from './csv-rows.ts';
export * from './price.ts';
export * from './read.ts';
export * from './release-format.ts';
export * from './write.ts';

export * from './grades.ts';

export * from './z-report.ts';

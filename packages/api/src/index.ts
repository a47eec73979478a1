export { appRouter, createCaller, type AppRouter } from './router.ts';
export {
	ANONYMOUS,
	createInnerContext,
	type Context,
	type ContextDeps,
	type ServerInfo,
	type Session
} from './context.ts';
export { describeIssues, type InputIssue } from './trpc.ts';

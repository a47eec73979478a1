export { appRouter, createCaller, type AppRouter } from './router.ts';
export {
	ANONYMOUS,
	createInnerContext,
	NO_COOKIES,
	type ResponseCookies,
	type Context,
	type ContextDeps,
	type ServerInfo,
	type Session
} from './context.ts';
export { describeIssues, type InputIssue } from './trpc.ts';
export { LABEL_COOKIE } from './routers/label/index.ts';

import { describeConfig } from '../config.ts';
import { listen, prepareStore, startupBanner } from '../main.ts';
import type { Command } from './command.ts';

export const serveCommand: Command = {
	name: 'serve',
	summary: 'migrate, seed the demo shop into an empty store, and serve the app and API',
	usage: 'deadwax serve   (configured by environment variables; see apps/server/.env.example)',
	async run(_args, ctx) {
		const config = ctx.config();
		for (const line of describeConfig(config)) ctx.log.info(`config  ${line}`);
		const { database } = await prepareStore(config, ctx.log);
		let server;
		try {
			server = await listen({ config, database, log: ctx.log });
		} catch (error) {
			await database.close();
			throw error;
		}
		for (const line of await startupBanner({ config, database, server })) ctx.out(line);

		const running = server;
		return new Promise<number>((resolve) => {
			let isStopping = false;
			const stop = (signal: NodeJS.Signals) => {
				if (isStopping) {
					ctx.err(`${signal} again: exiting without waiting.`);
					resolve(1);
					return;
				}
				isStopping = true;
				ctx.log.info(`${signal}: finishing open requests, then closing the database`);
				running.close().then(
					() => resolve(0),
					(error: unknown) => {
						ctx.log.error('shutdown failed', error);
						resolve(1);
					}
				);
			};
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		});
	}
};

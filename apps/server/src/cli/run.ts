import { COMMANDS, EXIT_USAGE } from './index.ts';
import type { CliContext } from './command.ts';
import { ConfigError, loadConfig, type ServerConfig } from '../config.ts';
import { createLog, type Log } from '../log.ts';

function help(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'Usage: pnpm deadwax <command> [options]',
		'',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Configuration comes from environment variables (apps/server/.env.example).'
	].join('\n');
}

/**
 * Runs one command and resolves to its exit code. Config errors list every bad variable and
 * exit 1; unknown commands print help and exit 2.
 */
export async function runCli(
	argv: readonly string[],
	io: Pick<CliContext, 'out' | 'err'>,
	{ env, cwd }: { env?: Readonly<Record<string, string | undefined>>; cwd?: string } = {}
): Promise<number> {
	const [first, second, ...rest] = argv;
	if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
		io.out(help());
		return first === undefined ? EXIT_USAGE : 0;
	}
	const twoWords = COMMANDS.find((c) => c.name === `${first} ${second ?? ''}`);
	const command = twoWords ?? COMMANDS.find((c) => c.name === first);
	if (command === undefined) {
		io.err(`Unknown command "${[first, second].filter(Boolean).join(' ')}".\n\n${help()}`);
		return EXIT_USAGE;
	}
	const args = twoWords ? rest : argv.slice(1);
	let config: ServerConfig | undefined;
	let log: Log | undefined;
	const readConfig = (): ServerConfig =>
		(config ??= loadConfig(env, cwd === undefined ? {} : { cwd }));
	const ctx: CliContext = {
		config: readConfig,
		// The log level is configuration too, so the log exists once the config has been read.
		get log() {
			return (log ??= createLog(readConfig().logLevel));
		},
		...io
	};
	try {
		return await command.run(args, ctx);
	} catch (error) {
		if (error instanceof ConfigError) {
			io.err(error.message);
			return 1;
		}
		io.err(
			`deadwax ${command.name} failed: ${error instanceof Error ? error.message : String(error)}`
		);
		return 1;
	}
}

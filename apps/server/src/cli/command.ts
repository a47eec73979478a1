import type { ServerConfig } from '../config.ts';
import type { Log } from '../log.ts';

/** What a command gets: the config (read on demand, so `help` works with a bad env) and output. */
export interface CliContext {
	config(): ServerConfig;
	log: Log;
	/** The command's result, for people and scripts (a new id, a backup path). */
	out(line: string): void;
	/** Problems and hints. */
	err(line: string): void;
}

export interface Command {
	/** One or two words: `serve`, `shop create`. */
	name: string;
	summary: string;
	usage: string;
	/** Resolves to the process exit code. */
	run(args: string[], ctx: CliContext): Promise<number>;
}

/** Exit code for a usage error or a request this store cannot serve (sysexits' EX_USAGE is 64; 2 is the shell's). */
export const EXIT_USAGE = 2;

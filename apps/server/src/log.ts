import { inspect } from 'node:util';
import type { LogLevel } from './config.ts';

export interface Log {
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string, cause?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Plain lines on stderr (stdout is for what a command prints, such as a new shop id). */
export function createLog(
	level: LogLevel,
	write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Log {
	const at = (l: LogLevel, message: string) => {
		if (RANK[l] >= RANK[level]) write(`${new Date().toISOString()} ${l.padEnd(5)} ${message}`);
	};
	return {
		debug: (m) => at('debug', m),
		info: (m) => at('info', m),
		warn: (m) => at('warn', m),
		error: (m, cause) =>
			at(
				'error',
				cause === undefined
					? m
					: `${m}: ${cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause)}`
			)
	};
}

/** Swallows everything: for tests that do not look at logs. */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

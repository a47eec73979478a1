#!/usr/bin/env tsx
import { runCli } from './cli/run.ts';

// `pnpm deadwax <command>`: the exit code is the command's.
process.exitCode = await runCli(process.argv.slice(2), {
	out: (line) => process.stdout.write(`${line}\n`),
	err: (line) => process.stderr.write(`${line}\n`)
});

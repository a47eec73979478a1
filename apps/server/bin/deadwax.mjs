#!/usr/bin/env node
// `deadwax` when installed as a bin: compiles the TypeScript CLI on the fly with tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

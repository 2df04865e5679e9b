#!/usr/bin/env node
// Entry point of `npx corolab`: runs the TypeScript CLI under plain Node.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

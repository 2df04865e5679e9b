#!/usr/bin/env node
// Entry point of `npx corolab`: runs the TypeScript CLI under plain Node, from
// its esbuild build when current (shared/runtime/built.node.mjs).
import { importBuilt } from '../../shared/runtime/built.node.mjs';

const { main } = await importBuilt(new URL('./main.ts', import.meta.url));
process.exitCode = await main(process.argv.slice(2));

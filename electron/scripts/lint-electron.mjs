#!/usr/bin/env node
/**
 * `npm run lint:electron`: Electronegativity over the Electron code (main,
 * preload, this config). Fails on any high or medium finding; lists the
 * lower ones for review.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity');
const run = electronegativity.default ?? electronegativity;
const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
// An optional folder to scan instead (the tests point it at a deliberately insecure fixture).
const input = process.argv[2] ? resolve(process.argv[2]) : join(repo, 'electron');
const electronVersion = require('electron/package.json').version;

const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  // The CLI's own helper files are not part of the app.
  excludeFromScan: [],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

const blocking = [];
for (const issue of result.issues) {
  const severity = issue.severity.name ?? String(issue.severity);
  const line = `${severity.padEnd(13)} ${issue.id.padEnd(36)} ${relative(repo, join(input, issue.file))}:${issue.location.line}  ${issue.manualReview ? '(review) ' : ''}${issue.shortenedURL ?? ''}`;
  console.log(line);
  if (issue.severity.value >= 2) blocking.push(line);
}
const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const error of parseErrors) console.error(`could not scan ${relative(repo, error.file)}: ${error.message}`);
console.log(`\nElectronegativity ${result.atomicChecks} checks + ${result.globalChecks} global checks over ${relative(repo, input) || '.'}/: ${result.issues.length} findings, ${blocking.length} high or medium.`);
if (blocking.length > 0 || parseErrors.length > 0) process.exit(1);

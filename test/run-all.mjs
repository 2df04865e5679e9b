#!/usr/bin/env node
// `npm test`: type-check, the desktop build, unit and integration tests, the browser end-to-end tests,
// and the Electron security lint — then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = join('test-results');
mkdirSync(results, { recursive: true });

/** [name, command, args, vitest JSON report or undefined] */
const steps = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  // The desktop build is tested too (its bundled worker must run a program), so build it fresh.
  ['desktop build', 'npm', ['run', '--silent', 'build']],
  ['unit and runtime tests', 'npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`], `${results}/unit.json`],
  ['browser end-to-end tests', 'npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/e2e.json`], `${results}/e2e.json`],
  ['Electron security lint', 'npm', ['run', '--silent', 'lint:electron']],
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const [name, cmd, args, report] of steps) {
  if (name.startsWith('browser') && !existsSync('test/e2e/vitest.config.ts')) {
    console.log(`\n== ${name}: no end-to-end suite yet`);
    continue;
  }
  console.log(`\n== ${name}`);
  if (report) rmSync(report, { force: true });
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (report && existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
  } else {
    // A check without test counts (type-check, lint) counts as one test.
    if (r.status === 0) passed++;
    else failed++;
  }
  if (r.status !== 0) failures.push(name);
}
console.log('');
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);

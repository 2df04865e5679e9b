/**
 * Refreshes the starting workspaces in course.json from the lesson programs:
 *   npx tsx assets/course/build.ts
 * Each lesson's workspace is its program in assets/examples/ converted to blocks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Course } from '../../shared/course.js';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import { loadConvert } from '../../electron/cli/headless-convert.js';

const here = dirname(fileURLToPath(import.meta.url));
const file = resolve(here, 'course.json');
const course = Course.parse(JSON.parse(readFileSync(file, 'utf8')));
const host = new RuntimeHost();
await host.ready;
const { pythonToBlocks } = loadConvert();
for (const lesson of course.lessons) {
  const source = readFileSync(resolve(here, '../examples', lesson.program), 'utf8');
  const converted = await pythonToBlocks(host, source);
  if (converted.kind !== 'blocks') throw new Error(`${lesson.program}: ${converted.kind}`);
  lesson.workspace = converted.workspace;
}
await host.dispose();
writeFileSync(file, JSON.stringify(course, null, 2) + '\n');
console.log(`${course.lessons.length} lessons written to ${file}`);

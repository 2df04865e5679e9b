/** Traces the real runtime produced (node electron/cli/corolab.mjs run X.py --trace X.trace.json). */
import { readFileSync } from 'node:fs';
import { traceFromJson } from '../../shared/trace';
import type { Trace } from '../../shared/trace';

export function fixtureTrace(name: string): Trace {
  const url = new URL(`./fixtures/${name}.trace.json`, import.meta.url);
  return traceFromJson(JSON.parse(readFileSync(url, 'utf8')));
}

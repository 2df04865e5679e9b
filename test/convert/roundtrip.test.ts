/**
 * Python → blocks → Python is stable (the first generated text is canonical:
 * converting it again gives it back byte for byte) and changes nothing the
 * program does (original and generated print the same lines at the same
 * virtual times, with the same exit status), for every lesson and the corpus.
 */
import { describe, expect, it } from 'vitest';
import { formatChunk } from '../../electron/cli/stamp.js';
import { pythonToBlocks } from '../../renderer/convert/python-to-blocks.js';
import type { Converted } from '../../renderer/convert/python-to-blocks.js';
import { workspaceToPython } from '../../renderer/convert/workspace-python.js';
import { useRuntime } from '../runtime/run-helpers.js';
import { corpusSources, lessonSources } from './programs.js';

const runtime = useRuntime({ timeoutMs: 30_000 });
const CLOCK = { clockStart: 1_700_000_000, trace: false } as const;

async function behaviour(source: string) {
  const ran = await runtime.run(source, CLOCK, 'program.py');
  return {
    stdout: ran.chunks.filter((c) => c.stream === 'stdout').map((c) => formatChunk(c, true)).join(''),
    lastError: ran.stderr.trim().split('\n').at(-1) ?? '',
    exitCode: ran.trace.meta.end.exitCode,
  };
}

function blockTypes(converted: Converted): Set<string> {
  const types = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.type === 'string') types.add(o.type);
      Object.values(o).forEach(walk);
    }
  };
  walk(converted.workspace.blocks.blocks);
  return types;
}

const lessons = lessonSources();
const corpus = corpusSources();
const covered = new Set<string>();

describe.each([
  ['lesson', lessons],
  ['corpus', corpus],
] as const)('%s programs', (_kind, programs) => {
  it.each(programs.map((p) => [p.name, p] as const))('%s: stable round trip, same behaviour', async (_name, program) => {
    const first = await pythonToBlocks(runtime.host(), program.source);
    expect(first.kind, 'mapped to blocks without the raw fallback').toBe('blocks');
    blockTypes(first).forEach((t) => covered.add(t));
    const canonical = first.python;
    expect(canonical).not.toMatch(/^\s*(import|from)\s+corolab|#@@/m);
    const second = await pythonToBlocks(runtime.host(), canonical);
    expect(second.python).toBe(canonical);
    expect(workspaceToPython(second.workspace)).toBe(canonical);

    const [original, regenerated] = [await behaviour(program.source), await behaviour(canonical)];
    expect(regenerated).toEqual(original);
  });
});

describe('the corpus covers the toolbox', () => {
  it('uses every Corolab block and the Blockly blocks the importer maps to', () => {
    const wanted = [
      'aio_async_def', 'aio_def', 'aio_await', 'aio_await_value', 'aio_sleep', 'aio_call', 'aio_run', 'aio_return', 'aio_expr',
      'aio_assign', 'aio_create_task', 'aio_task_set_name', 'aio_gather', 'aio_task_cancel', 'aio_try_cancelled', 'aio_try_except',
      'aio_print', 'aio_fstring', 'aio_name', 'aio_strftime', 'aio_time_sleep', 'aio_wait_for', 'aio_timeout', 'aio_new_sync',
      'aio_queue_put', 'aio_queue_get', 'aio_method', 'aio_await_method', 'aio_async_with', 'aio_taskgroup', 'aio_tg_create_task',
      'aio_new_event_loop', 'aio_get_running_loop', 'aio_loop_call', 'aio_raw', 'aio_comment', 'aio_import',
      'controls_if', 'controls_whileUntil', 'controls_forEach', 'controls_flow_statements', 'logic_compare', 'logic_operation',
      'logic_negate', 'logic_boolean', 'logic_null', 'math_number', 'math_arithmetic', 'text',
    ];
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(wanted.filter((t) => !covered.has(t))).toEqual([]);
  });
});

describe('programs that do not parse', () => {
  it('become one raw block holding the file, with the syntax error', async () => {
    const source = 'import asyncio\n\nasync def main(:\n    pass\n';
    const converted = await pythonToBlocks(runtime.host(), source);
    expect(converted.kind).toBe('syntax-error');
    expect(converted.error).toMatch(/SyntaxError.*line 3/);
    expect(converted.workspace.blocks.blocks.map((b) => b.type)).toEqual(['aio_raw']);
    expect(converted.python).toBe(source);
  });
});

describe('the raw fallback', () => {
  it('keeps the program as raw Python when its blocks would generate a different program', async () => {
    const source = 'import asyncio\n\n\nasync def main():\n    print("x")\n\n\nasyncio.run(main())\n';
    // A parser whose blocks lose a statement: the check must notice and fall back.
    const lossy = {
      async toBlocks(text: string, rawOnly = false) {
        const result = await runtime.host().toBlocks(text, rawOnly);
        if (rawOnly || text !== source) return result;
        return { ...result, workspace: { ...result.workspace, blocks: { ...result.workspace.blocks, blocks: result.workspace.blocks.blocks.slice(0, -1) } } };
      },
    };
    const converted = await pythonToBlocks(lossy, source);
    expect(converted.kind).toBe('raw');
    expect(new Set(converted.workspace.blocks.blocks.map((b) => b.type))).toEqual(new Set(['aio_raw']));
    expect(converted.python).toBe(source.replaceAll('\n\n\n', '\n\n\n'));
  });
});

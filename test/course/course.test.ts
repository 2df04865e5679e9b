/**
 * The course: its file is valid and follows the lesson notes' order, every
 * starting workspace is its lesson program converted (no drift), and every
 * "try this" check fails on the starting program and passes on a solution,
 * both run through the real runtime.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Course, checkTask, maxOverlappingTasks } from '../../shared/course.js';
import type { Check } from '../../shared/course.js';
import { pythonToBlocks } from '../../renderer/convert/python-to-blocks.js';
import { ROOT } from '../runtime/programs.js';
import { useRuntime } from '../runtime/run-helpers.js';

const course = Course.parse(JSON.parse(readFileSync(resolve(ROOT, 'assets/course/course.json'), 'utf8')));
const runtime = useRuntime({ timeoutMs: 30_000 });
const example = (file: string) => readFileSync(resolve(ROOT, 'assets/examples', file), 'utf8');
const solution = (id: string) => readFileSync(resolve(ROOT, 'test/course/solutions', `${id}.py`), 'utf8');
const traceOf = async (source: string) => (await runtime.run(source, { trace: true, lines: false }, 'lesson.py')).trace;

describe('course.json', () => {
  it('teaches the notes in order, in Korean and English', () => {
    expect(course.lessons.map((l) => l.id)).toEqual([
      'coroutines-and-await', 'awaitables', 'asyncio-run', 'sleep', 'sequential-vs-concurrent', 'tasks-and-names', 'saying-tasks',
      'gather', 'low-level-loop-and-futures', 'generator-coroutines', 'blocking-vs-non-blocking', 'sync-vs-async', 'where-asyncio-is-used',
    ]);
    for (const lesson of course.lessons) {
      expect(lesson.explanation.ko).toMatch(/[가-힣]/);
      expect(lesson.tryThis.task.ko).toMatch(/[가-힣]/);
      expect(lesson.explanation.en).not.toMatch(/[가-힣]/);
    }
  });

  it.each(course.lessons.map((l) => [l.id, l] as const))('%s: the starting workspace is its program converted', async (_id, lesson) => {
    const converted = await pythonToBlocks(runtime.host(), example(lesson.program));
    expect(lesson.workspace).toEqual(converted.workspace);
  });
});

describe('try this', () => {
  it.each(course.lessons.map((l) => [l.id, l] as const))('%s: fails on the starting program, passes on a solution', async (id, lesson) => {
    const start = checkTask(lesson.tryThis.check, await traceOf(example(lesson.program)));
    expect(start.passed, start.detail).toBe(false);
    const solved = checkTask(lesson.tryThis.check, await traceOf(solution(id)));
    expect(solved.passed, solved.detail).toBe(true);
  });
});

describe('checkTask', () => {
  it('measures what each check names', async () => {
    const sequential = await traceOf(example('02_say_after_sequential.py'));
    const concurrent = await traceOf(example('03_say_after_tasks.py'));
    expect(maxOverlappingTasks(sequential)).toBe(0);
    expect(maxOverlappingTasks(concurrent)).toBe(2);
    expect(checkTask({ kind: 'finishesWithin', seconds: 4 }, concurrent)).toMatchObject({ passed: true, detail: 'finished after 4.0 s' });
    expect(checkTask({ kind: 'finishesWithin', seconds: 4 }, sequential)).toMatchObject({ passed: false, detail: 'finished after 7.0 s' });
    expect(checkTask({ kind: 'printsInOrder', lines: ['world', 'hello'] }, concurrent).passed).toBe(false);
    expect(checkTask({ kind: 'taskNamed', name: 'Task-2' }, concurrent).passed).toBe(true);
    expect(checkTask({ kind: 'taskNamed', name: 'Task-9' }, concurrent).passed).toBe(false);
    const inOrderAndFast: Check = { kind: 'allOf', checks: [{ kind: 'printsInOrder', lines: ['hello', 'world'] }, { kind: 'finishesWithin', seconds: 4 }] };
    expect(checkTask(inOrderAndFast, concurrent)).toMatchObject({ passed: true, detail: 'printed the lines in order · finished after 4.0 s' });
    expect(checkTask(inOrderAndFast, sequential)).toMatchObject({ passed: false, detail: 'finished after 7.0 s' });
    const failing = await traceOf(example('10_generator_coroutine.py'));
    expect(checkTask({ kind: 'exitsWith', code: 1 }, failing).passed).toBe(true);
    expect(checkTask({ kind: 'finishesWithin', seconds: 100 }, failing)).toMatchObject({ passed: false, detail: 'ended with error' });
  });
});

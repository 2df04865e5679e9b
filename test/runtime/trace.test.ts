/** What the tracer records for the lessons: the trace is what every view draws. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LessonIndex } from '../../shared/lessons.js';
import { EventKind, TraceJson, WaitKind, taskNames, traceFromJson, traceToJson } from '../../shared/trace.js';
import type { Trace } from '../../shared/trace.js';
import { useRuntime } from './run-helpers.js';

const EXAMPLES = join(__dirname, '..', '..', 'assets', 'examples');
const lessons = LessonIndex.parse(JSON.parse(readFileSync(join(EXAMPLES, 'lessons.json'), 'utf8')));
const lessonSource = (id: string) => readFileSync(join(EXAMPLES, lessons.find((l) => l.id === id)!.file), 'utf8');

const rt = useRuntime();

/** [first StepStart, last StepEnd or finish] of each task, by name. */
function activity(trace: Trace): Map<string, { created: number; firstStep: number; finished: number; awaited: string[] }> {
  const names = taskNames(trace);
  const out = new Map<string, { created: number; firstStep: number; finished: number; awaited: string[] }>();
  const { kind, t, task, a, b } = trace.events;
  for (let i = 0; i < kind.length; i++) {
    const name = names[task[i]!];
    if (name === undefined) continue;
    if (!out.has(name)) out.set(name, { created: NaN, firstStep: NaN, finished: NaN, awaited: [] });
    const row = out.get(name)!;
    if (kind[i] === EventKind.TaskCreated) row.created = t[i]!;
    if (kind[i] === EventKind.StepStart && Number.isNaN(row.firstStep)) row.firstStep = t[i]!;
    if (kind[i] === EventKind.TaskDone || kind[i] === EventKind.TaskFailed || kind[i] === EventKind.TaskCancelled) row.finished = t[i]!;
    if (kind[i] === EventKind.Await) {
      const what = a[i] === WaitKind.Sleep ? `sleep(${trace.timers.when[b[i]!]! - t[i]!})` : a[i] === WaitKind.Task ? `task ${names[b[i]!]}` : `kind ${a[i]}`;
      row.awaited.push(what);
    }
  }
  return out;
}

/** How each task's steps ended, by task name: what each awaited, then how the task ended. */
function stepEnds(trace: Trace): Map<string, string[]> {
  const names = taskNames(trace);
  const ends = new Map<string, string[]>();
  const { kind, task, a } = trace.events;
  const endings: Partial<Record<number, string>> = { [EventKind.TaskDone]: 'done', [EventKind.TaskFailed]: 'failed', [EventKind.TaskCancelled]: 'cancelled' };
  for (let i = 0; i < kind.length; i++) {
    const end = kind[i] === EventKind.Await ? ['yield', 'sleep', 'future', 'task'][a[i]!]! : endings[kind[i]!];
    if (end !== undefined) ends.set(names[task[i]!]!, [...(ends.get(names[task[i]!]!) ?? []), end]);
  }
  return ends;
}

describe('trace of the lessons', () => {
  it('concurrent say_after: two tasks overlap from t=0 and main ends at 4 s', async () => {
    const source = lessonSource('say-after-tasks');
    const { trace } = await rt.run(source, { trace: true, lines: true });
    const act = activity(trace);
    const [t2, t3] = [act.get('Task-2')!, act.get('Task-3')!];
    expect(t2.firstStep).toBe(0);
    expect(t3.firstStep).toBe(0);
    expect(t2.awaited).toEqual(['sleep(3)']);
    expect(t3.awaited).toEqual(['sleep(4)']);
    // Overlap: each starts before the other finishes.
    expect(t2.firstStep).toBeLessThan(t3.finished);
    expect(t3.firstStep).toBeLessThan(t2.finished);
    expect(t2.finished).toBe(3);
    expect(t3.finished).toBe(4);
    expect(act.get('Task-1')!.finished).toBe(4);
    expect(act.get('Task-1')!.awaited).toEqual(['task Task-2', 'task Task-3']);
    expect(trace.meta.end).toMatchObject({ status: 'ok', exitCode: 0, seconds: 4 });
    // Parents: both tasks were created by main.
    expect(trace.tasks.parent).toEqual([-1, 0, 0]);
    expect(trace.tasks.coro.map((s) => trace.strings[s])).toEqual(['main', 'say_after', 'say_after']);
    // Each task is created on the program's line that made it.
    const lineOf = (text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(trace.tasks.line).toEqual([lineOf('asyncio.run(main())'), lineOf('create_task(say_after(3'), lineOf('create_task(say_after(4')]);
  });

  it('sequential say_after: one task, 7 s', async () => {
    const { trace } = await rt.run(lessonSource('say-after-sequential'), { trace: true, lines: true });
    const act = activity(trace);
    expect([...act.keys()]).toEqual(['Task-1']);
    expect(act.get('Task-1')!.awaited).toEqual(['sleep(3)', 'sleep(4)']);
    expect(act.get('Task-1')!.finished).toBe(7);
    expect(trace.meta.end.seconds).toBe(7);
  });

  it('named tasks: the lanes carry the names the program gave', async () => {
    const { trace, stdout } = await rt.run(lessonSource('named-tasks'), { trace: true, lines: true });
    const names = taskNames(trace);
    expect(names).toContain('greeter');
    expect(names).toContain('closer');
    expect(names[0]).toBe('Task-1');
    expect(stdout).toMatch(/greeter says hello/);
    // The rename is an event of its own, at the time it was seen.
    const renames = [...trace.events.kind].flatMap((k, i) => (k === EventKind.TaskRenamed ? [trace.strings[trace.events.a[i]!]] : []));
    expect(renames).toEqual(['closer']);
  });

  it('records prints with their task and time, and lines of the user file', async () => {
    const { trace } = await rt.run(lessonSource('say-after-tasks'), { trace: true, lines: true });
    const names = taskNames(trace);
    const prints = [...trace.events.kind].flatMap((k, i) =>
      k === EventKind.Print ? [[trace.events.t[i], names[trace.events.task[i]!], trace.strings[trace.events.a[i]!]]] : [],
    );
    expect(prints.slice(1, 3)).toEqual([
      [3, 'Task-2', 'hello'],
      [4, 'Task-3', 'world'],
    ]);
    const lines = [...trace.events.kind].flatMap((k, i) => (k === EventKind.Line ? [trace.events.b[i]!] : []));
    expect(lines).toContain(9); // print(what)
    expect(Math.max(...lines)).toBeLessThanOrEqual(lessonSource('say-after-tasks').split('\n').length);
  });

  it('futures and callbacks of the low-level lesson', async () => {
    const { trace, stdout } = await rt.run(lessonSource('future'), { trace: true, lines: false });
    expect(stdout.trim().split('\n').at(-1)).toBe('hello world');
    const kinds = new Set(trace.events.kind);
    expect(kinds.has(EventKind.FutureCreated)).toBe(true);
    expect(kinds.has(EventKind.FutureResolved)).toBe(true);
    const callbacks = [...trace.events.kind].flatMap((k, i) => (k === EventKind.CallbackRun ? [trace.strings[trace.events.a[i]!]] : []));
    expect(callbacks.some((c) => c?.includes('lambda'))).toBe(true);
  });

  it('every lesson gives a trace that survives the JSON file format', async () => {
    for (const lesson of lessons) {
      const { trace } = await rt.run(readFileSync(join(EXAMPLES, lesson.file), 'utf8'), { trace: true, lines: true }, lesson.file);
      const json = JSON.parse(JSON.stringify(traceToJson(trace)));
      expect(TraceJson.safeParse(json).success).toBe(true);
      const back = traceFromJson(json);
      expect(back.events.kind.length).toBe(trace.events.kind.length);
      expect(Array.from(back.events.t)).toEqual(Array.from(trace.events.t));
      if (lesson.expectedSeconds !== undefined) expect(trace.meta.end.seconds).toBe(lesson.expectedSeconds);
    }
  });

  it('shows what each task returned, shortened, without calling the program’s own __repr__', async () => {
    const source = [
      'import asyncio',
      'class Loud:',
      '    def __repr__(self):',
      '        print("repr called")',
      '        return "Loud()"',
      'async def give(value):',
      '    return value',
      'async def main():',
      '    values = [7, "hi", None, 2.5, 10 ** 50, "x" * 100, [1, Loud()], Loud(), False, 10 ** 5000, [10 ** 5000]]',
      '    await asyncio.gather(*(asyncio.create_task(give(v)) for v in values))',
      'asyncio.run(main())',
    ].join('\n');
    const { trace, stdout } = await rt.run(source, { trace: true, lines: false });
    expect(stdout).not.toContain('repr called');
    const names = taskNames(trace);
    const results = [...trace.events.kind].flatMap((k, i) => (k === EventKind.TaskDone ? [[names[trace.events.task[i]!], trace.strings[trace.events.a[i]!]]] : []));
    const byTask = Object.fromEntries(results);
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => byTask[`Task-${n}`])).toEqual([
      '7',
      "'hi'",
      'None',
      '2.5',
      `${'1'.padEnd(18, '0')}...${'0'.repeat(19)}`, // reprlib's cut of a long int
      `'${'x'.repeat(27)}...${'x'.repeat(28)}'`, // and of a long string
      '[1, <Loud>]',
      '<Loud>',
      'False',
      '<int>', // too long for str() (sys.get_int_max_str_digits): the run goes on, as natively
      expect.stringMatching(/^\[<int instance with roughly 5001 digits/), // reprlib's own words for it
    ]);
  });

  it('tells the steps of tasks apart when they share a context, and says what each step ended in', async () => {
    // A task's next step is known from the context it is scheduled with; a task given the
    // running task's own context must still get steps of its own.
    const source = [
      'import asyncio',
      'async def child(yields):',
      '    for _ in range(yields):',
      '        await asyncio.sleep(0)',
      'async def main():',
      '    loop = asyncio.get_running_loop()',
      '    ctx = asyncio.current_task().get_context()',
      '    first = loop.create_task(child(5), name="first", context=ctx)',
      '    await asyncio.sleep(0)',
      '    second = loop.create_task(child(8), name="second", context=ctx)',
      '    await asyncio.sleep(0)',
      '    fut = loop.create_future()',
      '    loop.call_soon(fut.set_result, None)',
      '    await fut',
      '    await first',
      '    await asyncio.gather(second)',
      '    await asyncio.sleep(1)',
      'asyncio.run(main())',
    ].join('\n');
    const { trace } = await rt.run(source, { trace: true, lines: false });
    const names = taskNames(trace);
    const steps = new Map<string, number>();
    trace.events.kind.forEach((k, i) => {
      const name = names[trace.events.task[i]!]!;
      if (k === EventKind.StepStart) steps.set(name, (steps.get(name) ?? 0) + 1);
    });
    const ends = stepEnds(trace);
    expect(Object.fromEntries(steps)).toEqual({ 'Task-1': 7, first: 6, second: 9 });
    expect(ends.get('first')).toEqual(['yield', 'yield', 'yield', 'yield', 'yield', 'done']);
    expect(ends.get('second')).toEqual([...Array(8).fill('yield'), 'done']);
    // Task-1 awaits: two yields, its future, first, gather's future, a sleep.
    expect(ends.get('Task-1')).toEqual(['yield', 'yield', 'future', 'task', 'future', 'sleep', 'done']);
  });

  it('runs steps that follow each other in bare yields as natively: a bad yield, a cancel between yields, tasks taking turns', async () => {
    // Such steps share one handle (tracer.py NextStepHandle): what each step is given must still be its own.
    const source = [
      'import asyncio, types',
      '@types.coroutine',
      'def bad():',
      '    yield 5',
      'async def spinner(name, n, log):',
      '    for i in range(n):',
      '        log.append(name + str(i))',
      '        await asyncio.sleep(0)',
      'async def misbehaving():',
      '    await asyncio.sleep(0)',
      '    try:',
      '        await bad()',
      '    except RuntimeError as e:',
      '        print("caught:", e)',
      '    await asyncio.sleep(0)',
      '    return "ok"',
      'async def main():',
      '    log = []',
      '    a = asyncio.create_task(spinner("a", 4, log), name="a")',
      '    b = asyncio.create_task(spinner("b", 3, log), name="b")',
      '    c = asyncio.create_task(spinner("c", 100, log), name="c")',
      '    m = asyncio.create_task(misbehaving(), name="m")',
      '    await asyncio.sleep(0)',
      '    await asyncio.sleep(0)',
      '    c.cancel()',
      '    print(await m, await a, await b)',
      '    try:',
      '        await c',
      '    except asyncio.CancelledError:',
      '        print("c cancelled after", sum(1 for x in log if x[0] == "c"))',
      '    print(log)',
      'asyncio.run(main())',
    ].join('\n');
    const traced = await rt.run(source, { trace: true, lines: false });
    const untraced = await rt.run(source, { trace: false });
    expect(traced.stdout).toBe(untraced.stdout);
    // As python3 prints it.
    expect(traced.stdout).toBe("caught: Task got bad yield: 5\nok None None\nc cancelled after 2\n['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'b2', 'a3']\n");
    const ends = stepEnds(traced.trace);
    // The bad yield's step ends as a bare yield does: the C task schedules the next step itself, with the error.
    expect(ends.get('m')).toEqual(['yield', 'yield', 'yield', 'done']);
    expect(ends.get('c')).toEqual(['yield', 'yield', 'cancelled']);
    expect(ends.get('a')).toEqual(['yield', 'yield', 'yield', 'yield', 'done']);
  });

  it('reports a failing callback as asyncio does, traced or not', async () => {
    const source = [
      'import asyncio',
      'def boom(n):',
      '    raise ValueError(f"boom {n}")',
      'async def main():',
      '    loop = asyncio.get_running_loop()',
      '    loop.call_soon(boom, 1)',
      '    loop.call_later(0.5, boom, 2)',
      '    await asyncio.sleep(1)',
      '    print("still running")',
      'asyncio.run(main())',
    ].join('\n');
    const traced = await rt.run(source, { trace: true, lines: true });
    const untraced = await rt.run(source, { trace: false });
    expect(traced.stdout).toBe('still running\n');
    expect(traced.stderr).toMatch(/Exception in callback boom\(.*\)[^]*ValueError: boom 1[^]*Exception in callback boom\(.*\)[^]*ValueError: boom 2/);
    // The traceback starts in asyncio's Handle._run, not in the tracer.
    expect(traced.stderr).toMatch(/asyncio\/events\.py", line \d+, in _run/);
    expect(traced.stderr).not.toMatch(/corolab/);
    expect(traced.stderr).toBe(untraced.stderr);
  });

  it('records how each task ended: returned a value, returned None, failed, was cancelled', async () => {
    const source = [
      'import asyncio',
      'async def value():',
      '    return 42',
      'async def nothing():',
      '    pass',
      'async def fail():',
      '    raise ValueError("bad")',
      'async def sleeper():',
      '    await asyncio.sleep(10)',
      'async def main():',
      '    tasks = [asyncio.create_task(f(), name=f.__name__) for f in (value, nothing, fail, sleeper)]',
      '    await asyncio.sleep(1)',
      '    tasks[-1].cancel()',
      '    await asyncio.gather(*tasks, return_exceptions=True)',
      'asyncio.run(main())',
    ].join('\n');
    const { trace } = await rt.run(source, { trace: true, lines: false });
    const names = taskNames(trace);
    const ends: Record<string, string> = {};
    const { kind, task, a } = trace.events;
    for (let i = 0; i < kind.length; i++) {
      const name = names[task[i]!]!;
      if (kind[i] === EventKind.TaskDone) ends[name] = `done ${trace.strings[a[i]!]}`;
      if (kind[i] === EventKind.TaskFailed) ends[name] = `failed ${trace.strings[a[i]!]}`;
      if (kind[i] === EventKind.TaskCancelled) ends[name] = 'cancelled';
    }
    expect(ends).toEqual({ value: 'done 42', nothing: 'done None', fail: 'failed ValueError: bad', sleeper: 'cancelled', 'Task-1': 'done None' });
  });

  it('keeps names as the program gave them, whatever is in them, and the timers and futures beside them', async () => {
    // As Python literals: a lone surrogate, accents and an emoji, nothing; then a NUL.
    // (The strings go to the host joined by NULs unless one has a NUL or cannot be UTF-8.)
    const literals = [String.raw`'lone \ud800 surrogate'`, `'été 😀'`, `''`, `'plain'`];
    const source = (literals: string[]) => [
      'import asyncio',
      'async def nap(s):',
      '    await asyncio.sleep(s)',
      'async def main():',
      '    loop = asyncio.get_running_loop()',
      '    fut = loop.create_future()',
      '    loop.call_later(2.5, fut.set_result, 1)',
      `    tasks = [asyncio.create_task(nap(i), name=n) for i, n in enumerate([${literals.join(', ')}])]`,
      '    await fut',
      '    await asyncio.gather(*tasks)',
      'asyncio.run(main())',
    ].join('\n');
    const { trace } = await rt.run(source(literals), { trace: true, lines: false });
    expect(taskNames(trace).slice(1)).toEqual(['lone \ud800 surrogate', 'été 😀', '', 'plain']);
    const withNul = await rt.run(source([String.raw`'a\0b'`, ...literals.slice(1)]), { trace: true, lines: false });
    expect(taskNames(withNul.trace).slice(1)).toEqual(['a\0b', 'été 😀', '', 'plain']);
    // Task i sleeps i seconds (sleep(0) makes no timer): its timer is due then, labelled a sleep.
    const sleeps = trace.timers.when.flatMap((when, i) => (trace.strings[trace.timers.label[i]!] === 'sleep' ? [when - trace.events.t[0]!] : []));
    expect(sleeps).toEqual([1, 2, 3]);
    expect(trace.timers.when.map((when) => when - trace.events.t[0]!)).toContain(2.5);
    expect(trace.futures.label.map((s) => trace.strings[s])).toContain('main');
  });

  it('gives each task the line that made it, however it was made and however often', async () => {
    const source = [
      'import asyncio',
      'async def job(n):',
      '    await asyncio.sleep(n)',
      'def make(n):',
      '    return asyncio.create_task(job(n))  # in make',
      'async def main():',
      '    first = asyncio.create_task(job(0))  # first',
      '    more = [',
      '        asyncio.create_task(job(i))  # in a comprehension',
      '        for i in range(3)',
      '    ]',
      '    made = [make(i) for i in range(2)]',
      '    await asyncio.gather(job(1), job(2))  # gather wraps these',
      '    async with asyncio.TaskGroup() as tg:',
      '        tg.create_task(job(1))  # task group',
      '    await asyncio.gather(first, *more, *made)',
      'asyncio.run(main())  # main',
    ].join('\n');
    const lineOf = (mark: string) => source.split('\n').findIndex((l) => l.includes(`# ${mark}`)) + 1;
    const { trace } = await rt.run(source, { trace: true, lines: false });
    expect(trace.tasks.line).toEqual(
      ['main', 'first', 'in a comprehension', 'in a comprehension', 'in a comprehension', 'in make', 'in make', 'gather wraps these', 'gather wraps these', 'task group'].map(lineOf),
    );
  });

  it('a trace file with wrong types is rejected', () => {
    expect(() => traceFromJson({ meta: {}, events: { kind: 'x' } })).toThrow();
  });
});

describe('snapshot and cold start', () => {
  const cold = useRuntime({ snapshot: false });
  it('give the same output and trace for a lesson', async () => {
    expect((await cold.host().ready).snapshot).toBe(false);
    const source = lessonSource('gather');
    const a = await rt.run(source, { trace: true, lines: true });
    const b = await cold.run(source, { trace: true, lines: true });
    expect(a.stdout).toBe(b.stdout);
    expect(Array.from(a.trace.events.kind)).toEqual(Array.from(b.trace.events.kind));
    expect(Array.from(a.trace.events.t)).toEqual(Array.from(b.trace.events.t));
  });
});

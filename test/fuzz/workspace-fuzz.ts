/**
 * Random block workspaces, seeded and reproducible: sensible programs and
 * nonsense ones (undefined names, awaiting numbers, break outside a loop,
 * failing raw code, endless loops). Each is turned into Python with the real
 * generators and run on one runtime with limits; every run must end on its own
 * or with a clear error, and the runtime must survive all of them.
 */
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import type { OutputChunk } from '../../shared/runtime/protocol.js';
import type { EndStatus } from '../../shared/trace.js';
import { workspaceToPython } from '../../renderer/convert/workspace-python.js';

type Block = Record<string, unknown>;

/** mulberry32: tiny, fast, good enough to pick blocks. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(private readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }

  num(): Block {
    return { type: 'math_number', fields: { NUM: this.pick([0, 0.1, 0.5, 1, 2, 3, -1]) } };
  }
  name(): Block {
    return { type: 'aio_name', fields: { NAME: this.pick(['x', 'n', 'task', 'None', 'undefined_name', 'q', 'lock']) } };
  }
  /** A Number-typed or untyped value. */
  number(depth: number): Block {
    if (depth > 2 || this.chance(0.6)) return this.chance(0.8) ? this.num() : this.name();
    return { type: 'math_arithmetic', fields: { OP: this.pick(['ADD', 'MINUS', 'MULTIPLY', 'DIVIDE']) }, inputs: { A: { block: this.number(depth + 1) }, B: { block: this.number(depth + 1) } } };
  }
  condition(depth: number): Block {
    if (this.chance(0.3)) return this.name();
    return { type: 'logic_compare', fields: { OP: this.pick(['EQ', 'NEQ', 'LT', 'GT']) }, inputs: { A: { block: this.value(depth + 1) }, B: { block: this.number(depth + 1) } } };
  }
  call(depth: number): Block {
    const inputs: Record<string, unknown> = {};
    const args = this.int(3);
    for (let i = 0; i < args; i++) inputs[`ARG${i}`] = { block: this.value(depth + 1) };
    return { type: 'aio_call', fields: { NAME: this.pick(['work', 'work', 'missing', 'print']) }, inputs };
  }
  value(depth: number): Block {
    if (depth > 3) return this.chance(0.5) ? this.num() : this.name();
    const v = (b: Block) => ({ block: b });
    switch (this.int(12)) {
      case 0: return this.num();
      case 1: return { type: 'text', fields: { TEXT: this.pick(['hello', 'world', '안녕', "it's"]) } };
      case 2: return this.name();
      case 3: return { type: 'aio_sleep', inputs: { DELAY: v(this.number(depth + 1)), ...(this.chance(0.3) ? { RESULT: v(this.value(depth + 1)) } : {}) } };
      case 4: return this.call(depth);
      case 5: return { type: 'aio_create_task', inputs: { CORO: v(this.call(depth + 1)), ...(this.chance(0.4) ? { NAME: v({ type: 'text', fields: { TEXT: 'fuzzy' } }) } : {}) } };
      case 6: return { type: 'aio_gather', fields: { RETURN_EXCEPTIONS: this.chance(0.5) }, inputs: { AW0: v(this.call(depth + 1)), AW1: v(this.call(depth + 1)) } };
      case 7: return { type: 'aio_await_value', inputs: { VALUE: v(this.value(depth + 1)) } };
      case 8: return { type: 'aio_wait_for', inputs: { AW: v(this.call(depth + 1)), TIMEOUT: v(this.number(depth + 1)) } };
      case 9: return { type: 'aio_new_sync', fields: { KIND: this.pick(['Queue', 'Lock', 'Event', 'Semaphore']) } };
      case 10: return this.condition(depth);
      default: return { type: 'aio_fstring', fields: { TEXT: this.pick(['x is {x}', 'at {time.strftime("%X")}', '{undefined_name}']) } };
    }
  }
  statement(depth: number, inLoop: boolean): Block {
    const v = (b: Block) => ({ block: b });
    const body = (loop: boolean) => {
      const chain = this.chain(depth + 1, loop);
      return chain ? { BODY: v(chain) } : {};
    };
    if (depth > 3) return { type: 'aio_print', inputs: { VALUE: v(this.value(depth)) } };
    switch (this.int(16)) {
      case 0: case 1: return { type: 'aio_print', inputs: { VALUE: v(this.value(depth)) } };
      case 2: case 3: return { type: 'aio_await', inputs: { VALUE: v(this.value(depth)) } };
      case 4: return { type: 'aio_assign', fields: { NAME: this.pick(['x', 'n', 'task', 'q', 'lock']) }, inputs: { VALUE: v(this.value(depth)) } };
      case 5: return { type: 'aio_expr', inputs: { VALUE: v(this.value(depth)) } };
      case 6: {
        const chain = this.chain(depth + 1, inLoop);
        return { type: 'controls_if', inputs: { IF0: v(this.condition(depth)), ...(chain ? { DO0: v(chain) } : {}) } };
      }
      case 7: {
        const chain = this.chain(depth + 1, true);
        return { type: 'controls_whileUntil', fields: { MODE: this.pick(['WHILE', 'UNTIL']) }, inputs: { BOOL: v(this.condition(depth)), ...(chain ? { DO: v(chain) } : {}) } };
      }
      case 8: {
        const handler = this.chain(depth + 1, inLoop);
        return { type: 'aio_try_except', fields: { EXC: this.pick(['Exception', 'TimeoutError', 'ValueError', 'NotAnError']) }, inputs: { ...body(inLoop), ...(handler ? { HANDLER: v(handler) } : {}) } };
      }
      case 9: return { type: 'aio_try_cancelled', fields: { RERAISE: this.chance(0.5) }, inputs: body(inLoop) };
      case 10: return { type: 'aio_timeout', inputs: { DELAY: v(this.number(depth)), ...body(inLoop) } };
      case 11: return { type: 'aio_taskgroup', fields: { NAME: 'tg' }, inputs: { BODY: v({ type: 'aio_expr', inputs: { VALUE: v({ type: 'aio_tg_create_task', fields: { GROUP: 'tg' }, inputs: { CORO: v(this.call(depth + 1)) } }) } }) } };
      case 12: return { type: 'aio_task_cancel', inputs: { TASK: v(this.name()) } };
      case 13: return { type: 'aio_time_sleep', inputs: { DELAY: v(this.number(depth)) } };
      case 14: return { type: 'aio_async_with', inputs: { CONTEXT: v(this.chance(0.5) ? { type: 'aio_new_sync', fields: { KIND: 'Lock' } } : this.name()), ...body(inLoop) } };
      default:
        return { type: 'aio_raw', fields: { CODE: this.pick(['x = 1', 'n = 0', 'raise ValueError("fuzz")', '1 / 0', 'import not_a_module', 'while True:\n    pass', 'def broken(:\n    pass', 'print(*range(3))', 'q = asyncio.Queue()']) } };
    }
  }
  /** A chain of statements, possibly ending in return / break / continue. */
  chain(depth: number, inLoop: boolean): Block | undefined {
    const length = this.int(depth > 2 ? 2 : 4);
    let head: Block | undefined;
    let tail: Block | undefined;
    const push = (b: Block) => {
      if (tail) tail.next = { block: b };
      else head = b;
      tail = b;
    };
    for (let i = 0; i < length; i++) push(this.statement(depth, inLoop));
    if (this.chance(0.15)) push(this.chance(0.5) ? { type: 'aio_return', inputs: { VALUE: { block: this.value(depth) } } } : { type: 'controls_flow_statements', fields: { FLOW: inLoop || this.chance(0.3) ? 'BREAK' : 'CONTINUE' } });
    return head;
  }

  workspace(): object {
    const blocks: Block[] = [];
    let y = 0;
    const top = (b: Block) => blocks.push({ ...b, x: 0, y: (y += 100) });
    if (this.chance(0.9)) top({ type: 'aio_import', fields: { MODULE: 'asyncio' } });
    const def = (name: string, params: string) => {
      const chain = this.chain(0, false);
      top({ type: this.chance(0.85) ? 'aio_async_def' : 'aio_def', fields: { NAME: name, PARAMS: params }, inputs: chain ? { BODY: { block: chain } } : {} });
    };
    def('work', this.pick(['', 'a', 'a, b', 'a=1, b=2, c=3']));
    def('main', '');
    if (this.chance(0.3)) top(this.statement(0, false));
    if (this.chance(0.9)) top({ type: 'aio_run', fields: { NAME: this.pick(['main', 'main', 'work', 'nothing']) } });
    return { blocks: { languageVersion: 0, blocks } };
  }
}

export function randomWorkspace(seed: number): object {
  return new Gen(prng(seed)).workspace();
}

export interface FuzzResult {
  seed: number;
  python: string;
  status: EndStatus;
  exitCode: number;
  /** Last line on stderr (the exception), or the end message. */
  message: string;
  restarted: boolean;
  runMs: number;
}

export interface FuzzSummary {
  results: FuzzResult[];
  /** Worker replacements during the whole fuzz run. */
  restarts: number;
  /** Did a plain program still run correctly after all of them? */
  healthy: boolean;
  totalMs: number;
}

export const FUZZ_LIMITS = { maxSteps: 200_000, maxVirtualSeconds: 1000 };

/** Generates `count` workspaces from `seed` and runs them all on one runtime. */
export async function runFuzz(count: number, seed: number, host?: RuntimeHost): Promise<FuzzSummary> {
  const own = !host;
  const runtime = host ?? new RuntimeHost({ timeoutMs: 3000, killAfterMs: 2000 });
  const started = performance.now();
  const restartsBefore = runtime.restarts;
  await runtime.ready;
  const results: FuzzResult[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const workspaceSeed = (seed * 100_003 + i) >>> 0;
      const python = workspaceToPython(randomWorkspace(workspaceSeed));
      const chunks: OutputChunk[] = [];
      const { trace, restarted, runMs } = await runtime.run(python, 'fuzz.py', { trace: true, lines: true, clockStart: 1_700_000_000, limits: FUZZ_LIMITS }, (c) => chunks.push(...c));
      const stderr = chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
      const end = trace.meta.end;
      results.push({
        seed: workspaceSeed,
        python,
        status: end.status,
        exitCode: end.exitCode,
        message: stderr.trim().split('\n').at(-1) || end.message,
        restarted,
        runMs,
      });
    }
    const check = await runtime.run('import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("still fine")\n\nasyncio.run(main())\n', 'check.py', { trace: false });
    return { results, restarts: runtime.restarts - restartsBefore, healthy: check.trace.meta.end.exitCode === 0, totalMs: performance.now() - started };
  } finally {
    if (own) await runtime.dispose();
  }
}

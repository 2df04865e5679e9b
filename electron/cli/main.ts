/** `corolab run FILE.py`: runs a program headless on the same runtime as the app. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { traceToJson } from '../../shared/trace.js';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import { tuneOlderV8 } from '../../shared/runtime/older-v8.node.js';
import { formatChunk } from './stamp.js';
import { readInput } from './read-file.js';
import { blocksCommand } from './blocks.js';
import { pythonCommand } from './python.js';

const HELP = `Usage: corolab run FILE.py [options]
       corolab blocks FILE.py      (the program as blocks, JSON; see corolab blocks --help)
       corolab python FILE.json    (the Python a block workspace makes)

Runs a Python asyncio program on Corolab's runtime: real CPython asyncio on a
virtual clock, so asyncio.sleep(4) takes no real time while every clock the
program reads (loop.time(), time.time(), time.strftime(), ...) shows the time
CPython would show. Prints what \`python3 FILE.py\` would print (stdout to
stdout, tracebacks to stderr) and exits with the same status.

Options:
  --timestamps             prefix each stdout line with the virtual seconds since
                           start: "<seconds, 3 decimals><TAB><line>"
  --trace OUT.json         write the run's trace (tasks, awaits, timers, prints,
                           lines) as JSON
  --clock-start ISO        start the virtual clock at this wall time, e.g.
                           2024-01-01T09:00:00 (default: now)
  --no-lines               do not record line events in the trace
  --max-steps N            stop after N task steps, and source lines when traced
                           (default 5000000)
  --max-virtual-seconds S  stop when the program's clock passes S (default 86400)
  --timeout SECONDS        stop after this much real time (default 60)
  -h, --help               show this help
`;

export async function main(argv: string[]): Promise<number> {
  tuneOlderV8();
  if (argv[0] === 'blocks') return blocksCommand(argv.slice(1));
  if (argv[0] === 'python') return pythonCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        timestamps: { type: 'boolean' },
        trace: { type: 'string' },
        'clock-start': { type: 'string' },
        'no-lines': { type: 'boolean' },
        'max-steps': { type: 'string' },
        'max-virtual-seconds': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`corolab: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const [command, file] = positionals;
  if (command !== 'run' || !file) {
    process.stderr.write(`corolab: unknown command ${JSON.stringify(positionals.join(' '))}\n\n${HELP}`);
    return 2;
  }
  const source = readInput(file);
  if (typeof source === 'number') return source;
  const numberOption = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got ${JSON.stringify(value)}`);
    return n;
  };
  let clockStart: number | undefined;
  let limits: { maxSteps?: number; maxVirtualSeconds?: number } = {};
  let timeoutS: number;
  try {
    if (values['clock-start'] !== undefined) {
      const ms = Date.parse(values['clock-start']);
      if (Number.isNaN(ms)) throw new Error(`--clock-start needs an ISO date and time, got ${JSON.stringify(values['clock-start'])}`);
      clockStart = ms / 1000;
    }
    limits = {
      maxSteps: numberOption('max-steps', values['max-steps']),
      maxVirtualSeconds: numberOption('max-virtual-seconds', values['max-virtual-seconds']),
    };
    timeoutS = numberOption('timeout', values.timeout) ?? 60;
  } catch (err) {
    process.stderr.write(`corolab: ${(err as Error).message}\n`);
    return 2;
  }

  // A reader that stops early (`corolab run prog.py | head`) closes the pipe: end as python3
  // does, saying so, with status 1, not with Node's unhandled EPIPE and its stack.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.stderr.write('corolab: BrokenPipeError: [Errno 32] Broken pipe (nothing reads the output any more)\n');
    process.exit(1);
  });
  const host = new RuntimeHost({ timeoutMs: timeoutS * 1000 });
  try {
    await host.ready;
  } catch (err) {
    process.stderr.write(`corolab: ${(err as Error).message}\n`);
    await host.dispose();
    return 2;
  }
  const { trace } = await host.run(
    source,
    file, // as given, so tracebacks and __file__ read as under python3
    {
      trace: Boolean(values.trace),
      lines: !values['no-lines'],
      clockStart,
      limits: { maxSteps: limits.maxSteps ?? 5_000_000, maxVirtualSeconds: limits.maxVirtualSeconds ?? 86400 },
    },
    (chunks) => {
      for (const chunk of chunks) {
        (chunk.stream === 'stderr' ? process.stderr : process.stdout).write(formatChunk(chunk, Boolean(values.timestamps)));
      }
    },
  );
  if (values.trace) writeFileSync(values.trace, JSON.stringify(traceToJson(trace)));
  await host.dispose();
  return trace.meta.end.exitCode;
}

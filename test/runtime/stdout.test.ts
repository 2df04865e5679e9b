/** sys.stdout and sys.stderr as programs use them, beyond print(). */
import { describe, expect, it } from 'vitest';
import { useRuntime } from './run-helpers.js';

const rt = useRuntime();

describe('sys.stdout', () => {
  it('takes reconfigure(), and bytes written to its buffer as the UTF-8 text they encode', async () => {
    const program = [
      'import sys',
      'sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)',
      'print("reconfigured")',
      'sys.stdout.buffer.write("caf\\u00e9 \\uc548\\ub155\\n".encode()[:4])',
      'sys.stdout.buffer.write("caf\\u00e9 \\uc548\\ub155\\n".encode()[4:])',
      'sys.stdout.buffer.flush()',
      'try:',
      '    sys.stdout.buffer.write("text")',
      'except TypeError as e:',
      '    print(e)',
      'print(sys.stdout.fileno(), sys.stderr.fileno())',
    ].join('\n');
    const r = await rt.run(program, { trace: false });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("reconfigured\ncafé 안녕\na bytes-like object is required, not 'str'\n1 2\n");
  });

  it("prints what a program writes past sys.stdout that looks like the runtime's own records, and goes on", async () => {
    // The runtime's records share file descriptor 1 with the program; one that would not
    // parse crashed the runtime, and a made-up trace chunk was read as one.
    const program = [
      'import os',
      'os.write(1, b"\\x1e{bad\\n")',
      'print("after")',
      'os.write(1, b\'\\x1e{"chunk": 5, "rows": 99999999, "t": 0}\\n\')',
      'os.write(1, b\'\\x1e[["stdout", 0, -1, 5]]\\n\')',
      'print("end")',
    ].join('\n');
    for (const trace of [false, true]) {
      const r = await rt.run(program, { trace });
      expect(r.trace.meta.end).toMatchObject({ status: 'ok', exitCode: 0 });
      expect(r.stdout).toBe('\x1e{bad\nafter\n\x1e{"chunk": 5, "rows": 99999999, "t": 0}\n\x1e[["stdout", 0, -1, 5]]\nend\n');
    }
    await expect(rt.run('print("next")')).resolves.toMatchObject({ stdout: 'next\n' });
  });
});

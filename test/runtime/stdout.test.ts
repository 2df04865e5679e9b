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
});

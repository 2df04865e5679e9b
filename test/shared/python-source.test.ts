/** A program's bytes read as python3 reads them (PEP 263). */
import { describe, expect, it } from 'vitest';
import { decodePythonSource } from '../../shared/python-source.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const text = (b: Uint8Array) => {
  const r = decodePythonSource(b, 'p.py');
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

describe('decodePythonSource', () => {
  it('reads UTF-8, past a byte order mark', () => {
    expect(text(new Uint8Array([...Buffer.from('print("한글")\n')]))).toBe('print("한글")\n');
    expect(text(bytes([0xef, 0xbb, 0xbf], 'x = 1\r\n'))).toBe('x = 1\r\n');
  });

  it('reads the encoding a coding comment on the first or second line names', () => {
    expect(text(bytes('# -*- coding: latin-1 -*-\nprint("caf', [0xe9], '")\n'))).toBe('# -*- coding: latin-1 -*-\nprint("café")\n');
    expect(text(bytes('#!/usr/bin/env python3\n# vim: set fileencoding=euc-kr :\nprint("', [0xc7, 0xd1], '")\n'))).toContain('print("한")');
    expect(text(bytes('# coding=cp949\nprint("', [0xc7, 0xd1], '")\n'))).toContain('print("한")');
  });

  it('says what python3 says of a file it cannot read', () => {
    // A coding comment after a line of code is not one.
    const late = decodePythonSource(bytes('x = 1\n# coding: latin-1\nprint("', [0xe9], '")\n'), 'late.py');
    expect(late).toEqual({ ok: false, error: "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file late.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details" });
    expect(decodePythonSource(bytes('# coding: klingon\n'), 'k.py')).toEqual({ ok: false, error: 'SyntaxError: encoding problem: klingon' });
    expect(decodePythonSource(bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\n'), 'b.py')).toEqual({ ok: false, error: 'SyntaxError: encoding problem: latin-1 with BOM' });
  });
});

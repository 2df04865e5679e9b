/**
 * A Python file's bytes as python3 reads them (PEP 263): UTF-8, after a byte
 * order mark if there is one, unless a coding comment on the first line (or
 * the second, after a comment or blank line) names another encoding. A file
 * python3 cannot read is a SyntaxError there, worded here as it words it.
 */

export type DecodedSource = { ok: true; text: string } | { ok: false; error: string };

const BOM = [0xef, 0xbb, 0xbf];
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#.*)?\r?$/;
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'utf_8', 'u8', 'utf', 'cp65001', 'utf-8-sig', 'utf_8_sig']);
// Python's names for encodings that the TextDecoder labels (WHATWG) spell otherwise.
const PYTHON_NAMES: Record<string, string> = {
  latin: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  latin_1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  iso8859_1: 'iso-8859-1',
  '8859': 'iso-8859-1',
  cp819: 'iso-8859-1',
  cp949: 'euc-kr',
  ms949: 'euc-kr',
  uhc: 'euc-kr',
};

export function decodePythonSource(bytes: Uint8Array, fileName: string): DecodedSource {
  const bom = BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (bom && declared !== undefined && !UTF8_NAMES.has(declared.toLowerCase())) {
    return { ok: false, error: `SyntaxError: encoding problem: ${declared} with BOM` };
  }
  const name = declared?.toLowerCase();
  const encoding = name === undefined || UTF8_NAMES.has(name) ? 'utf-8' : (PYTHON_NAMES[name] ?? name.replace(/_/g, '-'));
  let decode: (b: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decode = (b) => decoder.decode(b);
  } catch {
    return { ok: false, error: `SyntaxError: encoding problem: ${declared}` };
  }
  try {
    return { ok: true, text: decode(body) };
  } catch {
    if (declared !== undefined) return { ok: false, error: `SyntaxError: '${declared}' codec can't decode ${fileName}` };
    const { byte, line } = firstInvalidUtf8(body);
    return {
      ok: false,
      error: `SyntaxError: Non-UTF-8 code starting with '\\x${byte.toString(16).padStart(2, '0')}' in file ${fileName} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
    };
  }
}

/** The encoding a coding comment names, read as python3's tokenizer does (its first two lines only). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 1024)).split('\n', 2);
  const first = COOKIE.exec(head[0] ?? '');
  if (first) return first[1];
  if (head.length > 1 && BLANK_OR_COMMENT.test(head[0]!)) return COOKIE.exec(head[1]!)?.[1];
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Where UTF-8 decoding fails first: the first byte of the sequence it cannot read, and its line. */
function firstInvalidUtf8(bytes: Uint8Array): { byte: number; line: number } {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return { byte: b, line };
    }
    i += length;
  }
  return { byte: 0, line };
}

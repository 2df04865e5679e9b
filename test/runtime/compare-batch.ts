/**
 * Runs the oracle's compare.py on many (expected, actual) pairs in one python3
 * process: starting python3 once per pair costs more than running the programs.
 * Each pair gets exactly what `python3 compare.py EXPECTED ACTUAL` would give.
 */
import { spawnSync } from 'node:child_process';

const DRIVER = `
import contextlib, io, json, runpy, sys
compare = runpy.run_path(sys.argv[1], run_name="compare")
results = []
for expected, actual in json.load(sys.stdin):
    sys.argv = ["compare.py", expected, actual]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            code = compare["main"]()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
            if not isinstance(exc.code, int):
                print(exc.code)
    results.append([code, out.getvalue()])
json.dump(results, sys.stdout)
`;

export interface Verdict {
  agree: boolean;
  report: string;
}

export function compareMany(comparePy: string, pairs: [expected: string, actual: string][]): Verdict[] {
  const r = spawnSync('python3', ['-c', DRIVER, comparePy], { input: JSON.stringify(pairs), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`compare.py batch failed (status ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as [number, string][];
  return results.map(([code, report]) => ({ agree: code === 0, report }));
}

#!/usr/bin/env bash
# Regenerates test/expected/ from native CPython for every lesson and test program:
#   <name>.txt   stamped stdout from native_run.py
#   <name>.exit  exit status
#   <name>.err   last line of stderr (the exception), only when stderr is not empty
# The scale defaults to 1 (real time: the lowest drift); a program may ask for
# another with a comment line `# oracle-scale: 0.1`.
#   test/oracle/regen.sh [PROGRAM.py ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
oracle="${COROLAB_ORACLE:-$root/../shared/oracle}"
out="$root/test/expected"
if [[ ! -f "$oracle/native_run.py" ]]; then
  echo "regen: no native_run.py in $oracle (set COROLAB_ORACLE)" >&2
  exit 2
fi
mkdir -p "$out"

regen_one() {
  local program="$1" oracle="$2" out="$3"
  local name scale tmp code
  name="$(basename "$program" .py)"
  scale="$(sed -n 's/^# oracle-scale: *\([0-9.]*\).*/\1/p' "$program" | head -n1)"
  tmp="$(mktemp)"
  code=0
  (cd "$(dirname "$program")" && python3 "$oracle/native_run.py" "$(basename "$program")" --scale "${scale:-1}" </dev/null) \
    >"$out/$name.txt" 2>"$tmp" || code=$?
  echo "$code" >"$out/$name.exit"
  if [[ -s "$tmp" ]]; then grep -v '^\s*$' "$tmp" | tail -n1 >"$out/$name.err"; else rm -f "$out/$name.err"; fi
  rm -f "$tmp"
  echo "$name: exit $code, $(wc -l <"$out/$name.txt") lines (scale ${scale:-1})"
}
export -f regen_one

if [[ $# -gt 0 ]]; then
  programs=("$@")
else
  programs=("$root"/assets/examples/*.py "$root"/test/programs/*.py)
fi
# The programs mostly sleep, so running several at once costs little accuracy.
printf '%s\n' "${programs[@]}" | xargs -P 4 -I{} bash -c 'regen_one "$1" "$2" "$3"' _ {} "$oracle" "$out"

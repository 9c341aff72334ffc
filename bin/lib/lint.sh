#!/usr/bin/env bash
# The repository's lint, run by bin/test: `ruff check` and `ruff format --check` (ruff from the
# pinned environment, rules and exclusions in ruff.toml) over every Python file git tracks, and `shellcheck -x`
# over every tracked shell script (a .sh file, or a file whose first line names bash or sh).
#   Usage: bin/lib/lint.sh [PYTHON [REPORT_JSON]]      PYTHON: the environment's python (ruff beside it)
# Prints the findings, writes REPORT_JSON ({"ruff": {...}, "shellcheck": {...}}) and exits 1 on any.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PY=${1:-$ROOT/.venv/bin/python}
REPORT=${2:-$ROOT/target/lint.json}
cd "$ROOT" || exit 1
mkdir -p "$(dirname "$REPORT")"
say() { printf '[lint] %s\n' "$*"; }

mapfile -t py_files < <(git ls-files '*.py' 2>/dev/null)
mapfile -t sh_files < <(git ls-files 2>/dev/null | while read -r f; do
  [ -f "$f" ] || continue
  case "$f" in
    *.sh) echo "$f" ;;
    *.*) ;;
    *) head -n 1 "$f" 2>/dev/null | grep -qE '^#!.*\b(bash|sh)\b' && echo "$f" ;;
  esac
done)

ruff=$(dirname "$PY")/ruff
ruff_status=passed ruff_detail=""
if [ ! -x "$ruff" ]; then
  ruff_status=failed ruff_detail="no ruff beside $PY (it is in bin/lib/requirements.lock; run bin/setup)"
  say "ruff: FAILED: $ruff_detail"
else
  out=$("$ruff" check --force-exclude --output-format concise "${py_files[@]}" 2>&1) || { ruff_status=failed; ruff_detail=$(tail -n 1 <<<"$out"); }
  fmt=$("$ruff" format --check --force-exclude "${py_files[@]}" 2>&1) || { ruff_status=failed; ruff_detail="$ruff_detail $(tail -n 1 <<<"$fmt")"; }
  [ "$ruff_status" = passed ] || printf '%s\n%s\n' "$out" "$fmt" | grep -v '^All checks passed' | head -n 60 | sed 's/^/[lint]   /'
  say "ruff $("$ruff" --version | cut -d' ' -f2): ${#py_files[@]} Python files, check and format: $ruff_status${ruff_detail:+ ($ruff_detail)}"
fi

sc_status=passed sc_detail=""
if ! command -v shellcheck >/dev/null 2>&1; then
  sc_status=failed sc_detail="shellcheck is not installed (Debian/Ubuntu: sudo apt-get install shellcheck; macOS: brew install shellcheck)"
  say "shellcheck: FAILED: $sc_detail"
else
  out=$(shellcheck -x "${sh_files[@]}" 2>&1) || { sc_status=failed; sc_detail="$(grep -c '^In ' <<<"$out") finding(s)"; }
  [ "$sc_status" = passed ] || head -n 60 <<<"$out" | sed 's/^/[lint]   /'
  say "shellcheck $(shellcheck --version | sed -n 's/^version: //p'): ${#sh_files[@]} shell scripts: $sc_status${sc_detail:+ ($sc_detail)}"
fi

python3 - "$REPORT" "$ruff_status" "$ruff_detail" "${#py_files[@]}" "$sc_status" "$sc_detail" "${#sh_files[@]}" <<'PYEOF'
import json
import sys

out, rs, rd, rn, ss, sd, sn = sys.argv[1:8]
json.dump({"ruff": {"passed": rs == "passed", "detail": rd.strip(), "files": int(rn)},
           "shellcheck": {"passed": ss == "passed", "detail": sd.strip(), "files": int(sn)}},
          open(out, "w"), indent=2)
PYEOF
[ "$ruff_status" = passed ] && [ "$sc_status" = passed ]

#!/usr/bin/env bash
# Simulated Binder build: what repo2docker does with binder/, on this machine, as far as it allows.
# repo2docker itself cannot run here (no container engine), so:
#   - the repository is a copy of the tracked files (what Binder clones), built from scratch;
#   - binder/apt.txt: its packages are checked to be installed (not installed by this test);
#   - binder/requirements.txt: a fresh virtual environment is created and `pip install -r
#     binder/requirements.txt` runs exactly as repo2docker runs it (hash-checked pins from PyPI);
#     it must hold the same pins as bin/lib/requirements.lock;
#   - binder/postBuild runs with that environment first on the PATH, in a throwaway HOME and
#     Jupyter data folder; Maven reuses this machine's local repository
#     (MAVEN_OPTS=-Dmaven.repo.local=...), so the throwaway HOME does not download every plugin;
#   - then EVERY notebook is executed on the kernel postBuild installed (expected: JJava).
#   Usage: notebooks/tools/test_binder.sh [PYTHON]   (PYTHON creates the environment; default python3)
# Writes notebooks/target/binder-test.json and notebooks/target/binder-sim/ (logs, executed notebooks).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PY=${1:-python3}
OUT="$ROOT/notebooks/target/binder-sim"
REPORT="$ROOT/notebooks/target/binder-test.json"
began=$(date +%s.%N)
say() { printf '[binder-test] %s\n' "$*"; }
since() { awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
rm -rf "$OUT" "$REPORT"
mkdir -p "$OUT"
kernel="" why="" stage="start"
report() { # report PASSED|FAILED MESSAGE
  "$PY" - "$REPORT" "$1" "$2" "$(since)" "$kernel" "$why" <<'PYEOF'
import json, sys
path, status, message, seconds, kernel, why = sys.argv[1:7]
summary = {}
try:
    summary = json.load(open(path.replace("binder-test.json", "binder-sim/book/summary.json")))
except (OSError, ValueError):
    pass
json.dump({"passed": status == "PASSED", "message": message, "seconds": float(seconds),
           "kernel": kernel, "why": why, "notebooks": summary.get("notebooks_run", 0),
           "notebooks_passed": summary.get("passed", 0), "retries": summary.get("retries", 0)},
          open(path, "w"), indent=2)
PYEOF
  say "$1 in $(since) s: $2"
}
fail() { report FAILED "$stage: $*"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/softmax-binder.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
repo="$work/repo"
mkdir -p "$repo" "$work/home"

stage="copy"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$ROOT" && git ls-files -z | tar --null -T - -cf -) | tar -C "$repo" -xf -
  say "repository: the $(git -C "$ROOT" ls-files | wc -l) tracked files copied to $repo"
else
  tar -C "$ROOT" --exclude=target --exclude=node_modules --exclude=.git -cf - . | tar -C "$repo" -xf -
  say "repository: copied to $repo (no git here: everything but target/ and node_modules/)"
fi
[ -x "$repo/binder/postBuild" ] || fail "binder/postBuild is missing or not executable"

stage="apt.txt"
missing=()
while read -r pkg; do
  pkg=${pkg%%#*}
  pkg=$(echo "$pkg" | xargs)
  [ -z "$pkg" ] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done <"$repo/binder/apt.txt"
[ ${#missing[@]} -eq 0 ] || fail "apt.txt packages not installed here: ${missing[*]} (sudo apt-get install ${missing[*]})"
say "apt.txt: $(grep -v '^#' "$repo/binder/apt.txt" | xargs) installed"

stage="requirements.txt"
cmp -s <(grep -v '^#' "$repo/binder/requirements.txt") <(grep -v '^#' "$repo/bin/lib/requirements.lock") ||
  fail "binder/requirements.txt does not hold the pins of bin/lib/requirements.lock; run bin/lock"
env_dir="$work/srv-env"
say "requirements.txt: a fresh virtual environment ($("$PY" -V 2>&1)), then pip install -r binder/requirements.txt (log: $OUT/pip.log)"
pip_began=$(date +%s.%N)
"$PY" -m venv "$env_dir" || fail "$PY -m venv failed"
(cd "$repo" && "$env_dir/bin/python" -m pip install --disable-pip-version-check --no-input -r binder/requirements.txt) \
  >"$OUT/pip.log" 2>&1 || { tail -n 15 "$OUT/pip.log" | sed 's/^/  | /'; fail "pip install -r binder/requirements.txt failed (log: $OUT/pip.log)"; }
found=$("$env_dir/bin/python" -c 'import jupyterlab, notebook, nbclient, jupyter_client, importlib.metadata as m
print("jupyterlab==%s notebook==%s nbclient==%s jupyter_client==%s jjava==%s" % (jupyterlab.__version__,
      notebook.__version__, nbclient.__version__, jupyter_client.__version__, m.version("jjava")))') ||
  fail "the environment lacks Jupyter after pip install"
say "  installed $(grep -c '^[A-Za-z0-9]' "$repo/binder/requirements.txt") pinned packages in $(awk -v a="$pip_began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s: $found"

stage="postBuild"
say "running binder/postBuild with HOME=$work/home and a fresh Jupyter data folder (log: $OUT/postBuild.log)"
pb_began=$(date +%s.%N)
set +e
(
  cd "$repo"
  env -u JUPYTER_PATH -u JUPYTER_CONFIG_PATH -u JAVA_TOOL_OPTIONS \
    HOME="$work/home" \
    JUPYTER_DATA_DIR="$work/home/.local/share/jupyter" \
    JUPYTER_CONFIG_DIR="$work/home/.jupyter" \
    JUPYTER_RUNTIME_DIR="$work/home/.local/share/jupyter/runtime" \
    MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" \
    PATH="$env_dir/bin:$PATH" \
    binder/postBuild
) >"$OUT/postBuild.log" 2>&1
rc=$?
set -e
sed 's/^/  | /' "$OUT/postBuild.log"
[ $rc -eq 0 ] || fail "binder/postBuild exited with $rc (log: $OUT/postBuild.log)"
say "postBuild finished in $(awk -v a="$pb_began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

stage="kernelspec"
spec=$(env -u JUPYTER_PATH HOME="$work/home" JUPYTER_DATA_DIR="$work/home/.local/share/jupyter" \
  "$env_dir/bin/python" -c 'from jupyter_client.kernelspec import KernelSpecManager as K; print(K().find_kernel_specs()["java"])' 2>/dev/null)/kernel.json ||
  fail "Jupyter in the Binder environment finds no 'java' kernelspec"
[ -f "$spec" ] || fail "no kernelspec at $spec"
[ -d "$repo/lib/target/softmax-course" ] || fail "postBuild did not build lib/target/softmax-course/"
read -r kernel version why < <("$env_dir/bin/python" -c 'import json, sys
m = json.load(open(sys.argv[1]))["metadata"]["softmax_course"]
print(m["kernel"], m["version"], m["why"])' "$spec") || fail "unreadable $spec"
[ "$kernel" = "${SOFTMAX_COURSE_BINDER_KERNEL:-jjava}" ] || fail "postBuild installed '$kernel', expected ${SOFTMAX_COURSE_BINDER_KERNEL:-jjava}"
say "kernel: $kernel $version installed as kernelspec 'java' at $spec ($why)"
kernel="$kernel $version"

stage="notebooks"
say "executing every notebook on that kernel"
set +e
(
  cd "$repo/notebooks"
  env -u JUPYTER_PATH HOME="$work/home" JUPYTER_DATA_DIR="$work/home/.local/share/jupyter" \
    JUPYTER_RUNTIME_DIR="$work/home/.local/share/jupyter/runtime" \
    "$env_dir/bin/python" tools/run_notebooks.py --out "$OUT/book"
) 2>&1 | sed 's/^/  | /'
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || fail "a notebook failed on the Binder-built kernel (see above; executed copies: $OUT/book)"
report PASSED "Binder build simulated: pip installed binder/requirements.txt, postBuild installed $kernel, all notebooks passed"

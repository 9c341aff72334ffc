#!/usr/bin/env bash
# Simulated Binder build: runs binder/postBuild as repo2docker would, on this machine, in a
# throwaway HOME and Jupyter data folder, then executes 00-start-here.ipynb on the kernel it
# installed. repo2docker itself cannot run here (no container engine, no GitHub), so:
#   - the repository is a copy of the tracked files (what Binder clones), built from scratch;
#   - binder/apt.txt: its packages are checked to be installed (not installed by this test);
#   - binder/requirements.txt: PyPI may be unreachable, so this machine's Jupyter (PYTHON) is
#     used; its versions are printed next to the pins;
#   - Maven reuses this machine's local repository (MAVEN_OPTS=-Dmaven.repo.local=...), so the
#     throwaway HOME does not download every plugin again.
# Where the IJava release zip is unreachable, postBuild takes the documented fallback (rapaio
# from Maven Central); the test says so and still passes if the notebook runs.
#   Usage: notebooks/tools/test_binder.sh [PYTHON]      (Maven runs it at integration-test)
# Writes notebooks/target/binder-test.json and notebooks/target/binder-sim/ (logs, executed notebook).
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
json.dump({"passed": status == "PASSED", "message": message, "seconds": float(seconds),
           "kernel": kernel, "why": why}, open(path, "w"), indent=2)
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
pins=$(grep -v '^#' "$repo/binder/requirements.txt" | xargs)
found=$("$PY" -c 'import notebook, nbclient, nbconvert, nbformat, jupyter_client as j
print("notebook==%s nbclient==%s nbconvert==%s nbformat==%s jupyter_client==%s" % (notebook.__version__,
      nbclient.__version__, nbconvert.__version__, nbformat.__version__, j.__version__))') || fail "$PY lacks Jupyter"
say "requirements.txt pins: $pins"
say "  not pip-installed here (PyPI is not used by this test); this machine's Jupyter: $found"

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
    SOFTMAX_COURSE_PYTHON="$PY" \
    binder/postBuild
) >"$OUT/postBuild.log" 2>&1
rc=$?
set -e
sed 's/^/  | /' "$OUT/postBuild.log"
[ $rc -eq 0 ] || fail "binder/postBuild exited with $rc (log: $OUT/postBuild.log)"
say "postBuild finished in $(awk -v a="$pb_began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

stage="kernelspec"
spec="$work/home/.local/share/jupyter/kernels/java/kernel.json"
[ -f "$spec" ] || fail "no kernelspec at $spec"
[ -f "$repo/lib/target/softmax-course.jar" ] || fail "postBuild did not build lib/target/softmax-course.jar"
read -r kernel version why < <("$PY" -c 'import json, sys
m = json.load(open(sys.argv[1]))["metadata"]["softmax_course"]
print(m["kernel"], m["version"], m["why"])' "$spec") || fail "unreadable $spec"
case "$kernel" in
  ijava) say "kernel: IJava $version installed as kernelspec 'java' ($why)" ;;
  rapaio)
    grep -q "IJava unavailable" "$OUT/postBuild.log" || fail "rapaio installed without the documented 'IJava unavailable' fallback message"
    say "kernel: FALLBACK, the rapaio kernel $version, because IJava 1.3.0 could not be installed here ($why)."
    say "  On mybinder.org GitHub is reachable and postBuild installs IJava 1.3.0." ;;
  *) fail "unexpected kernel '$kernel' in $spec" ;;
esac
kernel="$kernel $version"

stage="notebook"
say "executing 00-start-here.ipynb on that kernel"
set +e
(
  cd "$repo/notebooks"
  env -u JUPYTER_PATH HOME="$work/home" JUPYTER_DATA_DIR="$work/home/.local/share/jupyter" \
    JUPYTER_RUNTIME_DIR="$work/home/.local/share/jupyter/runtime" \
    "$PY" tools/run_notebooks.py --out "$OUT/book" 00-start-here.ipynb
) 2>&1 | sed 's/^/  | /'
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || fail "00-start-here.ipynb failed on the Binder-built kernel"
report PASSED "Binder build simulated; 00-start-here.ipynb passed on $kernel"

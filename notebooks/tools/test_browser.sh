#!/usr/bin/env bash
# End-to-end test in a real browser, in the UIs students get: starts Jupyter the way the README's
# run command does (bin/start, from the pinned .venv/: 127.0.0.1 only, here on a free port with a
# random token, --no-browser), opens every course notebook (default: notebooks/[0-9][0-9]-*.ipynb)
# in JupyterLab 4 in headless Chromium (Debian's chromium, driven by playwright-core from
# notebooks/browser/), clicks Run > Run All Cells, waits for the last cell and the idle kernel, and
# fails on any error or stderr output or a missing plot image. Then opens 00-start-here.ipynb in
# Notebook 7's UI (the same server) the same way. Saves one full-page screenshot per notebook in
# notebooks/target/book/screenshots/ (NN-name.png; Notebook 7: NN-name.notebook7.png) and
# notebooks/target/browser-test.json. The server is shut down whatever happens.
#   Usage: notebooks/tools/test_browser.sh [NOTEBOOK.ipynb ...]     (Maven runs it at integration-test)
# Installs what it needs when missing: Debian's chromium (apt-get, with sudo when not root)
# and playwright-core (npm ci, the version pinned in notebooks/browser/package-lock.json).
# Autosave is off (a settings folder of its own), and every notebook file is compared with a
# copy afterwards (restored, and the test fails, if the UI run changed it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NOTEBOOKS=("$@")
if [ ${#NOTEBOOKS[@]} -eq 0 ]; then
  mapfile -t NOTEBOOKS < <(cd "$ROOT/notebooks" && ls [0-9][0-9]-*.ipynb)
fi
REPORT="$ROOT/notebooks/target/browser-test.json"
SHOTS="$ROOT/notebooks/target/book/screenshots"
LOG="$ROOT/notebooks/target/browser-test.server.log"
began=$(date +%s.%N)
say() { printf '[browser-test] %s\n' "$*"; }
since() { awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
mkdir -p "$ROOT/notebooks/target"
rm -f "$REPORT"
rm -rf "$SHOTS"
fail() { # a failure before the browser ran: still leave a report
  python3 -c 'import json, sys
json.dump({"passed": False, "retries": 0, "seconds": float(sys.argv[1]), "messages": [sys.argv[2]]}, open(sys.argv[3], "w"))' \
    "$(since)" "$*" "$REPORT"
  say "FAILED in $(since) s: $*"
  exit 1
}

# 1. Chromium from Debian (like bin/setup installs Jupyter).
if [ ! -x /usr/bin/chromium ]; then
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "/usr/bin/chromium is missing and sudo is not there; as root: apt-get install -y --no-install-recommends chromium"
    sudo=(sudo -n)
  fi
  say "installing Debian's chromium: apt-get install -y --no-install-recommends chromium"
  { ${sudo[@]+"${sudo[@]}"} apt-get update -q && ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends chromium; } >"$ROOT/notebooks/target/chromium-apt.log" 2>&1 ||
    { tail -n 15 "$ROOT/notebooks/target/chromium-apt.log" >&2
      fail "apt-get could not install chromium (log: notebooks/target/chromium-apt.log); fix: sudo apt-get install -y --no-install-recommends chromium"; }
fi
say "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium (version unknown)')"

# 2. playwright-core, exactly as locked (node_modules is not committed).
command -v npm >/dev/null 2>&1 || fail "npm is missing (Debian: sudo apt-get install nodejs npm; Node 20+)"
(cd "$ROOT/notebooks/browser" && npm ci --no-audit --no-fund --loglevel=error) >"$ROOT/notebooks/target/npm-ci.log" 2>&1 ||
  { tail -n 15 "$ROOT/notebooks/target/npm-ci.log" >&2; fail "npm ci in notebooks/browser failed (log: notebooks/target/npm-ci.log)"; }

# 3. Guard copies of the notebooks, to prove the UI run did not save into them; a settings
#    folder of the test's own: no autosave, every cell rendered (no windowing), no news pop-up.
work=$(mktemp -d "${TMPDIR:-/tmp}/softmax-browser.XXXXXX")
mkdir -p "$work/guard"
for nb in "${NOTEBOOKS[@]}"; do
  cp "$ROOT/notebooks/$nb" "$work/guard/$nb" || { rm -rf "$work"; fail "no notebook notebooks/$nb"; }
done
[ -d "$ROOT/lib/target/softmax-course" ] || { rm -rf "$work"; fail "lib/target/softmax-course/ is missing (mvn -pl lib package)"; }
settings="$work/settings/@jupyterlab"
mkdir -p "$settings/docmanager-extension" "$settings/notebook-extension" "$settings/apputils-extension"
echo '{"autosave": false}' >"$settings/docmanager-extension/plugin.jupyterlab-settings"
echo '{"windowingMode": "none"}' >"$settings/notebook-extension/tracker.jupyterlab-settings"
echo '{"checkForUpdates": false, "fetchNews": "false"}' >"$settings/apputils-extension/notification.jupyterlab-settings"

# 4. The server, as bin/start runs it, on a free port with a token; stopped whatever happens.
read -r port token < <(python3 -c 'import secrets, socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1], secrets.token_hex(24))')
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null || kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$server" 2>/dev/null || true
    say "Jupyter server stopped"
  fi
  server=""
  local nb
  for nb in "${NOTEBOOKS[@]}"; do
    if [ -f "$work/guard/$nb" ] && ! cmp -s "$work/guard/$nb" "$ROOT/notebooks/$nb"; then
      cp "$work/guard/$nb" "$ROOT/notebooks/$nb"
      say "FAIL the UI run changed notebooks/$nb; restored it"
      guard_failed=true
    fi
  done
  rm -rf "$work"
}
guard_failed=false
trap stop_server EXIT
trap 'exit 130' INT TERM
say "starting Jupyter with bin/start on 127.0.0.1:$port (log: notebooks/target/browser-test.server.log)"
JUPYTERLAB_SETTINGS_DIR="$work/settings" JUPYTERLAB_WORKSPACES_DIR="$work/workspaces" \
  setsid "$ROOT/bin/start" --no-browser --ServerApp.port="$port" --ServerApp.port_retries=0 \
  --IdentityProvider.token="$token" >"$LOG" 2>&1 </dev/null &
server=$!
for i in $(seq 1 360); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/status?token=$token" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$LOG" >&2; fail "the Jupyter server exited at start (log: $LOG)"; }
  [ "$i" -lt 360 ] || { tail -n 20 "$LOG" >&2; fail "the Jupyter server did not answer within 180 s"; }
  sleep 0.5
done
versions=$(curl -fsS "http://127.0.0.1:$port/api/status?token=$token" >/dev/null && "$ROOT/.venv/bin/python" -c \
  'import jupyterlab, notebook; print("JupyterLab %s, Notebook %s" % (jupyterlab.__version__, notebook.__version__))' 2>/dev/null || echo "Jupyter")
say "server up after $(since) s ($versions)"

# 5. The browser: every notebook in JupyterLab, then 00-start-here in Notebook 7's UI.
paths=()
for nb in "${NOTEBOOKS[@]}"; do paths+=("notebooks/$nb"); done
export BROWSER_SERVER_ROOT="$ROOT"
set +e
node "$ROOT/notebooks/browser/run-notebook.mjs" "http://127.0.0.1:$port" "$token" lab "$SHOTS" "$work/lab.json" \
  "$work/chromium-profile" "${paths[@]}"
rc_lab=$?
node "$ROOT/notebooks/browser/run-notebook.mjs" "http://127.0.0.1:$port" "$token" notebook "$SHOTS" "$work/notebook7.json" \
  "$work/chromium-profile" "notebooks/${NOTEBOOKS[0]}"
rc_nb7=$?
set -e
python3 - "$work/lab.json" "$work/notebook7.json" "$REPORT" "$(since)" "$versions" <<'PYEOF'
import json, sys
lab_path, nb7_path, out, seconds, versions = sys.argv[1:6]
def load(p):
    try:
        return json.load(open(p))
    except (OSError, ValueError):
        return {"passed": False, "notebooks": [], "retries": 0, "images": 0, "tables": 0}
lab, nb7 = load(lab_path), load(nb7_path)
json.dump({"passed": lab["passed"] and nb7["passed"], "seconds": float(seconds), "versions": versions,
           "notebooks": len(lab["notebooks"]), "notebooks_passed": sum(r["passed"] for r in lab["notebooks"]),
           "retries": lab["retries"] + nb7["retries"], "images": lab["images"], "tables": lab["tables"],
           "screenshots": lab.get("screenshots", []) + nb7.get("screenshots", []),
           "jupyterlab": lab, "notebook7": nb7}, open(out, "w"), indent=2)
PYEOF
stop_server
rc=0
[ $rc_lab = 0 ] && [ $rc_nb7 = 0 ] || rc=1
$guard_failed && rc=1
say "$([ $rc = 0 ] && echo passed || echo FAILED) in $(since) s: JupyterLab $([ $rc_lab = 0 ] && echo passed || echo FAILED) on ${#NOTEBOOKS[@]} notebook(s), Notebook 7 $([ $rc_nb7 = 0 ] && echo passed || echo FAILED) on ${NOTEBOOKS[0]}; screenshots in notebooks/target/book/screenshots/"
exit $rc

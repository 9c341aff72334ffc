#!/usr/bin/env bash
# End-to-end test in a real browser: starts Jupyter the way the README's run command does
# (bin/start: localhost only, here on a free port, with a random token, --no-browser), opens
# 00-start-here.ipynb in headless Chromium (Debian's chromium, driven by playwright-core from
# notebooks/browser/), runs all cells through the UI (Cell > Run All), waits for the kernel to
# go idle, and checks that a plot image and an HTML table are rendered and no error output is
# shown. Saves notebooks/target/book/screenshots/<notebook>.png and
# notebooks/target/browser-test.json. The server is shut down whatever happens.
#   Usage: notebooks/tools/test_browser.sh [NOTEBOOK]      (Maven runs it at integration-test)
# Installs what it needs when missing: Debian's chromium (apt-get, with sudo when not root)
# and playwright-core (npm ci, the version pinned in notebooks/browser/package-lock.json).
# The page turns autosave off before running anything, and the notebook file is compared
# with a copy afterwards (restored, and the test fails, if the UI run changed it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NOTEBOOK=${1:-00-start-here.ipynb}
REPORT="$ROOT/notebooks/target/browser-test.json"
SHOT="$ROOT/notebooks/target/book/screenshots/${NOTEBOOK%.ipynb}.png"
LOG="$ROOT/notebooks/target/browser-test.server.log"
began=$(date +%s.%N)
say() { printf '[browser-test] %s\n' "$*"; }
since() { awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
mkdir -p "$ROOT/notebooks/target"
rm -f "$REPORT" "$SHOT"
fail() { # a failure before the browser ran: still leave a report
  printf '{"notebook": "%s", "passed": false, "retries": 0, "seconds": %s, "messages": ["%s"]}\n' \
    "$NOTEBOOK" "$(since)" "$(printf '%s' "$*" | tr '"\\' "''")" >"$REPORT"
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

# 3. A guard copy of the notebook, to prove the UI run did not save into it.
work=$(mktemp -d "${TMPDIR:-/tmp}/softmax-browser.XXXXXX")
cp "$ROOT/notebooks/$NOTEBOOK" "$work/guard.ipynb" || { rm -rf "$work"; fail "no notebook notebooks/$NOTEBOOK"; }
[ -f "$ROOT/lib/target/softmax-course.jar" ] || { rm -rf "$work"; fail "lib/target/softmax-course.jar is missing (mvn package)"; }

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
  if [ -f "$work/guard.ipynb" ] && ! cmp -s "$work/guard.ipynb" "$ROOT/notebooks/$NOTEBOOK"; then
    cp "$work/guard.ipynb" "$ROOT/notebooks/$NOTEBOOK"
    say "FAIL the UI run changed notebooks/$NOTEBOOK; restored it"
    guard_failed=true
  fi
  rm -rf "$work"
}
guard_failed=false
trap stop_server EXIT
trap 'exit 130' INT TERM
say "starting Jupyter with bin/start on 127.0.0.1:$port (log: notebooks/target/browser-test.server.log)"
setsid "$ROOT/bin/start" --no-browser --ip=127.0.0.1 --port="$port" --NotebookApp.port_retries=0 \
  --NotebookApp.token="$token" >"$LOG" 2>&1 </dev/null &
server=$!
for i in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/status?token=$token" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$LOG" >&2; fail "the Jupyter server exited at start (log: $LOG)"; }
  [ "$i" -lt 240 ] || { tail -n 20 "$LOG" >&2; fail "the Jupyter server did not answer within 120 s"; }
  sleep 0.5
done
say "server up after $(since) s"

# 5. The browser.
set +e
node "$ROOT/notebooks/browser/run-notebook.mjs" "http://127.0.0.1:$port" "$token" "$NOTEBOOK" "$SHOT" "$REPORT" "$work/chromium-profile"
rc=$?
set -e
stop_server
$guard_failed && rc=1
say "$([ $rc = 0 ] && echo passed || echo FAILED) in $(since) s"
exit $rc

# shellcheck shell=bash
# Shared set-up of bin/setup, bin/start and bin/test; source it, then call setup_main.
#
#   setup_main MODE [ARGS...]     MODE: start (needs the notebook server and the course jar)
#                                       test  (needs nbclient/nbconvert; Maven builds the jar)
#
# It checks the JDK and Maven, creates the course's Python environment .venv/ from the lock
# bin/lib/requirements.lock (JupyterLab 4, Notebook 7, nbclient, nbconvert, jupyter_client,
# the JJava kernel, ruff; exact versions and hashes), installs the Java kernel as kernelspec
# `java` and sets:
#   ROOT        the repository root
#   JAVA_BIN    the checked java (absolute; JAVA_HOME's if set, as Maven does)
#   PY          the environment's Python (imports nbclient, nbconvert, nbformat, jupyter_client)
#   SETUP_REST  the arguments it did not consume (for jupyter or Maven)
# Options it consumes: --kernel=jjava|ijava|rapaio (or --kernel X; default jjava, `auto` = jjava),
# --kernel-name=NAME (the kernelspec to install it as; default java: bin/test puts its rapaio
# run in java-rapaio, so the default `java` stays JJava).
# Environment: SOFTMAX_COURSE_PYTHON: use this Python instead of .venv/ (the offline fallback:
# /usr/bin/python3 with Debian's jupyter-notebook, python3-nbclient and jupyter-nbconvert);
# SOFTMAX_COURSE_IJAVA_ZIP and SOFTMAX_COURSE_RAPAIO_JAR (local copies to install instead of
# downloading).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HELPER="$ROOT/bin/lib/java_kernel.py"
JUPYTER_DEBS=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook)
LOCK="$ROOT/bin/lib/requirements.lock"
VENV="$ROOT/.venv"
KERNEL_CHOICE=jjava
KERNEL_NAME=java
SETUP_REST=()
JAVA_BIN=""
PY=""
PY_NBCLIENT=""
PY_NOTEBOOK=""

say() { printf '[setup] %s\n' "$*"; }

# die "what went wrong" "fix line" ...
die() {
  printf '[setup] ERROR: %s\n' "$1" >&2
  shift
  local line
  for line in "$@"; do printf '[setup]   %s\n' "$line" >&2; done
  exit 1
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

parse_setup_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --kernel=*) KERNEL_CHOICE=${1#--kernel=} ;;
      --kernel-name=*) KERNEL_NAME=${1#--kernel-name=} ;;
      --kernel)
        [ $# -ge 2 ] || die "--kernel needs a value: jjava, ijava or rapaio"
        KERNEL_CHOICE=$2
        shift
        ;;
      *) SETUP_REST+=("$1") ;;
    esac
    shift
  done
  case "$KERNEL_CHOICE" in
    auto) KERNEL_CHOICE=jjava ;;
    jjava | ijava | rapaio) ;;
    *) die "--kernel must be jjava (the default), ijava or rapaio, not '$KERNEL_CHOICE'" ;;
  esac
  [[ "$KERNEL_NAME" =~ ^[a-z0-9][a-z0-9._-]*$ ]] ||
    die "--kernel-name must be a kernelspec name (lower-case letters, digits, . _ -), not '$KERNEL_NAME'"
}

list_jdks() {
  local d found=""
  for d in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    [ -x "$d/bin/javac" ] && found="$found ${d%/}"
  done
  echo "${found:- none under /usr/lib/jvm}"
}

java_fix_lines() {
  echo "Fix: install a JDK 17+ (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless), then either"
  echo "       export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; export PATH=\"\$JAVA_HOME/bin:\$PATH\""
  echo "     or make it the default: sudo update-alternatives --config java; sudo update-alternatives --config javac"
  echo "JDKs on this machine:$(list_jdks)"
}

check_jdk() {
  local cmd origin out version major modules lines
  if [ -n "${JAVA_HOME:-}" ]; then
    cmd="$JAVA_HOME/bin/java"
    origin="JAVA_HOME=$JAVA_HOME"
    [ -x "$cmd" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java" \
      "Fix: point JAVA_HOME at a JDK 17+ folder (export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64) or unset it" \
      "JDKs on this machine:$(list_jdks)"
  else
    cmd=$(command -v java) || {
      mapfile -t lines < <(java_fix_lines)
      die "no java on the PATH; the course needs a JDK 17 or newer" "${lines[@]}"
    }
    origin="PATH"
  fi
  JAVA_BIN=$(readlink -f "$cmd")
  out=$("$JAVA_BIN" -version 2>&1) || true
  version=$(printf '%s\n' "$out" | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$version" in
    1.*) major=$(echo "$version" | cut -d. -f2) ;;
    *) major=${version%%[!0-9]*} ;;
  esac
  if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    mapfile -t lines < <(java_fix_lines)
    die "the java from $origin ($cmd -> $JAVA_BIN) is Java ${version:-of unknown version}; the course needs a JDK 17 or newer" \
      "${lines[@]}"
  fi
  modules=$("$JAVA_BIN" --list-modules 2>/dev/null) || true
  if [ ! -x "$(dirname "$JAVA_BIN")/javac" ] || ! grep -q '^jdk\.jshell@' <<<"$modules"; then
    die "$JAVA_BIN is a Java runtime (JRE) without javac or the jdk.jshell module; the Java kernels need a full JDK" \
      "Fix: install the JDK (Debian/Ubuntu: sudo apt-get install openjdk-$major-jdk-headless) and point JAVA_HOME or the PATH at it" \
      "JDKs on this machine:$(list_jdks)"
  fi
  say "JDK $version ($JAVA_BIN, from $origin) ok"
}

check_maven() {
  local mvn out version java
  mvn=$(command -v mvn) || die "Maven (mvn) is not on the PATH" \
    "Fix: sudo apt-get install maven   (or install Maven 3.6.3+ from maven.apache.org and put its bin/ on the PATH)"
  out=$(mvn -v 2>&1 | sed 's/\x1b\[[0-9;]*m//g') || die "'mvn -v' failed:" "$out"
  version=$(printf '%s\n' "$out" | sed -n 's/^Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n 1)
  if [ -z "$version" ] || [ "$(printf '%s\n3.6.3\n' "$version" | sort -V | head -n 1)" != 3.6.3 ]; then
    die "Maven ${version:-of unknown version} ($mvn); the build needs Maven 3.6.3 or newer" \
      "Fix: sudo apt-get install maven (Debian 11+/Ubuntu 22.04+ ship 3.6.3+), or install it from maven.apache.org"
  fi
  java=$(printf '%s\n' "$out" | sed -n 's/^Java version: \([0-9][0-9]*\).*/\1/p' | head -n 1)
  if [ -n "$java" ] && [ "$java" -lt 17 ]; then
    die "Maven runs on Java $java (see 'mvn -v'); it must use the JDK 17+ checked above" \
      "Fix: export JAVA_HOME=$(dirname "$(dirname "$JAVA_BIN")") (and check ~/.mavenrc and /etc/mavenrc)"
  fi
  say "Maven $version ($mvn, on Java ${java:-?}) ok"
}

# Sets PY (and PY_NBCLIENT, PY_NOTEBOOK) when Python $1 imports the Jupyter libraries; else returns 1.
PROBE='import sys, nbclient, nbconvert, nbformat, jupyter_client
try:
    import notebook; nb = notebook.__version__
except ImportError:
    nb = "-"
print(sys.executable, nbclient.__version__, nb)'
probe_python() {
  local out
  out=$("$1" -c "$PROBE" 2>/dev/null) && [ -n "$out" ] || return 1
  read -r PY PY_NBCLIENT PY_NOTEBOOK <<<"$out"
}

# install_debs PACKAGE... : apt-get install (with sudo when not root), or die saying what to run.
install_debs() {
  local sudo=() log began
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "installing $* needs root, and sudo is missing" \
      "Fix: as root run: apt-get update && apt-get install -y --no-install-recommends $*"
    sudo=(sudo)
    [ -t 0 ] && [ "${CI:-}" != true ] || sudo=(sudo -n)
  fi
  log=$(mktemp "${TMPDIR:-/tmp}/softmax-course-apt.XXXXXX")
  say "installing Debian's packages: $*"
  began=$(now)
  if ! { ${sudo[@]+"${sudo[@]}"} apt-get update -q && ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "$@"; } >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    die "apt-get could not install $* (full log: $log)" \
      "Fix: run: sudo apt-get update && sudo apt-get install -y --no-install-recommends $*"
  fi
  rm -f "$log"
  say "installed in $(since "$began") s"
}

# The Python that creates .venv/: python3 3.9+ with the venv module (Debian: python3-venv).
venv_base_python() {
  local py
  py=$(command -v python3) || die "python3 is not on the PATH" \
    "Fix: Debian/Ubuntu: sudo apt-get install python3 python3-venv; macOS: brew install python@3.11"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' ||
    die "$py is Python $("$py" -c 'import platform; print(platform.python_version())'); the course needs 3.9 or newer" \
      "Fix: install a newer python3 (Debian 12/Ubuntu 22.04 ship 3.11/3.10) or put one first on the PATH"
  if ! "$py" -c 'import venv, ensurepip' 2>/dev/null; then
    if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
      say "$py cannot create virtual environments (Debian keeps that in python3-venv)"
      install_debs python3-venv
    else
      die "$py has no venv/ensurepip module, so it cannot create .venv/" \
        "Fix: install your Python's venv support (it is part of python.org's and Homebrew's Python)"
    fi
  fi
  echo "$py"
}

# Creates or updates .venv/ from bin/lib/requirements.lock (pip, hash-checked), then sets PY.
ensure_venv() {
  local want have base began log
  want=$(sha256sum "$LOCK" 2>/dev/null | cut -d' ' -f1) || die "cannot read $LOCK"
  have=$(cat "$VENV/.softmax-course-lock" 2>/dev/null || true)
  if [ "$want" = "$have" ] && [ -x "$VENV/bin/python" ] && probe_python "$VENV/bin/python"; then
    say "Python environment .venv/ matches bin/lib/requirements.lock: $PY (nbclient $PY_NBCLIENT, notebook $PY_NOTEBOOK)"
    return
  fi
  began=$(now)
  if [ ! -x "$VENV/bin/python" ]; then
    base=$(venv_base_python)
    say "creating the Python environment .venv/ with $base ($("$base" -V 2>&1))"
    "$base" -m venv "$VENV" || die "'$base -m venv $VENV' failed" \
      "Fix: remove $VENV and run this again; on Debian/Ubuntu: sudo apt-get install python3-venv"
  fi
  log="$VENV/pip-install.log"
  say "installing the pinned packages of bin/lib/requirements.lock into .venv/ ($(grep -c '^[A-Za-z0-9]' "$LOCK") packages, hash-checked; log: .venv/pip-install.log)"
  if ! "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input --require-hashes --no-deps \
    -r "$LOCK" >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    die "pip could not install bin/lib/requirements.lock into .venv/ (full log: $log)" \
      "Fix: check that pip reaches PyPI (proxy: export HTTPS_PROXY=...), then run this again." \
      "Offline on Debian/Ubuntu: sudo apt-get install jupyter-notebook python3-nbclient jupyter-nbconvert," \
      "     then run with SOFTMAX_COURSE_PYTHON=/usr/bin/python3 (Debian's Jupyter; see README)"
  fi
  probe_python "$VENV/bin/python" || die ".venv/ was installed but cannot import nbclient and nbconvert" \
    "Fix: rm -rf $VENV and run this again (log: $log)"
  echo "$want" >"$VENV/.softmax-course-lock"
  say "Python environment ready in $(since "$began") s: $PY (nbclient $PY_NBCLIENT, notebook $PY_NOTEBOOK)"
}

check_jupyter() {
  local mode=$1
  if [ -z "${SOFTMAX_COURSE_PYTHON:-}" ]; then
    ensure_venv
    return
  fi
  # The documented offline fallback: a Python the user names, e.g. Debian's with its Jupyter.
  probe_python "$SOFTMAX_COURSE_PYTHON" || die "SOFTMAX_COURSE_PYTHON=$SOFTMAX_COURSE_PYTHON cannot import nbclient, nbconvert, nbformat and jupyter_client" \
    "Fix (Debian/Ubuntu): sudo apt-get install ${JUPYTER_DEBS[*]}   (or unset SOFTMAX_COURSE_PYTHON to use .venv/)"
  if [ "$mode" = start ] && [ "$PY_NOTEBOOK" = - ]; then
    die "$PY has nbclient but not the notebook server" "Fix: sudo apt-get install jupyter-notebook (or unset SOFTMAX_COURSE_PYTHON)"
  fi
  say "Jupyter: $PY from SOFTMAX_COURSE_PYTHON (nbclient $PY_NBCLIENT, notebook ${PY_NOTEBOOK/#-/not installed}; not the pinned .venv/)"
}

ensure_course_jar() {
  local jar="$ROOT/lib/target/softmax-course.jar" why="" began log
  if [ ! -f "$jar" ]; then
    why="missing"
  elif [ ! -d "$ROOT/lib/target/softmax-course" ] || [ "$jar" -nt "$ROOT/lib/target/softmax-course" ]; then
    why="not unpacked into lib/target/softmax-course/ (the folder the notebooks' %classpath loads)"
  elif [ -n "$(find "$ROOT/pom.xml" "$ROOT/lib/pom.xml" "$ROOT/lib/src" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    why="older than the sources"
  fi
  if [ -z "$why" ]; then
    say "course jar lib/target/softmax-course.jar (unpacked: lib/target/softmax-course/) is up to date"
    return
  fi
  say "course jar is $why: mvn -B -q package -DskipTests -DskipNotebooks"
  began=$(now)
  log=$(mktemp "${TMPDIR:-/tmp}/softmax-course-build.XXXXXX")
  (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -DskipNotebooks) >"$log" 2>&1 || {
    grep -E '^\[(ERROR|WARNING)\]' "$log" | head -n 30 >&2
    die "building the course jar failed (full log: $log)" "Fix: run 'mvn package' in $ROOT and fix the first error"
  }
  rm -f "$log"
  say "course jar built in $(since "$began") s"
}

# ------------------------------------------------------------------ the Java kernel

STAGE_ROOT=""
cleanup_staging() {
  if [ -n "$STAGE_ROOT" ] && [ -d "$STAGE_ROOT" ]; then
    rm -rf "$STAGE_ROOT"
    say "removed the staging folder $STAGE_ROOT; the installed kernelspec (if any) is untouched"
  fi
  STAGE_ROOT=""
}

# fetch_ijava STAGE_ROOT VERSION -> 0, or 1 with IJAVA_WHY set
fetch_ijava() {
  local stage_root=$1 version=$2 zip url out
  zip="$stage_root/ijava-$version.zip"
  url="https://github.com/SpencerPark/IJava/releases/download/v$version/ijava-$version.zip"
  if [ -n "${SOFTMAX_COURSE_IJAVA_ZIP:-}" ]; then
    say "IJava $version: using the local copy SOFTMAX_COURSE_IJAVA_ZIP=$SOFTMAX_COURSE_IJAVA_ZIP"
    cp "$SOFTMAX_COURSE_IJAVA_ZIP" "$zip" || { IJAVA_WHY="cannot read $SOFTMAX_COURSE_IJAVA_ZIP"; return 1; }
  else
    say "IJava $version: downloading its release zip $url (10 s connect time-out)"
    out=$("$PY" "$HELPER" download "$url" "$zip" --timeout 10) || {
      IJAVA_WHY="release site unreachable ($out)"
      return 1
    }
  fi
  out=$("$PY" "$HELPER" unpack-ijava "$zip" "$stage_root" "$version") || {
    IJAVA_WHY="the zip is not the expected IJava release: $out"
    return 1
  }
  say "IJava $version: no checksum is published for this zip, so none was checked;" \
    "checked that it is an intact zip (CRCs) holding java/kernel.json and java/ijava-$version.jar"
  return 0
}

fetch_rapaio() {
  local stage=$1 version=$2 log
  if [ -n "${SOFTMAX_COURSE_RAPAIO_JAR:-}" ]; then
    say "rapaio $version: using the local copy SOFTMAX_COURSE_RAPAIO_JAR=$SOFTMAX_COURSE_RAPAIO_JAR"
    cp "$SOFTMAX_COURSE_RAPAIO_JAR" "$stage/rapaio-jupyter-kernel-$version.jar" ||
      die "cannot read SOFTMAX_COURSE_RAPAIO_JAR=$SOFTMAX_COURSE_RAPAIO_JAR"
    return
  fi
  say "rapaio $version: fetching io.github.padreati:rapaio-jupyter-kernel:$version from Maven Central"
  log="$STAGE_ROOT/maven.log"
  (cd "$ROOT" && mvn -B -q -ntp -pl notebooks dependency:copy@rapaio-kernel -Dkernel.download.dir="$stage") >"$log" 2>&1 || {
    tail -n 20 "$log" >&2
    die "Maven could not fetch the rapaio kernel" \
      "Fix: check that Maven reaches Maven Central (proxy settings in ~/.m2/settings.xml), then run this again"
  }
  [ -f "$stage/rapaio-jupyter-kernel-$version.jar" ] || die "Maven did not produce $stage/rapaio-jupyter-kernel-$version.jar"
}

# fetch_jjava STAGE VERSION: copies the jjava wheel's jjava.jar (checked against the wheel's
# RECORD hash) into STAGE; reinstalls the wheel from the lock when the jar is gone or changed.
fetch_jjava() {
  local stage=$1 version=$2 jar why log
  if ! jar=$("$PY" "$HELPER" jjava-jar "$version"); then
    why=$jar
    [ -z "${SOFTMAX_COURSE_PYTHON:-}" ] || die "JJava $version is not usable in $PY: $why" \
      "Fix: $PY -m pip install jjava==$version   (or unset SOFTMAX_COURSE_PYTHON to use the pinned .venv/)"
    say "JJava $version: $why; reinstalling the jjava wheel from bin/lib/requirements.lock"
    log="$STAGE_ROOT/pip.log"
    awk '/^jjava==/{p=1; print; next} p && /^ /{print; next} {p=0}' "$LOCK" >"$STAGE_ROOT/jjava.lock"
    "$PY" -m pip install --disable-pip-version-check --no-input --require-hashes --no-deps --force-reinstall \
      -r "$STAGE_ROOT/jjava.lock" >"$log" 2>&1 || {
      tail -n 15 "$log" >&2
      die "pip could not reinstall jjava $version" "Fix: check that pip reaches PyPI, then run this again"
    }
    jar=$("$PY" "$HELPER" jjava-jar "$version") || die "JJava $version: $jar, even after reinstalling the wheel"
  fi
  cp "$jar" "$stage/jjava.jar"
  say "JJava $version: jjava.jar from the pinned jjava wheel ($jar; sha256 checked against the wheel's RECORD)"
}

# install_kernel NAME CHOICE: makes kernelspec NAME run kernel CHOICE (jjava, ijava or rapaio),
# smoke-tested before it replaces what was there.
install_kernel() {
  local name=$1 choice=$2
  local jjava_version ijava_version rapaio_version status kind version why jar_name template="" stage began backup=""
  jjava_version=$(sed -n 's/^jjava==\([^ ]*\).*/\1/p' "$LOCK")
  ijava_version=$(pom_property ijava.version)
  rapaio_version=$(pom_property rapaio.kernel.version)
  status=$("$PY" "$HELPER" status --name "$name" --java "$JAVA_BIN" --choice "$choice" --jjava-version "$jjava_version" \
    --ijava-version "$ijava_version" --rapaio-version "$rapaio_version") ||
    die "cannot read the installed kernelspecs with $PY"
  # K_KIND is set by the eval too (unused here; local so it does not leak)
  # shellcheck disable=SC2034
  local K_DATA_DIR K_DEST K_FOUND K_STATE K_DETAIL K_KIND
  eval "$status"
  case "$K_STATE" in
    ok)
      say "kernel: '$name' at $K_DEST is $K_DETAIL; ok"
      return 0
      ;;
    shadowed)
      die "$K_DETAIL" \
        "Fix: remove that kernelspec (jupyter kernelspec remove $name) or unset JUPYTER_PATH, then run this again"
      ;;
    missing) [ -n "$K_FOUND" ] && say "note: $K_DETAIL" ;;
    *) say "kernel: replacing the '$name' kernelspec at $K_DEST: $K_DETAIL" ;;
  esac

  began=$(now)
  mkdir -p "$K_DATA_DIR/kernels"
  # Left by a run that was killed (SIGKILL skips the trap); a younger one may be another run's.
  find "$K_DATA_DIR/kernels" -maxdepth 1 -name '.java-staging.*' -mmin +60 -exec rm -rf {} +
  STAGE_ROOT=$(mktemp -d "$K_DATA_DIR/kernels/.java-staging.XXXXXX")
  trap 'cleanup_staging' EXIT
  trap 'exit 130' INT TERM
  stage="$STAGE_ROOT/$name"
  mkdir -p "$stage"

  kind=$choice
  case "$kind" in
    jjava)
      version=$jjava_version
      jar_name=jjava.jar
      why="the default kernel, from the pinned jjava wheel"
      fetch_jjava "$stage" "$version"
      ;;
    ijava)
      version=$ijava_version
      jar_name="ijava-$version.jar"
      template="$STAGE_ROOT/ijava-kernel.json"
      why="asked for with --kernel=ijava"
      IJAVA_WHY=""
      fetch_ijava "$STAGE_ROOT" "$version" || die "cannot install IJava $version: $IJAVA_WHY" \
        "Fix: download ijava-$version.zip elsewhere and set SOFTMAX_COURSE_IJAVA_ZIP=/path/to/it," \
        "     or use the default kernel, JJava (--kernel=jjava)"
      # fetch_ijava unpacks into $STAGE_ROOT/java; the kernelspec folder is named after NAME.
      [ "$stage" = "$STAGE_ROOT/java" ] || { rm -rf "$stage" && mv "$STAGE_ROOT/java" "$stage"; }
      [ -n "${SOFTMAX_COURSE_IJAVA_ZIP:-}" ] && why="$why, from the local copy SOFTMAX_COURSE_IJAVA_ZIP"
      ;;
    rapaio)
      version=$rapaio_version
      jar_name="rapaio-jupyter-kernel-$version.jar"
      why="asked for with --kernel=rapaio (opt-in fallback; it hangs at start now and then, see README)"
      fetch_rapaio "$stage" "$version"
      [ -n "${SOFTMAX_COURSE_RAPAIO_JAR:-}" ] && why="$why, from the local copy SOFTMAX_COURSE_RAPAIO_JAR"
      ;;
  esac

  # Smoke-test the staged kernelspec, then point it at its final place and swap it in.
  "$PY" "$HELPER" write-json "$stage" --java "$JAVA_BIN" --jar-dir "$stage" --jar-name "$jar_name" \
    --kind "$kind" --version "$version" --why "$why" ${template:+--template "$template"}
  say "kernel: smoke-testing the staged $kind $version kernelspec '$name' (60 s start time-out, up to 2 retries)"
  "$PY" "$HELPER" smoke "$STAGE_ROOT" --name "$name" --timeout 60 --retries 2 --log "$STAGE_ROOT/kernel.log" || {
    tail -n 15 "$STAGE_ROOT/kernel.log" | sed 's/^/[kernel log] /' >&2
    die "the staged $kind kernel did not run 1 + 1; nothing was installed" \
      "Fix: see the kernel log above; check that $JAVA_BIN runs, that nothing blocks connections on 127.0.0.1," \
      "     and try another kernel: --kernel=$([ "$kind" = rapaio ] && echo jjava || echo rapaio)"
  }
  "$PY" "$HELPER" write-json "$stage" --java "$JAVA_BIN" --jar-dir "$K_DEST" --jar-name "$jar_name" \
    --kind "$kind" --version "$version" --why "$why" ${template:+--template "$template"}
  if [ -e "$K_DEST" ]; then
    if [ "$K_STATE" = foreign ] && ! [ -f "$K_DEST/jjava-launcher.jar" ]; then
      backup="$K_DATA_DIR/softmax-course-backup/$name-$(date +%Y%m%d-%H%M%S)"
      mkdir -p "$(dirname "$backup")"
      say "kernel: moving the existing '$name' kernelspec (not ours) to $backup"
    else
      # ours, or the jjava wheel's own kernelspec (its jar now lives on in ours, unchanged)
      backup="$STAGE_ROOT/previous"
    fi
    mv "$K_DEST" "$backup"
  fi
  if ! mv "$stage" "$K_DEST"; then
    [ -n "$backup" ] && mv "$backup" "$K_DEST"
    die "could not move the kernelspec into $K_DEST; the previous one (if any) is back in place"
  fi
  if [ "$kind" = jjava ]; then
    "$PY" "$HELPER" cds "$K_DEST" --name "$name" --log "$STAGE_ROOT/cds.log" ||
      say "note: JJava works without its class-data archive, it only starts slower (about 2.8 s instead of 1.2 s)"
  fi
  trap - EXIT INT TERM
  rm -rf "$STAGE_ROOT"
  STAGE_ROOT=""
  say "kernel: installed $kind $version as kernelspec '$name' in $K_DEST ($why) in $(since "$began") s"
}

setup_main() {
  local mode=$1 began
  shift
  began=$(now)
  parse_setup_args "$@"
  check_jdk
  check_maven
  check_jupyter "$mode"
  [ "$mode" = start ] && ensure_course_jar
  install_kernel "$KERNEL_NAME" "$KERNEL_CHOICE"
  say "ready in $(since "$began") s"
}

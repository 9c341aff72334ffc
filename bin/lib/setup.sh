# shellcheck shell=bash
# Shared set-up of bin/setup, bin/start and bin/test; source it, then call setup_main.
#
#   setup_main MODE [ARGS...]     MODE: start (needs the notebook server and the course jar)
#                                       test  (needs nbclient/nbconvert; Maven builds the jar)
#
# It checks the JDK, Maven and Jupyter, installs what is missing (Jupyter from Debian's
# packages, the Java kernel as kernelspec `java`) and sets:
#   ROOT        the repository root
#   JAVA_BIN    the checked java (absolute; JAVA_HOME's if set, as Maven does)
#   PY          a Python that imports nbclient, nbconvert, nbformat and jupyter_client
#   SETUP_REST  the arguments it did not consume (for jupyter or Maven)
# Options it consumes: --kernel=auto|ijava|rapaio (or --kernel X).
# Environment: SOFTMAX_COURSE_PYTHON (a Python to try first), SOFTMAX_COURSE_IJAVA_ZIP and
# SOFTMAX_COURSE_RAPAIO_JAR (local copies to install instead of downloading).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HELPER="$ROOT/bin/lib/java_kernel.py"
JUPYTER_DEBS=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook)
KERNEL_CHOICE=auto
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
      --kernel)
        [ $# -ge 2 ] || die "--kernel needs a value: auto, ijava or rapaio"
        KERNEL_CHOICE=$2
        shift
        ;;
      *) SETUP_REST+=("$1") ;;
    esac
    shift
  done
  case "$KERNEL_CHOICE" in
    auto | ijava | rapaio) ;;
    *) die "--kernel must be auto, ijava or rapaio, not '$KERNEL_CHOICE'" ;;
  esac
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

# Sets PY to a Python that imports the Jupyter client libraries (and PY_VERSIONS), or returns 1.
PROBE='import sys, nbclient, nbconvert, nbformat, jupyter_client
try:
    import notebook; nb = notebook.__version__
except ImportError:
    nb = "-"
print(sys.executable, nbclient.__version__, nb)'
find_python() {
  local candidates=() c j interp out
  [ -n "${SOFTMAX_COURSE_PYTHON:-}" ] && candidates+=("$SOFTMAX_COURSE_PYTHON")
  command -v python3 >/dev/null 2>&1 && candidates+=("$(command -v python3)")
  candidates+=(/usr/bin/python3)
  if j=$(command -v jupyter 2>/dev/null); then
    interp=$(head -n 1 "$j" | sed -n 's/^#! *//p')
    case "$interp" in
      */env\ *) candidates+=("${interp##* }") ;;
      ?*) candidates+=("${interp%% *}") ;;
    esac
  fi
  for c in "${candidates[@]}"; do
    if out=$("$c" -c "$PROBE" 2>/dev/null) && [ -n "$out" ]; then
      read -r PY PY_NBCLIENT PY_NOTEBOOK <<<"$out"
      return 0
    fi
  done
  return 1
}

install_jupyter_debs() {
  local sudo=() log
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "installing Jupyter needs root, and sudo is missing" \
      "Fix: as root run: apt-get update && apt-get install -y --no-install-recommends ${JUPYTER_DEBS[*]}"
    sudo=(sudo)
    [ -t 0 ] && [ "${CI:-}" != true ] || sudo=(sudo -n)
  fi
  log=$(mktemp "${TMPDIR:-/tmp}/softmax-course-apt.XXXXXX")
  say "installing Jupyter from Debian's packages: ${JUPYTER_DEBS[*]}"
  local began
  began=$(now)
  if ! { ${sudo[@]+"${sudo[@]}"} apt-get update -q && ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${JUPYTER_DEBS[@]}"; } >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    die "apt-get could not install Jupyter (full log: $log)" \
      "Fix: run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${JUPYTER_DEBS[*]}"
  fi
  rm -f "$log"
  say "Jupyter installed in $(since "$began") s"
}

check_jupyter() {
  local mode=$1
  if ! find_python; then
    if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
      say "no Python here imports nbclient, nbconvert, nbformat and jupyter_client (tried python3, /usr/bin/python3, jupyter's)"
      install_jupyter_debs
      find_python || die "Jupyter was installed but /usr/bin/python3 still cannot import nbclient and nbconvert" \
        "Fix: check 'apt-cache policy python3-nbclient jupyter-nbconvert' and 'which -a python3'"
    else
      die "no Python here imports nbclient, nbconvert, nbformat and jupyter_client, and this is not Debian/Ubuntu" \
        "Fix: python3 -m pip install notebook nbclient nbconvert   (then run this command again;" \
        "     or set SOFTMAX_COURSE_PYTHON to a Python that has them)"
    fi
  fi
  if [ "$mode" = start ] && [ "$PY_NOTEBOOK" = - ]; then
    if [ "$PY" = /usr/bin/python3 ] && command -v apt-get >/dev/null 2>&1; then
      install_jupyter_debs
      find_python
    fi
    [ "$PY_NOTEBOOK" != - ] || die "$PY has nbclient but not the notebook server" "Fix: $PY -m pip install notebook"
  fi
  say "Jupyter: $PY (nbclient $PY_NBCLIENT, notebook server ${PY_NOTEBOOK/#-/not installed}) ok"
}

ensure_course_jar() {
  local jar="$ROOT/lib/target/softmax-course.jar" why="" began log
  if [ ! -f "$jar" ]; then
    why="missing"
  elif [ -n "$(find "$ROOT/pom.xml" "$ROOT/lib/pom.xml" "$ROOT/lib/src" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    why="older than the sources"
  fi
  if [ -z "$why" ]; then
    say "course jar lib/target/softmax-course.jar is up to date"
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

install_kernel() {
  local ijava_version rapaio_version status kind version why jar_name template="" stage began backup=""
  ijava_version=$(pom_property ijava.version)
  rapaio_version=$(pom_property rapaio.kernel.version)
  status=$("$PY" "$HELPER" status --java "$JAVA_BIN" --choice "$KERNEL_CHOICE" \
    --ijava-version "$ijava_version" --rapaio-version "$rapaio_version") ||
    die "cannot read the installed kernelspecs with $PY"
  local K_DATA_DIR K_DEST K_FOUND K_STATE K_DETAIL K_KIND
  eval "$status"
  case "$K_STATE" in
    ok)
      say "kernel: 'java' at $K_DEST is $K_DETAIL; ok"
      [ "$K_KIND" = rapaio ] && [ "$KERNEL_CHOICE" = auto ] && say "  (to try IJava again: --kernel=ijava)"
      return 0
      ;;
    shadowed)
      die "$K_DETAIL" \
        "Fix: remove that kernelspec (jupyter kernelspec remove java) or unset JUPYTER_PATH, then run this again"
      ;;
    missing) [ -n "$K_FOUND" ] && say "note: $K_DETAIL" ;;
    *) say "kernel: replacing the 'java' kernelspec at $K_DEST: $K_DETAIL" ;;
  esac

  began=$(now)
  mkdir -p "$K_DATA_DIR/kernels"
  # Left by a run that was killed (SIGKILL skips the trap); a younger one may be another run's.
  find "$K_DATA_DIR/kernels" -maxdepth 1 -name '.java-staging.*' -mmin +60 -exec rm -rf {} +
  STAGE_ROOT=$(mktemp -d "$K_DATA_DIR/kernels/.java-staging.XXXXXX")
  trap 'cleanup_staging' EXIT
  trap 'exit 130' INT TERM
  stage="$STAGE_ROOT/java"
  mkdir -p "$stage"

  kind=$KERNEL_CHOICE
  if [ "$kind" != rapaio ]; then
    IJAVA_WHY=""
    if fetch_ijava "$STAGE_ROOT" "$ijava_version"; then
      kind=ijava
      if [ -n "${SOFTMAX_COURSE_IJAVA_ZIP:-}" ]; then
        why="from the local copy SOFTMAX_COURSE_IJAVA_ZIP"
      elif [ "$KERNEL_CHOICE" = ijava ]; then
        why="asked for with --kernel=ijava"
      else
        why="its release zip was reachable"
      fi
    elif [ "$KERNEL_CHOICE" = ijava ]; then
      die "cannot install IJava $ijava_version: $IJAVA_WHY" \
        "Fix: download ijava-$ijava_version.zip elsewhere and set SOFTMAX_COURSE_IJAVA_ZIP=/path/to/it," \
        "     or use the rapaio kernel from Maven Central: --kernel=rapaio"
    else
      kind=rapaio
      why="fallback, IJava unavailable: $IJAVA_WHY"
      say "IJava unavailable: $IJAVA_WHY; installing the rapaio kernel instead"
      rm -rf "$stage" && mkdir -p "$stage"
    fi
  else
    why="asked for with --kernel=rapaio"
  fi
  [ -n "${SOFTMAX_COURSE_RAPAIO_JAR:-}" ] && [ "$kind" = rapaio ] && why="$why, from the local copy SOFTMAX_COURSE_RAPAIO_JAR"
  if [ "$kind" = ijava ]; then
    version=$ijava_version
    jar_name="ijava-$version.jar"
    template="$STAGE_ROOT/ijava-kernel.json"
  else
    version=$rapaio_version
    jar_name="rapaio-jupyter-kernel-$version.jar"
    fetch_rapaio "$stage" "$version"
  fi

  # Smoke-test the staged kernelspec, then point it at its final place and swap it in.
  "$PY" "$HELPER" write-json "$stage" --java "$JAVA_BIN" --jar-dir "$stage" --jar-name "$jar_name" \
    --kind "$kind" --version "$version" --why "$why" ${template:+--template "$template"}
  say "kernel: smoke-testing the staged $kind $version kernelspec (60 s start time-out, up to 2 retries)"
  "$PY" "$HELPER" smoke "$STAGE_ROOT" --timeout 60 --retries 2 --log "$STAGE_ROOT/kernel.log" || {
    tail -n 15 "$STAGE_ROOT/kernel.log" | sed 's/^/[kernel log] /' >&2
    die "the staged $kind kernel did not run 1 + 1; nothing was installed" \
      "Fix: see the kernel log above; check that $JAVA_BIN runs, that nothing blocks connections on 127.0.0.1," \
      "     and try the other kernel: --kernel=$([ "$kind" = ijava ] && echo rapaio || echo ijava)"
  }
  "$PY" "$HELPER" write-json "$stage" --java "$JAVA_BIN" --jar-dir "$K_DEST" --jar-name "$jar_name" \
    --kind "$kind" --version "$version" --why "$why" ${template:+--template "$template"}
  if [ -e "$K_DEST" ]; then
    if [ "$K_STATE" = foreign ]; then
      backup="$K_DATA_DIR/softmax-course-backup/java-$(date +%Y%m%d-%H%M%S)"
      mkdir -p "$(dirname "$backup")"
      say "kernel: moving the existing 'java' kernelspec (not ours) to $backup"
    else
      backup="$STAGE_ROOT/previous-java"
    fi
    mv "$K_DEST" "$backup"
  fi
  if ! mv "$stage" "$K_DEST"; then
    [ -n "$backup" ] && mv "$backup" "$K_DEST"
    die "could not move the kernelspec into $K_DEST; the previous one (if any) is back in place"
  fi
  trap - EXIT INT TERM
  rm -rf "$STAGE_ROOT"
  STAGE_ROOT=""
  say "kernel: installed $kind $version as kernelspec 'java' in $K_DEST ($why) in $(since "$began") s"
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
  install_kernel
  say "ready in $(since "$began") s"
}

"""Helper of bin/lib/setup.sh for the course's Java kernelspecs (needs jupyter_client).

    status      --name N --java J --choice jjava|ijava|rapaio --jjava-version V --ijava-version V
                --rapaio-version V
                prints shell assignments: DATA_DIR DEST FOUND STATE DETAIL KIND
    jjava-jar   VERSION              the path of the installed jjava wheel's jjava.jar, checked
                                     against the wheel's RECORD hash (exit 1 and why otherwise)
    download    URL FILE             exit 2 (reason on stdout) when the site is unreachable
    unpack-ijava ZIP STAGE_ROOT VERSION
    write-json  KERNEL_DIR --java J --jar-dir D --jar-name N --kind K --version V --why W [--template T]
    smoke       KERNELS_DIR --name N --timeout S --retries N --log F

Kernelspecs go where Jupyter looks first: the environment's share/jupyter/kernels when Jupyter
prefers it (a virtual environment such as .venv/, where the jjava wheel puts its own `java`),
else the user's data folder (JUPYTER_DATA_DIR).

The bash side owns the staging folder and the final rename; this file never
touches an installed kernelspec.
"""

import argparse
import base64
import hashlib
import importlib.metadata
import json
import shlex
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "notebooks" / "tools"))
from kernelstart import KernelStartError, started_kernel  # noqa: E402  (the course's one kernel starter)

META_KEY = "softmax_course"
# What JJava's own launcher jar runs (a second JVM from the PATH's `java`); the course runs it
# directly on the checked java: one JVM less at every start, and the JDK the set-up checked.
JJAVA_JVM_ARGS = ["--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED"]
# Start-up flags of the JJava kernel, measured on 2 loaded cores (notebooks/tools/kernel_bench.py):
# C1 only and the serial GC with a class-data archive of the kernel's own classes (made by
# `cds` below at install) start it in about 1.2 s instead of 2.8 s, and run notebook 09 in
# half the time (JShell compiles every cell; C2 compiling on two busy cores is what costs).
# Without its archive the JVM just starts slower (it notes that in the kernel's log).
JJAVA_FAST_START = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
JJAVA_ARCHIVE = "jjava.jsa"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def kernel_dirs():
    from jupyter_client.kernelspec import KernelSpecManager

    return [str(Path(d)) for d in KernelSpecManager().kernel_dirs]


def own_kernels_dir():
    """The kernels folder Jupyter searches first among those the set-up may write."""
    from jupyter_core.paths import jupyter_data_dir, prefer_environment_over_user

    if prefer_environment_over_user():
        return str(Path(sys.prefix, "share", "jupyter", "kernels"))
    return str(Path(jupyter_data_dir(), "kernels"))


def cmd_status(a):
    own_dir = own_kernels_dir()
    data_dir = str(Path(own_dir).parent)
    dest = str(Path(own_dir, a.name))
    found = ""
    found_dir = ""
    for d in kernel_dirs():
        if Path(d, a.name, "kernel.json").is_file():
            found, found_dir = str(Path(d, a.name)), d
            break
    state, detail, kind = "missing", f"no '{a.name}' kernelspec installed", ""
    if found and found != dest:
        dirs = kernel_dirs()
        if own_dir not in dirs or dirs.index(found_dir) < dirs.index(own_dir):
            state = "shadowed"
            detail = (
                f"Jupyter takes the '{a.name}' kernelspec at {found} before {dest} (it comes first in "
                "JUPYTER_PATH or the environment's share/jupyter)"
            )
        else:
            detail = (
                f"a '{a.name}' kernelspec not installed by this course is at {found}; ours at {dest} "
                "will take precedence"
            )
    if Path(dest, "kernel.json").is_file() and state != "shadowed":
        try:
            spec = json.loads(Path(dest, "kernel.json").read_text(encoding="utf-8"))
        except ValueError as e:
            spec = {}
            detail = f"unreadable {dest}/kernel.json ({e})"
        mine = spec.get("metadata", {}).get(META_KEY)
        if not mine:
            state = "foreign"
            detail = detail if spec == {} else f"{dest} was not installed by this course"
        else:
            kind = mine.get("kernel", "")
            argv = spec.get("argv", [])
            jar = Path(mine.get("jar", ""))
            wanted = {"jjava": a.jjava_version, "ijava": a.ijava_version, "rapaio": a.rapaio_version}.get(kind)
            state = "outdated"
            if not argv or argv[0] != a.java:
                detail = "it runs {}, not the checked {}".format(argv[0] if argv else "nothing", a.java)
            elif not jar.is_file() or sha256(jar) != mine.get("jar_sha256"):
                detail = f"its jar {jar} is missing or changed"
            elif kind == "jjava" and not jar.with_name(JJAVA_ARCHIVE).is_file():
                detail = f"its class-data archive {jar.with_name(JJAVA_ARCHIVE)} is missing"
            elif mine.get("version") != wanted:
                detail = "it is {} {}; the build pins {}".format(kind, mine.get("version"), wanted)
            elif a.choice != kind:
                detail = f"it is {kind}; --kernel={a.choice} asks for the other"
            else:
                state = "ok"
                detail = "{} {}, smoke-tested {} ({})".format(
                    kind, mine.get("version"), mine.get("installed", "?"), mine.get("why", "")
                )
    for name, value in (
        ("DATA_DIR", data_dir),
        ("DEST", dest),
        ("FOUND", found),
        ("STATE", state),
        ("DETAIL", detail),
        ("KIND", kind),
    ):
        print(f"K_{name}={shlex.quote(value)}")
    return 0


def cmd_jjava_jar(a):
    """Prints the installed jjava wheel's jjava.jar when it is intact; exit 1 and why otherwise."""
    try:
        dist = importlib.metadata.distribution("jjava")
    except importlib.metadata.PackageNotFoundError:
        print(f"the jjava package is not installed in {sys.prefix}")
        return 1
    if dist.version != a.version:
        print(f"jjava {dist.version} is installed; the lock pins {a.version}")
        return 1
    for f in dist.files or []:
        if f.name != "jjava.jar":
            continue
        path = Path(f.locate()).resolve()
        if not path.is_file():
            print(f"{path} is missing (the 'java' kernelspec was replaced by another kernel)")
            return 1
        if f.hash is None or f.hash.mode != "sha256":
            print(f"the wheel's RECORD has no sha256 for {path}")
            return 1
        digest = base64.urlsafe_b64encode(bytes.fromhex(sha256(path))).rstrip(b"=").decode()
        if digest != f.hash.value:
            print(f"{path} differs from the jjava {dist.version} wheel (sha256 mismatch)")
            return 1
        print(path)
        return 0
    print(f"the jjava {dist.version} wheel lists no jjava.jar")
    return 1


def cmd_download(a):
    req = urllib.request.Request(a.url, headers={"User-Agent": "softmax-course-setup"})
    try:
        with urllib.request.urlopen(req, timeout=a.timeout) as r, open(a.file, "wb") as f:
            while True:
                block = r.read(1 << 20)
                if not block:
                    break
                f.write(block)
    except Exception as e:  # DNS failure, refused, time-out, HTTP error: all mean "not reachable"
        reason = getattr(e, "reason", None) or e
        print(f"{type(e).__name__}: {reason}")
        return 2
    return 0


def cmd_unpack_ijava(a):
    jar_member = f"java/ijava-{a.version}.jar"
    wanted = ("java/kernel.json", jar_member)
    try:
        with zipfile.ZipFile(a.zip) as z:
            names = z.namelist()
            missing = [m for m in wanted if m not in names]
            if missing:
                print("the zip lacks {} (it holds: {})".format(", ".join(missing), ", ".join(names[:20])))
                return 1
            bad = z.testzip()
            if bad:
                print(f"the zip is corrupt: CRC error in {bad}")
                return 1
            stage_root = Path(a.stage_root)
            (stage_root / "java").mkdir(exist_ok=True)
            (stage_root / "ijava-kernel.json").write_bytes(z.read("java/kernel.json"))
            (stage_root / "java" / Path(jar_member).name).write_bytes(z.read(jar_member))
    except zipfile.BadZipFile as e:
        print(f"not a zip file: {e}")
        return 1
    try:
        template = json.loads((Path(a.stage_root) / "ijava-kernel.json").read_text(encoding="utf-8"))
    except ValueError as e:
        print(f"java/kernel.json in the zip is not JSON: {e}")
        return 1
    if "{connection_file}" not in template.get("argv", []) or "-jar" not in template.get("argv", []):
        print("java/kernel.json in the zip has an unexpected argv: {}".format(template.get("argv")))
        return 1
    return 0


def kernel_argv(java, jar, template, kind="rapaio"):
    """argv of the kernelspec: the checked java, -jar, the absolute jar, {connection_file}.

    JJava needs its JVM options before -jar (those its launcher jar would pass).

    For IJava the zip's own kernel.json is the template: its `java` becomes the checked
    java, its @KERNEL_INSTALL_DIRECTORY@/<jar> the absolute jar, and any JVM option it
    lists stays where it is.
    """
    if template is None and kind == "jjava":
        archive = str(Path(jar).with_name(JJAVA_ARCHIVE))
        return [
            java,
            *JJAVA_FAST_START,
            "-XX:SharedArchiveFile=" + archive,
            *JJAVA_JVM_ARGS,
            "-jar",
            jar,
            "{connection_file}",
        ]
    if template is None:
        return [java, "-jar", jar, "{connection_file}"]
    argv = []
    for arg in template["argv"]:
        if arg == "java":
            argv.append(java)
        elif "@KERNEL_INSTALL_DIRECTORY@" in arg:
            argv.append(jar)
        else:
            argv.append(arg)
    if argv[0] != java or jar not in argv or "{connection_file}" not in argv:
        raise ValueError("cannot adapt IJava's argv {}".format(template["argv"]))
    return argv


def cmd_write_json(a):
    template = json.loads(Path(a.template).read_text(encoding="utf-8")) if a.template else None
    kernel_dir = Path(a.kernel_dir)
    jar = str(Path(a.jar_dir, a.jar_name))
    spec = {
        "argv": kernel_argv(a.java, jar, template, a.kind),
        "display_name": "Java" if a.kind == "jjava" else f"Java ({a.kind} {a.version})",
        "language": "java",
        "interrupt_mode": (template or {}).get("interrupt_mode", "message"),
        "env": (template or {}).get("env", {}),
        "metadata": {
            META_KEY: {
                "kernel": a.kind,
                "version": a.version,
                "jar": jar,
                "jar_sha256": sha256(kernel_dir / a.jar_name),
                "java": a.java,
                "why": a.why,
                "installed": time.strftime("%Y-%m-%d %H:%M:%S"),
            }
        },
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    return 0


def smoke_once(kc):
    """Runs 1 + 1 on a started kernel; returns (texts, error)."""
    msg_id = kc.execute("1 + 1")
    texts, error = [], None
    deadline = time.monotonic() + 60
    while True:
        msg = kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind in ("execute_result", "display_data"):
            texts += [str(v) for k, v in content["data"].items() if k.startswith("text/")]
        elif kind == "stream":
            texts.append(content["text"])
        elif kind == "error":
            error = "{}: {}".format(content.get("ename"), content.get("evalue"))
        elif kind == "status" and content["execution_state"] == "idle":
            return texts, error


def cmd_cds(a):
    """Writes KERNEL_DIR/jjava.jsa: a dynamic class-data archive of one JJava start and 1 + 1."""
    import tempfile

    kernel_dir = Path(a.kernel_dir)
    spec = json.loads((kernel_dir / "kernel.json").read_text(encoding="utf-8"))
    archive = kernel_dir / JJAVA_ARCHIVE
    partial = kernel_dir / (JJAVA_ARCHIVE + ".partial")
    partial.unlink(missing_ok=True)
    argv = [
        "-XX:ArchiveClassesAtExit=" + str(partial) if arg.startswith("-XX:SharedArchiveFile=") else arg
        for arg in spec["argv"]
    ]
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as kernels:
        Path(kernels, a.name).mkdir()
        Path(kernels, a.name, "kernel.json").write_text(json.dumps({**spec, "argv": argv}), encoding="utf-8")
        try:
            with (
                open(a.log, "ab") as sink,
                started_kernel(
                    a.name,
                    kernel_dirs=[kernels],
                    timeout=60,
                    retries=1,
                    output=sink,
                    label="class-data archive",
                    log=lambda line: print("[setup] " + line, flush=True),
                ) as (km, kc, _report),
            ):
                smoke_once(kc)
                # A clean exit writes the archive: ask the kernel to stop, and wait for its JVM.
                km.shutdown_kernel(now=False)
        except KernelStartError as e:
            print(f"[setup] class-data archive: the kernel did not start ({e}); JJava starts without it")
            return 1
    if not partial.is_file():
        print(f"[setup] class-data archive: the JVM wrote none (see {a.log}); JJava starts without it")
        return 1
    partial.replace(archive)
    size_mb = archive.stat().st_size / 1e6
    print(f"[setup] class-data archive {archive} ({size_mb:.0f} MB) written in {time.monotonic() - began:.1f} s")
    return 0


def cmd_smoke(a):
    began = time.monotonic()
    try:
        with (
            open(a.log, "ab") as sink,
            started_kernel(
                a.name,
                kernel_dirs=[a.kernels_dir],
                timeout=a.timeout,
                retries=a.retries,
                output=sink,
                label="kernel smoke test",
                log=lambda line: print("[setup] " + line, flush=True),
            ) as (_km, kc, report),
        ):
            texts, error = smoke_once(kc)
    except KernelStartError as e:
        print(f"[setup] kernel smoke test failed {len(e.failures)} times: {e.failures[-1]}")
        return 1
    if error or not any(t.strip() == "2" or ">2<" in t for t in texts):
        print(f"[setup] kernel smoke test: 1 + 1 gave {error or texts or 'no output'}")
        return 1
    after = f", after {report.retries} retries" if report.retries else ""
    total = time.monotonic() - began
    print(f"[setup] kernel smoke test: 1 + 1 = 2 (kernel ready in {report.seconds:.1f} s, {total:.1f} s in all{after})")
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("status")
    s.add_argument("--name", required=True)
    s.add_argument("--java", required=True)
    s.add_argument("--choice", required=True)
    s.add_argument("--jjava-version", required=True)
    s.add_argument("--ijava-version", required=True)
    s.add_argument("--rapaio-version", required=True)
    s = sub.add_parser("jjava-jar")
    s.add_argument("version")
    s = sub.add_parser("download")
    s.add_argument("url")
    s.add_argument("file")
    s.add_argument("--timeout", type=float, default=10)
    s = sub.add_parser("unpack-ijava")
    s.add_argument("zip")
    s.add_argument("stage_root")
    s.add_argument("version")
    s = sub.add_parser("write-json")
    s.add_argument("kernel_dir")
    for opt in ("--java", "--jar-dir", "--jar-name", "--kind", "--version", "--why"):
        s.add_argument(opt, required=True)
    s.add_argument("--template")
    s = sub.add_parser("cds")
    s.add_argument("kernel_dir")
    s.add_argument("--name", required=True)
    s.add_argument("--log", required=True)
    s = sub.add_parser("smoke")
    s.add_argument("kernels_dir")
    s.add_argument("--name", required=True)
    s.add_argument("--timeout", type=float, default=60)
    s.add_argument("--retries", type=int, default=2)
    s.add_argument("--log", required=True)
    a = p.parse_args()
    return {
        "status": cmd_status,
        "jjava-jar": cmd_jjava_jar,
        "download": cmd_download,
        "unpack-ijava": cmd_unpack_ijava,
        "write-json": cmd_write_json,
        "cds": cmd_cds,
        "smoke": cmd_smoke,
    }[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

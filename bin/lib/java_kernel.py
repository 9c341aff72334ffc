"""Helper of bin/lib/setup.sh for the `java` Jupyter kernelspec (needs jupyter_client).

    status      --java J --choice auto|ijava|rapaio --ijava-version V --rapaio-version V
                prints shell assignments: DATA_DIR DEST FOUND STATE DETAIL KIND
    download    URL FILE             exit 2 (reason on stdout) when the site is unreachable
    unpack-ijava ZIP STAGE_ROOT VERSION
    write-json  KERNEL_DIR --java J --jar-dir D --jar-name N --kind K --version V --why W [--template T]
    smoke       KERNELS_DIR --timeout S --retries N --log F

The bash side owns the staging folder and the final rename; this file never
touches an installed kernelspec.
"""

import argparse
import hashlib
import json
import os
import shlex
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

KERNEL_NAME = "java"
META_KEY = "softmax_course"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def kernel_dirs():
    from jupyter_client.kernelspec import KernelSpecManager
    return [str(Path(d)) for d in KernelSpecManager().kernel_dirs]


def cmd_status(a):
    from jupyter_core.paths import jupyter_data_dir
    data_dir = str(Path(jupyter_data_dir()))
    own_dir = str(Path(data_dir, "kernels"))
    dest = str(Path(own_dir, KERNEL_NAME))
    found = ""
    found_dir = ""
    for d in kernel_dirs():
        if Path(d, KERNEL_NAME, "kernel.json").is_file():
            found, found_dir = str(Path(d, KERNEL_NAME)), d
            break
    state, detail, kind = "missing", "no 'java' kernelspec installed", ""
    if found and found != dest:
        dirs = kernel_dirs()
        if own_dir not in dirs or dirs.index(found_dir) < dirs.index(own_dir):
            state = "shadowed"
            detail = ("Jupyter takes the 'java' kernelspec at %s before %s (it comes first in "
                      "JUPYTER_PATH or the environment's share/jupyter)" % (found, dest))
        else:
            detail = ("a 'java' kernelspec not installed by this course is at %s; ours at %s "
                      "will take precedence" % (found, dest))
    if Path(dest, "kernel.json").is_file() and state != "shadowed":
        try:
            spec = json.loads(Path(dest, "kernel.json").read_text(encoding="utf-8"))
        except ValueError as e:
            spec = {}
            detail = "unreadable %s/kernel.json (%s)" % (dest, e)
        mine = spec.get("metadata", {}).get(META_KEY)
        if not mine:
            state = "foreign"
            detail = detail if spec == {} else "%s was not installed by this course" % dest
        else:
            kind = mine.get("kernel", "")
            argv = spec.get("argv", [])
            jar = Path(mine.get("jar", ""))
            wanted = {"ijava": a.ijava_version, "rapaio": a.rapaio_version}.get(kind)
            state = "outdated"
            if not argv or argv[0] != a.java:
                detail = "it runs %s, not the checked %s" % (argv[0] if argv else "nothing", a.java)
            elif not jar.is_file() or sha256(jar) != mine.get("jar_sha256"):
                detail = "its jar %s is missing or changed" % jar
            elif mine.get("version") != wanted:
                detail = "it is %s %s; the build pins %s" % (kind, mine.get("version"), wanted)
            elif a.choice not in ("auto", kind):
                detail = "it is %s; --kernel=%s asks for the other" % (kind, a.choice)
            else:
                state = "ok"
                detail = "%s %s, smoke-tested %s (%s)" % (kind, mine.get("version"),
                                                         mine.get("installed", "?"), mine.get("why", ""))
    for name, value in (("DATA_DIR", data_dir), ("DEST", dest), ("FOUND", found),
                        ("STATE", state), ("DETAIL", detail), ("KIND", kind)):
        print("K_%s=%s" % (name, shlex.quote(value)))
    return 0


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
        print("%s: %s" % (type(e).__name__, reason))
        return 2
    return 0


def cmd_unpack_ijava(a):
    jar_member = "java/ijava-%s.jar" % a.version
    wanted = ("java/kernel.json", jar_member)
    try:
        with zipfile.ZipFile(a.zip) as z:
            names = z.namelist()
            missing = [m for m in wanted if m not in names]
            if missing:
                print("the zip lacks %s (it holds: %s)" % (", ".join(missing), ", ".join(names[:20])))
                return 1
            bad = z.testzip()
            if bad:
                print("the zip is corrupt: CRC error in %s" % bad)
                return 1
            stage_root = Path(a.stage_root)
            (stage_root / "java").mkdir(exist_ok=True)
            (stage_root / "ijava-kernel.json").write_bytes(z.read("java/kernel.json"))
            (stage_root / "java" / Path(jar_member).name).write_bytes(z.read(jar_member))
    except zipfile.BadZipFile as e:
        print("not a zip file: %s" % e)
        return 1
    try:
        template = json.loads((Path(a.stage_root) / "ijava-kernel.json").read_text(encoding="utf-8"))
    except ValueError as e:
        print("java/kernel.json in the zip is not JSON: %s" % e)
        return 1
    if "{connection_file}" not in template.get("argv", []) or "-jar" not in template.get("argv", []):
        print("java/kernel.json in the zip has an unexpected argv: %s" % template.get("argv"))
        return 1
    return 0


def kernel_argv(java, jar, template):
    """argv of the kernelspec: the checked java, -jar, the absolute jar, {connection_file}.

    For IJava the zip's own kernel.json is the template: its `java` becomes the checked
    java, its @KERNEL_INSTALL_DIRECTORY@/<jar> the absolute jar, and any JVM option it
    lists stays where it is.
    """
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
        raise ValueError("cannot adapt IJava's argv %s" % template["argv"])
    return argv


def cmd_write_json(a):
    template = json.loads(Path(a.template).read_text(encoding="utf-8")) if a.template else None
    kernel_dir = Path(a.kernel_dir)
    jar = str(Path(a.jar_dir, a.jar_name))
    spec = {
        "argv": kernel_argv(a.java, jar, template),
        "display_name": "Java",
        "language": "java",
        "interrupt_mode": (template or {}).get("interrupt_mode", "message"),
        "env": (template or {}).get("env", {}),
        "metadata": {META_KEY: {
            "kernel": a.kind,
            "version": a.version,
            "jar": jar,
            "jar_sha256": sha256(kernel_dir / a.jar_name),
            "java": a.java,
            "why": a.why,
            "installed": time.strftime("%Y-%m-%d %H:%M:%S"),
        }},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    return 0


def smoke_once(kernels_dir, timeout, log):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=KERNEL_NAME,
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels_dir]))
    began = time.monotonic()
    with open(log, "ab") as sink:
        km.start_kernel(stdout=sink, stderr=sink)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=timeout)
        ready = time.monotonic() - began
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
                error = "%s: %s" % (content.get("ename"), content.get("evalue"))
            elif kind == "status" and content["execution_state"] == "idle":
                break
        return ready, time.monotonic() - began, texts, error
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def cmd_smoke(a):
    attempts = 1 + a.retries
    for attempt in range(1, attempts + 1):
        try:
            ready, total, texts, error = smoke_once(a.kernels_dir, a.timeout, a.log)
        except Exception as e:  # the start failed or timed out: retried, and reported
            reason = " ".join(("%s: %s" % (type(e).__name__, e)).split())[:200]
            if attempt < attempts:
                print("[setup] RETRY: kernel smoke test: start failed (%s); retry %d of %d"
                      % (reason, attempt, a.retries), flush=True)
                continue
            print("[setup] kernel smoke test failed %d times: %s" % (attempts, reason))
            return 1
        if error or not any(t.strip() == "2" or ">2<" in t for t in texts):
            print("[setup] kernel smoke test: 1 + 1 gave %s" % (error or texts or "no output"))
            return 1
        print("[setup] kernel smoke test: 1 + 1 = 2 (kernel ready in %.1f s, %.1f s in all%s)"
              % (ready, total, ", after %d retries" % (attempt - 1) if attempt > 1 else ""), flush=True)
        return 0
    return 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("status")
    s.add_argument("--java", required=True)
    s.add_argument("--choice", required=True)
    s.add_argument("--ijava-version", required=True)
    s.add_argument("--rapaio-version", required=True)
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
    s = sub.add_parser("smoke")
    s.add_argument("kernels_dir")
    s.add_argument("--timeout", type=float, default=60)
    s.add_argument("--retries", type=int, default=2)
    s.add_argument("--log", required=True)
    a = p.parse_args()
    return {"status": cmd_status, "download": cmd_download, "unpack-ijava": cmd_unpack_ijava,
            "write-json": cmd_write_json, "smoke": cmd_smoke}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

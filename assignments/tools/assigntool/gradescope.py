"""A Gradescope autograder package for one assignment, and the grader that runs inside it.

Gradescope's container contract (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
the zip holds ``setup.sh`` and ``run_autograder`` at its root; it is unpacked into
``/autograder/source``; ``setup.sh`` runs once, as root, when the image is built;
``run_autograder`` (copied to ``/autograder/run_autograder``) runs once per submission, in
``/autograder``, with the student's files in ``/autograder/submission``, and must write
``/autograder/results/results.json``.

The package carries the instructor's source notebook (hidden tests included: the zip goes to
Gradescope, never to students), the course classes (the unpacked jar), this tool, the kernel-start module and the
reference run (``reference.json``), so each submission costs one kernel run. Inside the container
each submission is graded with bubblewrap when it works there, and otherwise relies on the
container Gradescope starts for every submission (said in the instructor-only stdout).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

from . import VERSION, grading
from . import sandbox as sandboxes

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends openjdk-17-jdk-headless python3 python3-pip python3-venv bubblewrap
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --no-cache-dir nbformat nbclient jupyter_client 'jjava=={jjava}'
# JJava installs the 'java' kernelspec into the venv; the grader finds it through JUPYTER_PATH
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this once per submission, in /autograder. AUTOGRADER_ROOT overrides the root
# (the tool's tests run it on a simulated layout in a throwaway folder).
set -uo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
py="${AUTOGRADER_PYTHON:-}"
if [ -z "$py" ]; then
    if [ -x "$root/venv/bin/python" ]; then py="$root/venv/bin/python"; else py=python3; fi
fi
if [ -d "$root/venv/share/jupyter" ]; then
    export JUPYTER_PATH="$root/venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
fi
mkdir -p "$root/results"
cd "$root/source" && exec "$py" -c \\
    'import sys; sys.path.insert(0, "tools"); from assigntool.gradescope import main; sys.exit(main())' "$root"
"""


def export(opts, source, out_dir, jjava_version="1.0a8"):
    """Writes ``out_dir/<name>-gradescope/`` and ``out_dir/<name>-gradescope.zip``; returns the zip path."""
    from . import cli

    name = cli.assignment_name(source)
    ref = cli.reference(opts, source)
    if ref["problems"]:
        raise SystemExit(
            "error: the solution does not pass its own tests (run validate):\n  " + "\n  ".join(ref["problems"])
        )
    pkg = os.path.join(out_dir, f"{name}-gradescope")
    shutil.rmtree(pkg, ignore_errors=True)
    os.makedirs(os.path.join(pkg, "tools"))
    shutil.copytree(
        os.path.dirname(os.path.abspath(__file__)),
        os.path.join(pkg, "tools", "assigntool"),
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    import kernelstart

    shutil.copy(kernelstart.__file__, os.path.join(pkg, "tools", "kernelstart.py"))
    shutil.copy(source, os.path.join(pkg, name + ".ipynb"))
    shutil.copytree(opts.classes, os.path.join(pkg, "softmax-course"))
    with open(os.path.join(pkg, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, ensure_ascii=False)
    with open(os.path.join(pkg, "assignment.json"), "w", encoding="utf-8") as f:
        json.dump(
            {
                "name": name,
                "tool": VERSION,
                "timeout": opts.timeout,
                "heap_mb": opts.heap_mb,
                "memory_mb": opts.memory_mb,
                "jvm_options": opts.jvm_options,
                "kernel": "java",
            },
            f,
            indent=1,
        )
    for fname, text in (("setup.sh", SETUP_SH.replace("{jjava}", jjava_version)), ("run_autograder", RUN_AUTOGRADER)):
        path = os.path.join(pkg, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(path, 0o755)
    zpath = pkg + ".zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, _, files in os.walk(pkg):
            for fname in sorted(files):
                full = os.path.join(dirpath, fname)
                info = zipfile.ZipInfo.from_file(full, os.path.relpath(full, pkg))
                with open(full, "rb") as fh:
                    z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)
    return zpath


def _bwrap_works():
    if sandboxes.available():
        return False
    try:
        r = subprocess.run(
            [sandboxes.BWRAP, "--ro-bind", "/", "/", "--unshare-pid", "--", "/bin/true"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def _results(root, payload):
    os.makedirs(os.path.join(root, "results"), exist_ok=True)
    path = os.path.join(root, "results", "results.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=2, ensure_ascii=False)
    os.replace(path + ".tmp", path)


def main(argv=None):
    """run_autograder's body: grade /autograder/submission, write /autograder/results/results.json."""
    from . import cli

    t0 = time.monotonic()
    root = os.path.abspath((argv or sys.argv[1:] or ["/autograder"])[0])
    src = os.path.join(root, "source")
    with open(os.path.join(src, "assignment.json"), encoding="utf-8") as f:
        conf = json.load(f)
    name = conf["name"]
    master = os.path.join(src, name + ".ipynb")
    sub_dir = os.path.join(root, "submission")
    nbs = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(sub_dir)
        for f in fs
        if f.endswith(".ipynb") and ".ipynb_checkpoints" not in d
    )
    named = [p for p in nbs if os.path.basename(p) == name + ".ipynb"]
    if not (named or len(nbs) == 1):
        _results(
            root,
            {
                "score": 0,
                "execution_time": int(time.monotonic() - t0),
                "visibility": "visible",
                "output": f"No notebook to grade: upload {name}.ipynb (found {len(nbs)} notebooks).",
            },
        )
        return 0
    notebook = (named or nbs)[0]
    isolation = "bwrap" if _bwrap_works() else "none"
    print(
        f"grading {os.path.relpath(notebook, sub_dir)} with isolation {isolation}"
        + (
            ""
            if isolation == "bwrap"
            else " (bubblewrap does not work in this container; Gradescope's per-submission container is the sandbox)"
        ),
        flush=True,
    )
    args = cli.parser().parse_args(
        [
            "grade",
            master,
            sub_dir,
            "--workers",
            "1",
            "--isolation",
            isolation,
            "--timeout",
            str(conf.get("timeout", 30)),
            "--heap-mb",
            str(conf.get("heap_mb", 512)),
            "--memory-mb",
            str(conf.get("memory_mb", 1536)),
            "--classpath",
            os.path.join(src, "softmax-course"),
            "--jvm-options",
            conf.get("jvm_options", ""),
        ]
    )
    opts = cli.Options(args)
    with open(os.path.join(src, "reference.json"), encoding="utf-8") as f:
        ref = json.load(f)
    if ref.get("master_sha") != grading.sha(master):
        ref = None  # the package was edited after export: make a fresh reference run
    out = tempfile.mkdtemp(prefix="gradescope-")
    try:
        records, _, _ = cli.grade_batch(
            opts, master, [("submission", notebook, os.path.basename(notebook))], out, force=True, ref=ref
        )
        rec = records[0]
        with open(os.path.join(out, "students", rec["student"], "results.json"), encoding="utf-8") as f:
            payload = json.load(f)
        if rec["status"] == "error":
            payload["output"] = (
                "The grader could not start a Java kernel for your notebook; please submit again. "
                + payload.get("output", "")
            ).strip()
        print(f"score {rec['score']} / {rec['max']} in {rec['seconds']} s; events: {rec.get('events')}", flush=True)
        _results(root, payload)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0

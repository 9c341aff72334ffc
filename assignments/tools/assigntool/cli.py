"""Command line: release, validate, grade, benchmark. Run through bin/assignments."""

import argparse
import concurrent.futures as cf
import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
import warnings

import nbformat

from . import VERSION, fmt, grading, probe
from . import sandbox as sandboxes

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSIGNMENTS = os.path.dirname(TOOLS)
ROOT = os.path.dirname(ASSIGNMENTS)
# The course jar unpacked into a folder by lib/pom.xml: what every notebook's %classpath cell loads.
DEFAULT_CLASSPATH = os.path.join(ROOT, "lib", "target", "softmax-course")
# Short-lived kernels that run small cells: C1 only and the serial collector start faster and
# burn less CPU than the defaults (measured: 3.9 s instead of 6.2 s of CPU per notebook).
DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def say(msg=""):
    print(msg, file=sys.stderr, flush=True)


class Options:
    """Execution settings shared by validate, grade and benchmark."""

    def __init__(self, a):
        self.kernel = a.kernel
        self.classes = os.path.abspath(a.classpath)
        self.workers = max(1, a.workers)
        self.timeout = a.timeout
        self.startup_timeout = a.startup_timeout
        self.start_attempts = a.start_attempts
        self.jvm_options = a.jvm_options
        self.isolation = getattr(a, "isolation", "bwrap")
        self.heap_mb = getattr(a, "heap_mb", 512)
        self.memory_mb = getattr(a, "memory_mb", 1536)

    def check(self):
        if self.isolation == "bwrap":
            why = sandboxes.available()
            if why:
                raise SystemExit(
                    f"error: cannot isolate submissions: {why}; pass --isolation none only where "
                    "each submission already runs in a throwaway container"
                )
        self.check_classes()
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

        try:
            KernelSpecManager().get_kernel_spec(self.kernel)
        except NoSuchKernel as e:
            raise SystemExit(
                f"error: no Jupyter kernel named {self.kernel!r}; install the course's kernel "
                "(bin/ setup), or set JUPYTER_PATH or --kernel"
            ) from e

    def check_classes(self):
        """The --classpath folder must be the unpacked course jar (a folder with org/softmaxcourse)."""
        if os.path.isfile(self.classes):
            raise SystemExit(
                f"error: --classpath {self.classes} is a file; pass the folder the course jar is unpacked "
                "into (lib/target/softmax-course, which 'mvn -B -q -pl lib package -DskipTests' makes)"
            )
        if not os.path.isdir(os.path.join(self.classes, "org", "softmaxcourse")):
            raise SystemExit(
                f"error: --classpath {self.classes} does not hold the course classes (no org/softmaxcourse "
                "in it); build them with 'mvn -B -q -pl lib package -DskipTests' (or pass --classpath)"
            )

    def task(self, master, assignment, student, submission, keep=None, reference=None, file=None):
        return {
            "master": os.path.abspath(master),
            "assignment": assignment,
            "student": student,
            "submission": os.path.abspath(submission),
            "file": file or os.path.basename(submission),
            "classes": self.classes,
            "kernel": self.kernel,
            "timeout": self.timeout,
            "startup_timeout": self.startup_timeout,
            "start_attempts": self.start_attempts,
            "jvm_options": self.jvm_options,
            "keep_notebook": keep,
            "isolation": self.isolation,
            "heap_mb": self.heap_mb,
            "memory_mb": self.memory_mb,
            "reference": reference,
        }


def assignment_name(path):
    return os.path.splitext(os.path.basename(path))[0]


def write_notebook(nb, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nbformat.write(nb, path)


# ---------------------------------------------------------------------------------------------
# grade


def find_submissions(folder, name):
    """[(student, path, original name)] and [warnings]: <folder>/<student>.ipynb or
    <folder>/<student>/<...>.ipynb. Ids keep Unicode letters (grading.student_id); two originals
    that map to the same id both get a stable suffix from their original name, so neither
    overwrites the other and every rerun gives the same ids."""
    found, problems = [], []
    for entry in sorted(os.listdir(folder)):
        if entry.startswith("."):
            continue
        p = os.path.join(folder, entry)
        if os.path.isfile(p) and entry.endswith(".ipynb"):
            found.append((entry[: -len(".ipynb")], p, entry))
        elif os.path.isdir(p):
            nbs = sorted(f for f in os.listdir(p) if f.endswith(".ipynb") and not f.startswith("."))
            if name + ".ipynb" in nbs:
                found.append((entry, os.path.join(p, name + ".ipynb"), entry + "/" + name + ".ipynb"))
            elif len(nbs) == 1:
                found.append((entry, os.path.join(p, nbs[0]), entry + "/" + nbs[0]))
            else:
                problems.append(f"{entry}: {len(nbs)} notebooks and none named {name}.ipynb; skipped")
    ids = {}
    for student, _, original in found:
        ids.setdefault(grading.student_id(student), []).append(original)
    clean = []
    for student, path, original in found:
        sid = grading.student_id(student)
        if len(ids[sid]) > 1:
            suffix = hashlib.sha256(unicodedata.normalize("NFC", original).encode("utf-8")).hexdigest()[:6]
            problems.append(
                f"{original}: its id {sid} is shared with {len(ids[sid]) - 1} other submission(s); "
                f"graded as {sid}~{suffix}"
            )
            sid = f"{sid}~{suffix}"
        clean.append((sid, path, original))
    return clean, problems


def reference(opts, master):
    """The reference run of ``master`` (in a worker process: it enters its own network namespace)."""
    ctx = multiprocessing.get_context("spawn")
    task = opts.task(master, assignment_name(master), "reference", master)
    with cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(grading.reference_one, task).result()


def grade_batch(opts, master, submissions, out_dir, force=False, quiet=False, keep=False, ref=None):
    """Grades [(student, path[, original])] into out_dir; returns (records of this run, skipped
    students, seconds). grades.csv and totals.csv list exactly these submissions."""
    name = assignment_name(master)
    os.makedirs(out_dir, exist_ok=True)
    key = grading.grader_key(out_dir)
    log = (lambda m: None) if quiet else say
    secrets_ = sorted(fmt.secret_lines(grading.read_notebook(master)), key=len, reverse=True)
    master_sha = grading.sha(master)
    subs = [(s[0], s[1], s[2] if len(s) > 2 else os.path.basename(s[1])) for s in submissions]
    todo, skipped, done = [], [], {}
    for student, path, original in subs:
        rec, why = grading.load_record(out_dir, student, key)
        if why:
            log(f"warning: {student}: {why}; graded again")
        if (
            not force
            and rec is not None
            and rec.get("status") in ("graded", "invalid")
            and rec.get("tool") == VERSION
            and rec.get("submission_sha") == grading.sha(path)
            and rec.get("master_sha") == master_sha
            and rec.get("file") == original
        ):
            skipped.append(student)
            done[student] = rec
        else:
            todo.append((student, path, original))
    t0 = time.monotonic()
    log(
        f"grading {len(todo)} submission{'s' if len(todo) != 1 else ''} of {name} on {opts.workers} worker"
        f"{'s' if opts.workers != 1 else ''} (kernel {opts.kernel}, isolation {opts.isolation}, cell timeout "
        f"{opts.timeout:g} s)" + (f"; {len(skipped)} already graded, skipped (--force regrades)" if skipped else "")
    )
    records = []
    if todo:
        if ref is None:
            ref = reference(opts, master)
            log(f"reference run of the solution: {ref['seconds']:.1f} s")
        if ref["problems"]:
            raise SystemExit(
                "error: the solution does not pass its own tests, so nothing can be graded against it "
                "(run validate):\n  " + "\n  ".join(ref["problems"])
            )
        keep_dir = os.path.join(out_dir, "_instructor") if keep else None
        if keep_dir:
            os.makedirs(keep_dir, exist_ok=True)
        tasks = [
            opts.task(
                master,
                name,
                s,
                p,
                os.path.join(keep_dir, s + ".ipynb") if keep_dir else None,
                ref["questions"],
                original,
            )
            for s, p, original in todo
        ]
        ctx = multiprocessing.get_context("spawn")
        width = max(len(s) for s, _, _ in todo)
        with cf.ProcessPoolExecutor(max_workers=min(opts.workers, len(tasks)), mp_context=ctx) as pool:
            futures = {pool.submit(grading.grade_one, t): t for t in tasks}
            for n, fut in enumerate(cf.as_completed(futures), 1):
                t = futures[fut]
                try:
                    rec = fut.result()
                except Exception as e:  # a grader bug must not lose the others
                    rec = {
                        "student": t["student"],
                        "file": t["file"],
                        "assignment": name,
                        "tool": VERSION,
                        "status": "error",
                        "submission": t["submission"],
                        "notes": [],
                        "questions": [],
                        "score": 0,
                        "max": 0,
                        "seconds": 0,
                        "events": [f"grader error: {type(e).__name__}: {e}", traceback.format_exc()[-1500:]],
                    }
                rec = grading.write_student(out_dir, rec, secrets_, key)
                done[rec["student"]] = rec
                grading.write_sheets(out_dir, [done[s] for s, _, _ in subs if s in done])
                records.append(rec)
                extra = ""
                if rec["status"] != "graded":
                    extra = "  " + rec["status"].upper()
                if rec.get("events"):
                    extra += "  (" + "; ".join(e for e in rec["events"] if len(e) < 160)[:200] + ")"
                log(
                    f"[{n:>{len(str(len(tasks)))}}/{len(tasks)}] {t['student']:<{width}}  "
                    f"{grading.fmt_points(rec['score']):>5} / {grading.fmt_points(rec['max']):<4}"
                    f"{rec['seconds']:6.1f} s{extra}"
                )
    grading.write_sheets(out_dir, [done[s] for s, _, _ in subs if s in done])
    return records, skipped, time.monotonic() - t0


def cmd_grade(a):
    opts = Options(a)
    opts.check()
    master = a.source
    name = assignment_name(master)
    problems = fmt.lint(grading.read_notebook(master))
    if problems:
        raise SystemExit("error: the source notebook has problems (run validate):\n  " + "\n  ".join(problems))
    out_dir = a.out or os.path.join(ASSIGNMENTS, "graded", name)
    subs, warn = find_submissions(a.submissions, name)
    for w in warn:
        say("warning: " + w)
    if not subs:
        raise SystemExit(f"error: no submissions in {a.submissions}")
    records, skipped, secs = grade_batch(opts, master, subs, out_dir, force=a.force, keep=a.keep_notebooks)
    errors = [r["student"] for r in records if r["status"] == "error"]
    say(
        f"done in {secs:.1f} s: {len(records)} graded, {len(skipped)} skipped, {len(errors)} not graded"
        + (f" ({', '.join(errors)}; run again to retry)" if errors else "")
        + f"\n  {os.path.join(out_dir, 'grades.csv')}\n  {os.path.join(out_dir, 'totals.csv')}"
        f"\n  {os.path.join(out_dir, 'students', '<student>', '{feedback.md,results.json}')}"
    )
    return 1 if errors else 0


# ---------------------------------------------------------------------------------------------
# release and validate


def release_one(source, out_root, classes, classpath_ref=None):
    """Writes the student version of ``source``; its %classpath cell names ``classpath_ref``, or
    else the path from the released notebook to the ``classes`` folder."""
    master = grading.read_notebook(source)
    name = assignment_name(source)
    target = os.path.join(out_root, name, name + ".ipynb")
    ref = classpath_ref or os.path.relpath(classes, os.path.dirname(os.path.abspath(target)))
    nb = fmt.release(master, name, ref)
    write_notebook(nb, target)
    return target


def leaks(source, released_path):
    """Secret lines (solutions, hidden tests) found in a released notebook."""
    secret = fmt.secret_lines(grading.read_notebook(source))
    with open(released_path, encoding="utf-8") as f:
        text = f.read()
    nb = grading.read_notebook(released_path)
    body = "\n".join(fmt.source(c) for c in nb.cells) + json.dumps(nb.metadata)
    return sorted(s for s in secret if s in body or json.dumps(s)[1:-1] in text)


def validate(opts, sources, quiet=False):
    """Static lint, then the solution must grade to full marks and the released version to zero,
    every question 'not answered', no compile error anywhere. Returns a list of problems."""
    problems = []
    tmp = tempfile.mkdtemp(prefix="validate-")
    try:
        for source in sources:
            name = assignment_name(source)
            try:
                lint = fmt.lint(grading.read_notebook(source))
            except Exception as e:  # noqa: BLE001
                lint = [f"not a readable notebook: {e}"]
            problems += [f"{name}: {p}" for p in lint]
            if lint:
                continue
            released = release_one(source, os.path.join(tmp, "release"), opts.classes)
            problems += [
                f"{name}: the student version contains solution or hidden-test text: {s!r}"
                for s in leaks(source, released)
            ]
            master = grading.read_notebook(source)
            rewrite_problems = []
            for c in master.cells:
                if fmt.kind(c) == "test":
                    try:
                        probe.rewrite(fmt.source(c), "student")
                    except probe.ProbeError as e:
                        rewrite_problems.append(f"{name}: test cell {fmt.meta(c)['id']}: {e}")
            problems += rewrite_problems
            if rewrite_problems:
                continue
            ref = reference(opts, source)
            if ref["problems"]:
                problems += [f"{name}: {p}" for p in ref["problems"]]
                continue
            subs = [("solution", source), ("released", released)]
            out = os.path.join(tmp, "graded", name)
            records, _, secs = grade_batch(opts, source, subs, out, force=True, quiet=quiet, ref=ref)
            by = {r["student"]: r for r in records}
            sol, rel = by.get("solution"), by.get("released")
            for label, rec in (("solution", sol), ("released version", rel)):
                if rec is None or rec["status"] != "graded":
                    problems.append(
                        f"{name}: the {label} could not be graded: "
                        f"{(rec.get('events') or ['?'])[0] if rec else 'no record'}"
                    )
            if sol and sol["status"] == "graded":
                for q in sol["questions"]:
                    if q["status"] != "passed":
                        problems.append(
                            f"{name}: the solution does not pass {q['id']}: {q['status']}: {q['reason']} "
                            + "; ".join(
                                f"{c['name']}: {c.get('message')}" for c in q["cases"] if c.get("outcome") != "passed"
                            )
                        )
                if sol.get("compile_errors"):
                    problems.append(f"{name}: the solution has compile errors in cells {sol['compile_errors']}")
                if sol["notes"]:
                    problems.append(f"{name}: grading the solution reported: {' '.join(sol['notes'])}")
            if rel and rel["status"] == "graded":
                if rel.get("compile_errors"):
                    problems.append(
                        f"{name}: the released version has compile errors in cells {rel['compile_errors']}"
                        " (a stub that does not compile? use '// BEGIN SOLUTION stub: ...')"
                    )
                for q in rel["questions"]:
                    if q["points"] != 0:
                        problems.append(f"{name}: the released stub earns {q['points']} points on {q['id']}")
                    if q["status"] != "not-answered":
                        problems.append(
                            f"{name}: on the released version {q['id']} should fail once, as "
                            f"'not answered', but is {q['status']}: {q['reason']}"
                        )
            if not quiet and sol and rel:
                say(
                    f"{name}: solution {grading.fmt_points(sol['score'])}/{grading.fmt_points(sol['max'])}, "
                    f"released {grading.fmt_points(rel['score'])}/{grading.fmt_points(rel['max'])} "
                    f"({', '.join(q['id'] + ' ' + q['status'] for q in rel['questions'])}); {secs:.1f} s"
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return problems


def cmd_validate(a):
    opts = Options(a)
    opts.check()
    problems = validate(opts, a.sources)
    for p in problems:
        say("problem: " + p)
    say("valid" if not problems else f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return 1 if problems else 0


def cmd_release(a):
    opts = Options(a)
    out_root = a.out or os.path.join(ASSIGNMENTS, "release")
    if a.classpath_ref is not None:
        why = fmt.classpath_problem(fmt.classpath_cell(a.classpath_ref))
        if why:
            raise SystemExit(f"error: --classpath-ref {a.classpath_ref!r}: {why}")
    for source in a.sources:
        problems = fmt.lint(grading.read_notebook(source))
        if problems:
            raise SystemExit(f"error: {source}:\n  " + "\n  ".join(problems))
    targets = [release_one(s, out_root, opts.classes, a.classpath_ref) for s in a.sources]
    for s, t in zip(a.sources, targets, strict=True):
        say(f"released {s} -> {t}")
    if a.no_validate:
        return 0
    opts.check()
    problems = validate(opts, a.sources)
    for p in problems:
        say("problem: " + p)
    if problems:
        say("the released notebooks are written but NOT valid; fix the sources and release again")
        return 1
    say("validated: the solutions grade to full marks, the student versions to zero without compile errors")
    return 0


# ---------------------------------------------------------------------------------------------
# benchmark


def cmd_export_gradescope(a):
    from . import gradescope

    opts = Options(a)
    opts.check()
    problems = fmt.lint(grading.read_notebook(a.source))
    if problems:
        raise SystemExit(f"error: {a.source}:\n  " + "\n  ".join(problems))
    out = a.out or os.path.join(ASSIGNMENTS, "gradescope")
    zpath = gradescope.export(opts, a.source, out, a.jjava)
    say(f"wrote {zpath} (upload it as the assignment's autograder; it holds the hidden tests: keep it private)")
    return 0


def cmd_benchmark(a):
    """Grades N copies (two of three solved, one untouched) and reports submissions per minute,
    kernel starts and the load average before and after: the machine may be shared."""
    opts = Options(a)
    opts.check()
    tmp = tempfile.mkdtemp(prefix="bench-")
    try:
        released = release_one(a.source, os.path.join(tmp, "release"), opts.classes)
        subs_dir = os.path.join(tmp, "submitted")
        os.makedirs(subs_dir)
        subs = []
        for i in range(a.count):
            student = f"student{i + 1:03d}"
            path = os.path.join(subs_dir, student + ".ipynb")
            shutil.copy(a.source if i % 3 else released, path)  # two of three solved, one untouched
            subs.append((student, path))
        load_before = os.getloadavg()
        cpu0 = os.times()
        t0 = time.monotonic()
        ref = reference(opts, a.source)
        ref_secs = time.monotonic() - t0
        records, _, secs = grade_batch(opts, a.source, subs, os.path.join(tmp, "graded"), force=True, ref=ref)
        load_after = os.getloadavg()
        cpu1 = os.times()
        # per submission: its sandbox's CPU (cpuacct cgroup: kernel, bwrap, all its processes), its
        # grading worker's CPU, and a share of this process's (the batch's bookkeeping)
        parent = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) / max(1, len(records))
        cpu_each = parent + sum(
            (r.get("kernel_cpu_seconds") or 0) + (r.get("grader_cpu_seconds") or 0) for r in records
        ) / max(1, len(records))
        starts = sum(r.get("kernel_starts", 0) for r in records)
        bad = [r["student"] for r in records if r["status"] != "graded"]
        survivors = sum(r.get("survivors", 0) for r in records)
        rate = 60 * len(records) / secs if secs else 0.0
        say(
            f"benchmark: {len(records)} submissions of {assignment_name(a.source)} graded in {secs:.1f} s = "
            f"{rate:.1f} per minute on {opts.workers} workers, isolation {opts.isolation} (+ {ref_secs:.1f} s "
            f"for the one reference run); {starts} kernel starts ({starts - len(records)} retries or restarts); "
            f"{len(bad)} not graded; {survivors} surviving processes; load average {load_before[0]:.2f} before, "
            f"{load_after[0]:.2f} after, on {os.cpu_count()} cores; {cpu_each:.2f} CPU s per submission "
            f"(grader, sandbox and kernel), so about {60 * os.cpu_count() / cpu_each:.0f} per minute on "
            f"{os.cpu_count()} idle cores"
        )
        print(
            json.dumps(
                {
                    "submissions": len(records),
                    "seconds": round(secs, 1),
                    "per_minute": round(rate, 1),
                    "workers": opts.workers,
                    "isolation": opts.isolation,
                    "reference_seconds": round(ref_secs, 1),
                    "kernel_starts": starts,
                    "not_graded": bad,
                    "survivors": survivors,
                    "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in load_after],
                    "cores": os.cpu_count(),
                    "cpu_seconds_per_submission": round(cpu_each, 2),
                }
            )
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


# ---------------------------------------------------------------------------------------------


def parser():
    p = argparse.ArgumentParser(
        prog="assignments",
        description="Release, validate and grade the Java course assignments (see assignments/README.md).",
    )
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument(
            "--kernel",
            default=os.environ.get("ASSIGNMENTS_KERNEL", "java"),
            help="Jupyter kernel name (default: $ASSIGNMENTS_KERNEL or 'java')",
        )
        sp.add_argument(
            "--classpath",
            default=os.environ.get("ASSIGNMENTS_CLASSPATH", DEFAULT_CLASSPATH),
            help="the folder the course jar is unpacked into, which the kernels load with %%classpath "
            "(default: $ASSIGNMENTS_CLASSPATH or lib/target/softmax-course)",
        )
        sp.add_argument("--jar", dest="old_jar", help=argparse.SUPPRESS)
        sp.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("ASSIGNMENTS_WORKERS", os.cpu_count() or 2)),
            help="notebooks graded in parallel (default: number of cores)",
        )
        sp.add_argument(
            "--timeout",
            type=float,
            default=float(os.environ.get("ASSIGNMENTS_TIMEOUT", "30")),
            help="seconds a cell may run before the kernel is restarted (default 30)",
        )
        sp.add_argument(
            "--startup-timeout",
            type=float,
            default=15.0,
            help="seconds a kernel start may take to answer before it is retried (default 15)",
        )
        sp.add_argument("--start-attempts", type=int, default=4, help="kernel start attempts (default 4)")
        sp.add_argument(
            "--jvm-options",
            default=os.environ.get("ASSIGNMENTS_JVM_OPTIONS", DEFAULT_JVM_OPTIONS),
            help="added to the kernel's JAVA_TOOL_OPTIONS (default: '%(default)s', which cuts "
            "the CPU time per notebook by about a third; '' for none)",
        )
        sp.add_argument(
            "--isolation",
            choices=("bwrap", "none"),
            default=os.environ.get("ASSIGNMENTS_ISOLATION", "bwrap"),
            help="bwrap (default): each kernel in its own sandbox; none: only where every "
            "submission already runs in a throwaway container",
        )
        sp.add_argument("--heap-mb", type=int, default=512, help="the kernel JVM's -Xmx in MiB (default 512)")
        sp.add_argument(
            "--memory-mb",
            type=int,
            default=1536,
            help="memory limit of a sandbox, all processes together, in MiB (default 1536)",
        )

    r = sub.add_parser("release", help="solution notebooks -> student notebooks, then validate")
    r.add_argument("sources", nargs="+")
    r.add_argument("--out", help="folder for <name>/<name>.ipynb (default: assignments/release)")
    r.add_argument(
        "--classpath-ref",
        help="the path the released notebook's %%classpath cell names, relative to the notebook "
        "(default: the relative path to --classpath)",
    )
    r.add_argument("--jar-ref", dest="old_jar_ref", help=argparse.SUPPRESS)
    r.add_argument("--no-validate", action="store_true", help="skip running the notebooks")
    common(r)
    r.set_defaults(func=cmd_release)

    v = sub.add_parser("validate", help="check sources: solution full marks, released version zero, no leaks")
    v.add_argument("sources", nargs="+")
    common(v)
    v.set_defaults(func=cmd_validate)

    g = sub.add_parser("grade", help="grade a folder of submissions against a source notebook")
    g.add_argument("source", help="the instructor's source notebook (with solutions and hidden tests)")
    g.add_argument("submissions", help="folder of <student>.ipynb or <student>/<name>.ipynb")
    g.add_argument("--out", help="output folder (default: assignments/graded/<name>)")
    g.add_argument("--force", action="store_true", help="regrade students already graded")
    g.add_argument(
        "--keep-notebooks",
        action="store_true",
        help="keep the executed notebooks (with hidden tests) in <out>/_instructor",
    )
    common(g)
    g.set_defaults(func=cmd_grade)

    x = sub.add_parser("export-gradescope", help="write a Gradescope autograder package (setup.sh + run_autograder)")
    x.add_argument("source", help="the instructor's source notebook")
    x.add_argument(
        "--out", help="folder for <name>-gradescope/ and <name>-gradescope.zip (default: assignments/gradescope)"
    )
    x.add_argument("--jjava", default="1.0a8", help="the JJava version setup.sh installs from PyPI (default 1.0a8)")
    common(x)
    x.set_defaults(func=cmd_export_gradescope)

    b = sub.add_parser("benchmark", help="time the grading of N copies of a notebook (not a test)")
    b.add_argument("source")
    b.add_argument("--count", type=int, default=30)
    common(b)
    b.set_defaults(func=cmd_benchmark)
    return p


def main(argv=None):
    a = parser().parse_args(argv)
    # the options of the %jars days: a jar path is no longer what the kernels load, so say what to pass
    if getattr(a, "old_jar", None) is not None:
        raise SystemExit(
            "error: --jar is gone: notebooks load the unpacked course jar with %classpath; pass "
            "--classpath FOLDER (default lib/target/softmax-course)"
        )
    if getattr(a, "old_jar_ref", None) is not None:
        raise SystemExit("error: --jar-ref is now --classpath-ref FOLDER (the released %classpath cell's path)")
    return a.func(a)

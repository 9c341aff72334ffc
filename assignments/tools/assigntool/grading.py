"""Grading: a submission's answers go into a clean copy of the master, which is run and scored.

The student's kernel runs the test cells in their *student form* (see probe.py): they print the
values the student's code returns, nothing else. The grader compares them with the values of the
*reference run* (the instructor's solution, once per batch) and decides every check in this
process, so nothing a submission does inside its kernel can decide a mark. Everything written for
students (feedback, results.json) is built from the reference's descriptions and hints, the
grader's own messages and a filtered exception class, and is finally scrubbed of every line of
hidden test and solution code. Records are signed (HMAC-SHA256, key in the output folder, never
in a kernel) and checked on every rerun.
"""

import copy
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import tempfile
import time
import unicodedata
import warnings
from collections import defaultdict

import nbformat

from . import VERSION, fmt, probe
from . import sandbox as sandboxes
from .execute import KernelStartError, run_notebook

# The course engine prints a result line when this variable is set. The grader never sets it: a
# kernel's environment is built from nothing (kernel_env), and marks come from the probe.
TOKEN_VARIABLE = "SOFTMAX_GRADER_TOKEN"
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
ENGINE_TYPES = (
    "Check",
    "Checker",
    "CheckFailure",
    "Question",
    "QuestionResult",
    "Tests",
    "Case",
    "CaseResult",
    "Exercise",
    "SelfCheck",
    "Notebook",
    "System",
    "Math",
    "String",
    "Double",
    "Arrays",
    "Object",
)
PACKAGE_ROOTS = ("java", "javax", "jdk", "org", "com", "sun")
DECL_RE = re.compile(r"\b(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)")
IMPORT_RE = re.compile(r"^\s*import\s+(static\s+)?([\w$.\s]+?)\s*(\.\s*\*)?\s*;", re.M)
NAME_RE = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)")
NOT_TYPES = {"return", "new", "throw", "else", "case", "yield", "assert", "do", "import", "package"}
MAGIC_RE = re.compile(r"^\s*%.*$", re.M)


def sha(path_or_bytes):
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        with open(path_or_bytes, "rb") as f:
            data = f.read()
    return hashlib.sha256(data).hexdigest()[:16]


def read_notebook(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nbformat.read(path, as_version=4)


# ---------------------------------------------------------------------------------------------
# Assembly


def load_submission(path):
    """(notebook, None) or (None, reason) when the file is not a readable notebook."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return None, f"the submission could not be read ({e.strerror})"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "the submission is not a text file (not UTF-8), so not a notebook"
    except json.JSONDecodeError as e:
        return (
            None,
            f"the submission is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); "
            "was it edited outside Jupyter or saved while truncated?",
        )
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "the submission is JSON but not a notebook (it has no list of cells)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as e:  # noqa: BLE001 - any nbformat failure means "not a notebook"
        return None, f"the submission is not a readable notebook ({type(e).__name__})"
    return nb, None


def _magic_names(magics):
    """The names of kernel commands, as shown in feedback: short words only (student text)."""
    names = set()
    for m in magics:
        word = re.match(r"\s*(%{1,2}[A-Za-z]{1,20})", m)
        names.add(word.group(1) if word else "%…")
    return names


def _depth0(masked):
    """``masked`` with everything inside braces and parentheses blanked (newlines kept)."""
    out, depth = [], 0
    for ch in masked:
        if ch in "({[":
            out.append(ch if depth == 0 else " ")
            depth += 1
        elif ch in ")}]":
            depth = max(0, depth - 1)
            out.append(ch if depth == 0 else " ")
        else:
            out.append(ch if depth == 0 or ch == "\n" else " ")
    return "".join(out)


def declarations(text):
    """The names a JShell cell declares at its top level: types (also nested ones, to be safe),
    methods, variables, and single-name imports. A static import on demand counts as '*'."""
    masked = fmt.mask_java(text)
    names = set(DECL_RE.findall(masked))
    for m in IMPORT_RE.finditer(masked):
        if m.group(3):
            if m.group(1):
                names.add("*")
        else:
            names.add(re.sub(r"\s", "", m.group(2)).rsplit(".", 1)[-1])
    top = _depth0(re.sub(r"^\s*import\b[^;]*;", " ", masked, flags=re.M))
    for m in re.finditer(r"([A-Za-z_$][\w$]*)\s*(\(|=(?!=)|;|,|\[)", top):
        before = top[: m.start()].rstrip()
        if not before or before[-1] in ";{}(=":
            continue
        prev = re.search(r"([\w$]+|\]|>|,)$", before)
        if prev and prev.group(1) not in NOT_TYPES and not before.endswith("."):
            names.add(m.group(1))
    return names - fmt.JAVA_KEYWORDS


def reserved_names(master):
    """Names an answer may not declare: the types, package roots and unqualified calls the test and
    read-only cells use (the answers' own methods excepted), the course engine and the probe."""
    own = set()
    for c in master.cells:
        if fmt.kind(c) == "solution":
            own |= declarations(fmt.source(c))
    used = {probe.PROBE, "*", *ENGINE_TYPES, *PACKAGE_ROOTS}
    for c in master.cells:
        if fmt.kind(c) in ("test", "readonly"):
            masked = fmt.mask_java(fmt.source(c))
            used |= {n for n in NAME_RE.findall(masked) if n[0].isupper() or n in PACKAGE_ROOTS}
            used |= set(re.findall(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(", masked))
    return used - own - fmt.JAVA_KEYWORDS


def assemble(master, sub, classes_path):
    """A clean copy of ``master`` with the submission's answers in its solution cells.

    Returns (notebook, notes, question_notes, tampered_questions): ``notes`` are repairs of the
    notebook as a whole, ``question_notes[qid]`` the repairs that concern one question.
    """
    nb = copy.deepcopy(master)
    notes, qnotes, tampered = [], defaultdict(list), set()
    answer_q = fmt.answer_question(master)
    test_q = {fmt.meta(c)["id"]: fmt.meta(c)["id"] for c in master.cells if fmt.kind(c) == "test"}

    by_id = defaultdict(list)
    for c in sub.cells:
        g = fmt.meta(c)
        if g:
            by_id[str(g["id"])].append(c)
    master_ids = [fmt.meta(c)["id"] for c in master.cells if fmt.meta(c)]

    # reordering: the graded cells' order in the submission against the master's
    sub_order = []
    for c in sub.cells:
        g = fmt.meta(c)
        if g and g["id"] in master_ids and g["id"] not in sub_order:
            sub_order.append(g["id"])
    if sub_order != [i for i in master_ids if i in sub_order]:
        notes.append("Cells were moved; the notebook was graded in the handout's order.")

    unknown = [i for i in by_id if i not in master_ids]
    if unknown:  # the ids are the student's text: count them, do not repeat them
        many = len(unknown) > 1
        notes.append(
            f"{len(unknown)} cell{'s' if many else ''} with grade ids the assignment does not have "
            f"{'were' if many else 'was'} ignored."
        )
    reserved = reserved_names(master)

    for cell in nb.cells:
        g = fmt.meta(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if not g:
            continue
        gid, kind = g["id"], g.get("kind")
        subs = by_id.get(gid, [])
        if kind == "solution":
            q = answer_q.get(gid)
            target = qnotes[q] if q else notes
            if not subs:
                target.append(
                    f"Answer cell {gid} is missing from your notebook (deleted, or its metadata lost); "
                    "the handout's empty stub was graded."
                )
                cell.source = fmt.stub_source(fmt.source(cell))
                continue
            if len(subs) > 1:
                target.append(f"Answer cell {gid} appears {len(subs)} times; the last one was graded.")
            chosen = subs[-1]
            text = fmt.source(chosen) if chosen.cell_type == "code" else ""
            if chosen.cell_type != "code":
                target.append(
                    f"Answer cell {gid} was turned into a "
                    f"{chosen.cell_type if chosen.cell_type in ('markdown', 'raw') else 'non-code'} cell; "
                    "the empty stub was graded."
                )
                text = fmt.stub_source(fmt.source(cell))
            magics = MAGIC_RE.findall(text)
            if magics:
                text = MAGIC_RE.sub("// (a kernel command was removed here)", text)
                target.append(
                    f"Answer cell {gid}: kernel commands ({', '.join(sorted(_magic_names(magics)))}) "
                    "were removed; grading runs offline with the course library only."
                )
            shadows = sorted(declarations(text) & reserved)
            if shadows:
                target.append(
                    f"Tampering: answer cell {gid} declares {', '.join(shadows[:3])}, "
                    f"{'a name' if len(shadows) == 1 else 'names'} the test cells use; such a declaration "
                    "would change what the tests run, so the answer was not run (rename it)."
                )
                if q:
                    tampered.add(q)
                text = fmt.stub_source(fmt.source(cell))
            cell.source = text
        elif kind in ("test", "readonly"):
            released = fmt.released_source(cell)
            what = "test cell" if kind == "test" else "read-only cell"
            target = qnotes[test_q[gid]] if kind == "test" else notes
            if not subs:
                target.append(f"The {what} {gid} was deleted; the original was restored.")
            elif any(fmt.checksum(fmt.source(s)) != fmt.checksum(released) for s in subs):
                target.append(f"Tampering: the {what} {gid} was edited; the original was run instead.")
                if kind == "test":
                    tampered.add(gid)
            elif len(subs) > 1:
                target.append(f"The {what} {gid} appears {len(subs)} times; it was run once.")
    # code the student added or changed outside answer cells is not run: say so once
    handout = {fmt.checksum(fmt.released_source(c)) for c in master.cells if c.cell_type == "code"}
    extra = [
        c
        for c in sub.cells
        if c.cell_type == "code"
        and not fmt.meta(c)
        and fmt.checksum(fmt.source(c)) not in handout
        and fmt.source(c).strip()
        and not fmt.is_loading_cell(fmt.source(c))
    ]
    if extra:
        notes.append(
            f"{len(extra)} code cell{'s' if len(extra) > 1 else ''} outside the answer cells "
            f"{'were' if len(extra) > 1 else 'was'} added or changed; only answer cells are graded, "
            "so that code was not run."
        )
    j = fmt.first_code_cell(nb)
    nb.cells[j].source = fmt.classpath_cell(os.path.abspath(classes_path))
    return nb, notes, {q: n for q, n in qnotes.items() if n}, tampered


# ---------------------------------------------------------------------------------------------
# Reading the results


COMPILE_ERRORS = ("CompilerException", "CompilationException", "CompileException")


def is_compile_error(err):
    """Whether a kernel error output is a compile error (rapaio: CompilerException; JJava and
    IJava: CompilationException)."""
    return err is not None and str(err.get("ename", "")).rsplit(".", 1)[-1] in COMPILE_ERRORS


def diagnostics(error_output):
    """A short, readable reason from a kernel error output. The source lines the kernel echoes
    (``|  code``), carets and stack frames are dropped: the reason names the problem, and a test
    cell's code (hidden tests included) never reaches the student this way."""
    ename = error_output.get("ename", "Error")
    lines = []
    for entry in error_output.get("traceback", []) or []:
        for line in ANSI_RE.sub("", entry).split("\n"):
            s = line.strip()
            if not s or s == "Compile error:" or s.startswith(("|", "at ")) or set(s) <= {"^", "-", " "}:
                continue
            if s not in lines:
                lines.append(s)
    if is_compile_error(error_output):
        text = "; ".join(lines) or "compile error"
    else:
        value = ANSI_RE.sub("", error_output.get("evalue", "") or "").strip().split("\n")[0]
        text = ename + (": " + value if value else "")
    text = text[:400] + (" …" if len(text) > 400 else "")
    return text if text.endswith((".", "…")) else text + "."


def _case_results(ref_q, records, qid, methods):
    """[(case dict, passed weight, weight)] for one question, judged against the reference."""
    cases, _, _ = probe.cases_of(records, qid)
    out = []
    for i, ref in enumerate(ref_q["cases"]):
        name, weight, hint = ref["name"], ref["w"], ""
        got = cases.get(i, {"checks": [], "ends": []})
        outcome, message = "passed", ""
        for k, check in enumerate(ref["checks"]):
            if k >= len(got["checks"]):
                break
            problem = probe.judge(check, got["checks"][k].get("a"))
            if problem:
                outcome, message, hint = "failed", problem, check.get("hint", "")
                break
        if outcome == "passed":
            ends = got["ends"]
            x = ends[0].get("x") if len(ends) == 1 else None
            if not ends:
                outcome, message = "error", "This test did not finish (the test cell stopped first)."
            elif len(ends) > 1:
                outcome, message = "failed", "This test reported more than once; it does not count."
            elif probe.is_stub(x):
                outcome, message = "not-answered", "Not answered yet."
            elif x:
                outcome, message = "error", "Your code threw " + probe.exception_text(x, methods) + "."
            elif len(got["checks"]) != len(ref["checks"]):
                outcome, message = (
                    "failed",
                    (f"This test made {len(got['checks'])} checks instead of {len(ref['checks'])}; it does not count."),
                )
        case = {"name": name, "outcome": outcome}
        if outcome != "passed":
            case["message"] = message
            if hint:
                case["hint"] = hint
        out.append((case, weight if outcome == "passed" else 0.0, weight))
    return out


def answer_reason(run, gid, timeout):
    if run is None:
        return None
    if run.status == "timeout":
        return (
            f"Your answer cell {gid} ran longer than {timeout:g} s (an endless loop at its top level?) and was stopped."
        )
    if run.status == "died":
        return f"Your answer cell {gid} stopped the kernel (System.exit, or a crash); it was skipped after a restart."
    err = run.error()
    if err is not None:
        if is_compile_error(err):
            return f"Your answer cell {gid} did not compile: {diagnostics(err)}"
        return f"Your answer cell {gid} stopped with {probe.exception_class({'cls': _java_name(err)})}."
    return None


def _java_name(err):
    """The exception class a kernel error output names (rapaio: ename; others: the first line)."""
    ename = str(err.get("ename", ""))
    if "." in ename:
        return ename
    return "java.lang." + ename if re.fullmatch(r"[A-Z]\w*(Exception|Error)", ename) else ename


def score_questions(master, runs, reference, qnotes, tampered, timeout, methods):
    """Per question: points, status, reason, cases — from the runs of the assembled notebook.

    ``runs`` is keyed by the master's cell indices; ``reference`` is the reference run's cases."""
    cells = master.cells
    answer_cells = defaultdict(list)
    owner = fmt.answer_question(master)
    for i, c in enumerate(cells):
        if fmt.kind(c) == "solution":
            answer_cells[owner.get(fmt.meta(c)["id"])].append(i)
    out = []
    for i, g in fmt.questions(master):
        qid, max_pts = g["id"], float(g["points"])
        run = runs.get(i)
        notes = list(qnotes.get(qid, []))
        answer_problems = [
            r
            for r in (answer_reason(runs.get(a), fmt.meta(cells[a])["id"], timeout) for a in answer_cells.get(qid, []))
            if r
        ]
        q = {
            "id": qid,
            "title": g.get("title", ""),
            "max": max_pts,
            "points": 0.0,
            "status": "error",
            "reason": "",
            "cases": [],
            "notes": notes,
            "tampered": qid in tampered,
        }
        why = None
        if run is None or run.status == "skipped":
            why = "The tests were not run (too many kernel restarts)."
        elif run.status == "timeout":
            q["status"], why = (
                "timeout",
                (
                    f"The tests ran longer than {timeout:g} s (an endless loop in your "
                    "code?); the kernel was restarted and grading went on."
                ),
            )
        elif run.status == "died":
            q["status"], why = (
                "crashed",
                (
                    "The kernel stopped while the tests ran (System.exit, or a crash); "
                    "it was restarted and grading went on."
                ),
            )
        elif is_compile_error(run.error()):
            if any("did not compile" in a or "was stopped" in a or "stopped the kernel" in a for a in answer_problems):
                why = "So the tests could not run."
            else:
                why = (
                    "The tests could not be compiled against your notebook — is a method missing, renamed or "
                    "given a different signature? (" + diagnostics(run.error())[:-1] + ")."
                )
        elif run.error() is not None:
            why = (
                f"The test cell ended with {probe.exception_class({'cls': _java_name(run.error())})}; "
                "a test cell that ends in an error scores nothing."
            )
        else:
            records = probe.observations(run.stdout())
            _, done, _ = probe.cases_of(records, qid)
            if not done:
                why = "The tests reported no result (was System.out replaced or closed?)."
        if why is not None:
            q["reason"] = " ".join([*answer_problems, why])
            out.append(q)
            continue
        judged = _case_results(reference[qid], records, qid, methods)
        q["cases"] = [c for c, _, _ in judged]
        total = sum(w for _, _, w in judged) or 1.0
        fraction = sum(p for _, p, _ in judged) / total
        q["points"] = round(max_pts * fraction, 2)
        outcomes = {c["outcome"] for c in q["cases"]}
        if outcomes == {"passed"}:
            q["status"] = "passed"
        elif "passed" in outcomes:
            q["status"] = "partial"
        elif outcomes == {"not-answered"}:
            q["status"] = "not-answered"
        else:
            q["status"] = "failed"
        if q["status"] not in ("passed", "not-answered"):
            failed = [c for c in q["cases"] if c["outcome"] != "passed"]
            q["reason"] = f"{len(failed)} of {len(q['cases'])} tests failed."
        elif q["status"] == "not-answered":
            q["reason"] = "Not answered yet."
        if answer_problems and q["status"] != "passed":
            q["reason"] = " ".join(answer_problems) + " " + q["reason"]
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------
# The notebooks that run: the probe inserted, test cells in one of the two forms


def for_run(nb, form, classpath_ref):
    """(a copy of ``nb`` ready to run, {run index: master index}). The probe cell goes right after
    the %classpath cell; test cells are rewritten (probe.rewrite); the self-check cell is emptied (it
    would report the course engine's results, which grading does not use)."""
    out = copy.deepcopy(nb)
    j = fmt.first_code_cell(out)
    out.cells[j].source = fmt.classpath_cell(classpath_ref)
    for c in out.cells:
        if c.cell_type != "code":
            continue
        c.outputs, c.execution_count = [], None
        if fmt.kind(c) == "test":
            c.source = probe.rewrite(fmt.source(c), form)
        elif fmt.SELFCHECK_CALL.search(fmt.source(c)):
            c.source = ""
    out.cells.insert(j + 1, nbformat.v4.new_code_cell(probe.JAVA.strip()))
    origin = {(i + 1 if i > j else i): i for i in range(len(nb.cells))}
    return out, origin


def kernel_env(task):
    """The kernel's whole environment: nothing of the grader's (no keys, no tokens)."""
    heap = f"-Xmx{int(task.get('heap_mb') or 512)}m"
    opts = (heap + " " + (task.get("jvm_options") or "")).strip()
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "JAVA_TOOL_OPTIONS": opts}
    if task.get("isolation") != "bwrap":
        env["HOME"] = os.environ.get("HOME", "/tmp")
        for k in ("JAVA_HOME", "JUPYTER_PATH", "JUPYTER_DATA_DIR"):
            if k in os.environ:
                env[k] = os.environ[k]
    return env


def kernel_paths(kernel_name):
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    paths = [spec.resource_dir]
    paths += [a for a in spec.argv if a.startswith("/") and os.path.exists(a)]
    return paths


def execute(nb, kinds, task, work):
    """Runs ``nb`` for ``task`` (sandboxed unless isolation is 'none'); returns (runs, session)."""
    box = None
    if task.get("isolation", "bwrap") == "bwrap":
        sandboxes.enter_private_network()
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(work, "conn")
        box = sandboxes.Sandbox(
            work, task["classes"], kernel_paths(task["kernel"]), task.get("memory_mb", 1536), task.get("max_pids", 256)
        )
    return run_notebook(
        nb,
        kinds,
        task["kernel"],
        work,
        kernel_env(task),
        task["timeout"],
        task["startup_timeout"],
        task["start_attempts"],
        sandbox=box,
    )


def classpath_ref(task):
    """The folder the kernel loads the course from: where the sandbox shows it, else its own path."""
    if task.get("isolation", "bwrap") == "bwrap":
        return sandboxes.CLASSES_INSIDE
    return os.path.abspath(task["classes"])


def answer_methods(master):
    names = set()
    for c in master.cells:
        if fmt.kind(c) == "solution":
            names |= declarations(fmt.source(c))
    return names


# ---------------------------------------------------------------------------------------------
# The reference run: the instructor's solution, once per batch


def reference_one(task):
    """Runs the master in the reference form. Returns {"questions": {qid: {"cases": [...]}},
    "problems": [...], "seconds"}: problems are checks the solution itself fails."""
    t0 = time.monotonic()
    master = read_notebook(task["master"])
    nb, origin = for_run(master, "reference", classpath_ref(task))
    kinds = {i: fmt.kind(c) for i, c in enumerate(nb.cells)}
    work = tempfile.mkdtemp(prefix="reference-")
    os.chmod(work, 0o711)
    problems, questions = [], {}
    try:
        runs, session = execute(nb, kinds, task, work)
        by_master = {origin[i]: r for i, r in runs.items() if i in origin}
        probe_run = runs.get(fmt.first_code_cell(nb) + 1)
        if probe_run is not None and probe_run.status != "ok":
            problems.append(
                "the grader's probe cell did not run: "
                + (diagnostics(probe_run.error()) if probe_run.error() else probe_run.status)
            )
        for i, g in fmt.questions(master):
            qid, run = g["id"], by_master.get(i)
            if run is None or run.status != "ok":
                why = (
                    diagnostics(run.error()) if run is not None and run.error() else (run.status if run else "not run")
                )
                problems.append(f"{qid}: the test cell did not run on the solution: {why}")
                questions[qid] = {"cases": []}
                continue
            cases, done, declared = probe.cases_of(probe.observations(run.stdout()), qid)
            if not done:
                problems.append(f"{qid}: the tests did not finish on the solution ({declared})")
            qcases = []
            for c in sorted(cases):
                entry = cases[c]
                end = entry["ends"][0] if entry["ends"] else {}
                qcases.append(
                    {
                        "name": end.get("name", f"test {c + 1}"),
                        "w": probe._num(end.get("w", 1.0)),
                        "checks": entry["checks"],
                    }
                )
                if end.get("x"):
                    problems.append(
                        f"{qid}: test {end.get('name')!r} throws on the solution: "
                        f"{end['x'].get('cls')}: {end['x'].get('msg')}"
                    )
                for check in entry["checks"]:
                    p = probe.judge(check, check.get("a"))
                    if p:
                        problems.append(f"{qid}: the solution fails its own test {end.get('name')!r}: {p}")
            questions[qid] = {"cases": qcases}
        session_events = session.events
    except KernelStartError as e:
        problems.append(f"the reference run could not start a kernel: {e}; " + " | ".join(_log_tail(work)))
        session_events = []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "questions": questions,
        "problems": problems,
        "events": session_events,
        "master_sha": sha(task["master"]),
        "seconds": round(time.monotonic() - t0, 2),
    }


# ---------------------------------------------------------------------------------------------
# One student


def grade_one(task):
    """Grades one submission. ``task`` is a plain dict (it crosses a process boundary)."""
    t0 = time.monotonic()
    cpu0 = time.process_time()
    master = read_notebook(task["master"])
    record = {
        "_cpu0": cpu0,
        "student": task["student"],
        "file": task.get("file", os.path.basename(task["submission"])),
        "assignment": task["assignment"],
        "tool": VERSION,
        "submission": task["submission"],
        "submission_sha": sha(task["submission"]),
        "master_sha": sha(task["master"]),
        "status": "graded",
        "notes": [],
        "questions": [],
        "kernel_starts": 0,
        "events": [],
        "isolation": task.get("isolation", "bwrap"),
    }
    sub, problem = load_submission(task["submission"])
    if sub is None:
        record["status"] = "invalid"
        record["notes"].append("Nothing could be graded: " + problem.rstrip(".?") + ".")
        record["questions"] = [
            {
                "id": g["id"],
                "title": g.get("title", ""),
                "max": float(g["points"]),
                "points": 0.0,
                "status": "invalid",
                "reason": "The notebook could not be read.",
                "cases": [],
                "notes": [],
                "tampered": False,
            }
            for _, g in fmt.questions(master)
        ]
        return _finish(record, t0)
    assembled, notes, qnotes, tampered = assemble(master, sub, task["classes"])
    record["notes"].extend(notes)
    nb, origin = for_run(assembled, "student", classpath_ref(task))
    kinds = {i: fmt.kind(c) for i, c in enumerate(nb.cells)}
    work = tempfile.mkdtemp(prefix="grade-")
    os.chmod(work, 0o711)
    try:
        try:
            runs, session = execute(nb, kinds, task, work)
        except KernelStartError as e:
            record["status"] = "error"
            record["events"].append(str(e))
            record["events"].extend(_log_tail(work))
            record["questions"] = [
                {
                    "id": g["id"],
                    "title": g.get("title", ""),
                    "max": float(g["points"]),
                    "points": 0.0,
                    "status": "error",
                    "reason": "Not graded yet (kernel failure).",
                    "cases": [],
                    "notes": [],
                    "tampered": False,
                }
                for _, g in fmt.questions(master)
            ]
            return _finish(record, t0)
        record["kernel_starts"] = session.starts
        record["survivors"] = session.survivors
        record["kernel_start_seconds"] = round(session.start_seconds, 2)
        record["kernel_cpu_seconds"] = round(session.sandbox.cpu_seconds, 2) if session.sandbox else None
        record["events"].extend(session.events)
        for i, run in sorted(runs.items()):
            if run.status in ("timeout", "died"):
                g = fmt.meta(nb.cells[i])
                record["events"].append(
                    f"cell {i} ({g['id'] if g else 'unmarked'}): {run.status}" + (f" ({run.note})" if run.note else "")
                )
        by_master = {origin[i]: r for i, r in runs.items() if i in origin}
        record["questions"] = score_questions(
            master, by_master, task["reference"], qnotes, tampered, task["timeout"], answer_methods(master)
        )
        record["compile_errors"] = sorted(i for i, r in by_master.items() if is_compile_error(r.error()))
        if task.get("keep_notebook"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nbformat.write(nb, os.path.join(task["keep_notebook"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _finish(record, t0)


def _log_tail(work):
    lines = []
    for name in sorted(os.listdir(work)):
        if name.endswith(".log"):
            with open(os.path.join(work, name), "rb") as f:
                tail = f.read().decode("utf-8", "replace").splitlines()[-3:]
            lines.extend(f"{name}: {ln}" for ln in tail)
    return lines


def _finish(record, t0):
    record["grader_cpu_seconds"] = round(time.process_time() - record.pop("_cpu0", 0.0), 2)
    record["score"] = round(sum(q["points"] for q in record["questions"]), 2)
    record["max"] = round(sum(q["max"] for q in record["questions"]), 2)
    record["seconds"] = round(time.monotonic() - t0, 2)
    return record


# ---------------------------------------------------------------------------------------------
# Writing the results


def fmt_points(p):
    return str(int(p)) if float(p) == int(p) else f"{p:.2f}".rstrip("0")


def redact(text, secrets_):
    for s in secrets_:
        if s in text:
            text = text.replace(s, "[hidden]")
    return text


def feedback_markdown(record):
    title = f"# Feedback: {record['assignment']} — {record['student']}\n\n"
    if record["status"] == "error":
        return (
            title + "Your notebook has not been graded yet (the grader could not start a kernel); "
            "it will be graded on the next run.\n"
        )
    out = [title, f"**Score: {fmt_points(record['score'])} / {fmt_points(record['max'])} points**\n\n"]
    if record["notes"]:
        out.append("## About your notebook\n\n")
        out.extend(f"- {n}\n" for n in record["notes"])
        out.append("\n")
    for q in record["questions"]:
        head = q["id"] + (f" · {q['title']}" if q["title"] else "")
        out.append(f"## {head} — {fmt_points(q['points'])} / {fmt_points(q['max'])} points ({q['status']})\n\n")
        if q["notes"]:
            out.extend(f"- {n}\n" for n in q["notes"])
            out.append("\n")
        if q["status"] == "not-answered":
            out.append(
                'Not answered yet: the answer cell still throws `UnsupportedOperationException("your code here")`.\n\n'
            )
            continue
        if q["reason"]:
            out.append(f"{q['reason']}\n\n")
        for c in q["cases"]:
            if c.get("outcome") == "passed":
                out.append(f"- ✓ {c['name']}\n")
            else:
                line = f"- ✗ {c['name']}: {c.get('message', '')}"
                if c.get("hint"):
                    line += f" *Hint:* {c['hint']}"
                out.append(line + "\n")
        out.append("\n")
    return "".join(out)


def gradescope(record):
    tests = []
    for q in record["questions"]:
        lines = [q["reason"]] if q["reason"] else []
        lines += q["notes"]
        for c in q["cases"]:
            mark = "✓" if c.get("outcome") == "passed" else "✗"
            lines.append(
                f"{mark} {c['name']}"
                + (
                    ""
                    if mark == "✓"
                    else f": {c.get('message', '')}" + (f" Hint: {c['hint']}" if c.get("hint") else "")
                )
            )
        tests.append(
            {
                "name": q["id"] + (f" · {q['title']}" if q["title"] else ""),
                "number": q["id"],
                "score": q["points"],
                "max_score": q["max"],
                "status": "passed" if q["status"] == "passed" else "failed",
                "output": "\n".join(x for x in lines if x),
                "visibility": "visible",
            }
        )
    return {
        "score": record["score"],
        "execution_time": int(round(record["seconds"])),
        "output": "\n".join(record["notes"]),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def _write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


KEY_FILE = ".grader-key"


def grader_key(out_dir):
    """The output folder's HMAC key (created on first use, mode 0600). Kernels never see it: it is
    not in their environment and the output folder is not in their sandbox."""
    path = os.path.join(out_dir, KEY_FILE)
    if not os.path.exists(path):
        os.makedirs(out_dir, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
    with open(path, encoding="ascii") as f:
        return bytes.fromhex(f.read().strip())


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature(key, record, feedback, results):
    body = {k: v for k, v in record.items() if k != "signature"}
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False) + "\n" + _digest(feedback) + "\n" + _digest(results)
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def write_student(out_dir, record, secrets_, key):
    d = os.path.join(out_dir, "students", record["student"])
    os.makedirs(d, exist_ok=True)
    feedback = redact(feedback_markdown(record), secrets_)
    results = redact(json.dumps(gradescope(record), indent=2, ensure_ascii=False), secrets_)
    record = json.loads(redact(json.dumps(record, ensure_ascii=False), secrets_))
    record["signature"] = signature(key, record, feedback, results)
    _write(os.path.join(d, "feedback.md"), feedback)
    _write(os.path.join(d, "results.json"), results)
    # the instructor's record last: its presence (with a valid signature) marks the student as done
    _write(os.path.join(d, "record.json"), json.dumps(record, indent=2, ensure_ascii=False))
    return record


def load_record(out_dir, student, key):
    """(record, None) when the student's three files are there and carry a valid signature, else
    (None, why) — why is None when there is simply no record yet."""
    d = os.path.join(out_dir, "students", student)
    if not os.path.exists(os.path.join(d, "record.json")):
        return None, None
    try:
        with open(os.path.join(d, "record.json"), encoding="utf-8") as f:
            record = json.load(f)
        with open(os.path.join(d, "feedback.md"), encoding="utf-8", newline="") as f:
            feedback = f.read()
        with open(os.path.join(d, "results.json"), encoding="utf-8", newline="") as f:
            results = f.read()
    except (OSError, ValueError) as e:
        return None, f"its files cannot be read ({type(e).__name__})"
    if not isinstance(record, dict) or not hmac.compare_digest(
        str(record.get("signature", "")), signature(key, record, feedback, results)
    ):
        return None, "its record, feedback or results were changed outside the grader (bad signature)"
    if record.get("student") != student:
        return None, "its record names another student"
    return record, None


def write_sheets(out_dir, records):
    """grades.csv and totals.csv from exactly ``records`` (this run's submission list)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["student", "file", "question", "points", "max", "status", "reason"])
    tot = io.StringIO()
    wt = csv.writer(tot, lineterminator="\n")
    wt.writerow(["student", "file", "points", "max", "status", "notes"])
    for r in sorted(records, key=lambda r: r["student"]):
        for q in r["questions"]:
            reason = " ".join(([q["reason"]] if q["reason"] else []) + q["notes"])
            w.writerow(
                [
                    r["student"],
                    r.get("file", ""),
                    q["id"],
                    fmt_points(q["points"]),
                    fmt_points(q["max"]),
                    q["status"] + ("+tampered" if q.get("tampered") else ""),
                    reason,
                ]
            )
        wt.writerow(
            [
                r["student"],
                r.get("file", ""),
                fmt_points(r["score"]),
                fmt_points(r["max"]),
                r["status"],
                " ".join(r["notes"]),
            ]
        )
    _write(os.path.join(out_dir, "grades.csv"), buf.getvalue())
    _write(os.path.join(out_dir, "totals.csv"), tot.getvalue())


def student_id(name):
    """A folder-safe id that keeps Unicode letters and digits: NFC, then anything but letters,
    digits, '_', '.', '-', '@', '+' becomes '_'; no leading dot."""
    name = unicodedata.normalize("NFC", name)
    safe = "".join(ch if (ch.isalnum() or ch in "_.-@+") else "_" for ch in name).lstrip(".")
    return safe[:120] or "_"

"""Grading: a submission's answers go into a clean copy of the master, which is run and scored.

Scores come only from the ``@@RESULT <token> <json>`` line that ``Question.grade`` prints in a
test cell when the kernel holds this run's token — never from printed values, cell values or
stderr. Everything written for students (feedback, results.json) is built from those results
and from short, sanitised error messages, and is finally scrubbed of every line of hidden test
and solution code.
"""

import copy
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
import time
import warnings
from collections import defaultdict

import nbformat

from . import VERSION, fmt
from .execute import KernelStartError, run_notebook

TOKEN_VARIABLE = "SOFTMAX_GRADER_TOKEN"
RESULT_RE = re.compile(r"^@@RESULT (\S+) (\{.*\})\s*$")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
ENGINE_TYPES = ("Check", "Checker", "CheckFailure", "Question", "QuestionResult", "Tests", "Case",
                "CaseResult", "Exercise", "SelfCheck", "Notebook", "System", "Math", "String", "Double",
                "Arrays", "Object")
SHADOW_RE = re.compile(r"\b(?:class|interface|enum|record)\s+(" + "|".join(ENGINE_TYPES) + r")\b")
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
        return None, f"the submission is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); " \
                     "was it edited outside Jupyter or saved while truncated?"
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "the submission is JSON but not a notebook (it has no list of cells)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as e:   # noqa: BLE001 - any nbformat failure means "not a notebook"
        return None, f"the submission is not a readable notebook ({type(e).__name__})"
    return nb, None


def assemble(master, sub, jar_path):
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
    if unknown:
        notes.append(f"Cells with unknown ids were ignored: {', '.join(sorted(unknown))}.")

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
                target.append(f"Answer cell {gid} is missing from your notebook (deleted, or its metadata lost); "
                              "the handout's empty stub was graded.")
                cell.source = fmt.stub_source(fmt.source(cell))
                continue
            if len(subs) > 1:
                target.append(f"Answer cell {gid} appears {len(subs)} times; the last one was graded.")
            chosen = subs[-1]
            text = fmt.source(chosen) if chosen.cell_type == "code" else ""
            if chosen.cell_type != "code":
                target.append(f"Answer cell {gid} was turned into a {chosen.cell_type} cell; the empty stub was graded.")
                text = fmt.stub_source(fmt.source(cell))
            magics = MAGIC_RE.findall(text)
            if magics:
                text = MAGIC_RE.sub("// (a kernel command was removed here)", text)
                target.append(f"Answer cell {gid}: kernel commands ({', '.join(x.strip().split()[0] for x in magics)}) "
                              "were removed; grading runs offline with the course jar only.")
            shadow = SHADOW_RE.search(fmt.mask_java(text))
            if shadow:
                target.append(f"Tampering: answer cell {gid} declares a type named {shadow.group(1)}, which would "
                              "replace part of the course's test engine; the answer was not run.")
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
    extra = [c for c in sub.cells if c.cell_type == "code" and not fmt.meta(c)
             and fmt.checksum(fmt.source(c)) not in handout and fmt.source(c).strip()
             and not fmt.JARS_RE.match(fmt.source(c).strip())]
    if extra:
        notes.append(f"{len(extra)} code cell{'s' if len(extra) > 1 else ''} outside the answer cells "
                     f"{'were' if len(extra) > 1 else 'was'} added or changed; only answer cells are graded, "
                     "so that code was not run.")
    j = fmt.first_code_cell(nb)
    nb.cells[j].source = "%jars " + os.path.abspath(jar_path)
    return nb, notes, {q: n for q, n in qnotes.items() if n}, tampered


# ---------------------------------------------------------------------------------------------
# Reading the results

def diagnostics(error_output):
    """A short, readable reason from a kernel error output. The source lines the kernel echoes
    (``|  code``), carets and stack frames are dropped: the reason names the problem, and a test
    cell's code (hidden tests included) never reaches the student this way."""
    ename = error_output.get("ename", "Error")
    lines = []
    for entry in error_output.get("traceback", []) or []:
        for line in ANSI_RE.sub("", entry).split("\n"):
            s = line.strip()
            if not s or s == "Compile error:" or s.startswith("|") or s.startswith("at ") \
                    or set(s) <= {"^", "-", " "}:
                continue
            if s not in lines:
                lines.append(s)
    if ename == "CompilerException":
        text = "; ".join(lines) or "compile error"
    else:
        value = ANSI_RE.sub("", error_output.get("evalue", "") or "").strip().split("\n")[0]
        text = ename + (": " + value if value else "")
    text = text[:400] + (" …" if len(text) > 400 else "")
    return text if text.endswith((".", "…")) else text + "."


def parse_result(run, token, qid):
    """(result dict or None, notes) from a test cell's stdout."""
    found, notes = [], []
    for line in run.stdout().splitlines():
        m = RESULT_RE.match(line.strip())
        if not m:
            continue
        if m.group(1) != token:
            notes.append("A result line with a wrong token was ignored (printed by code other than the tests?).")
            continue
        try:
            data = json.loads(m.group(2))
        except json.JSONDecodeError:
            notes.append("A malformed result line was ignored.")
            continue
        if data.get("id") == qid:
            found.append(data)
    if len(found) > 1:
        notes.append(f"The tests of {qid} reported {len(found)} times; the last report was used.")
    return (found[-1] if found else None), notes


def answer_reason(run, gid, timeout):
    if run is None:
        return None
    if run.status == "timeout":
        return f"Your answer cell {gid} ran longer than {timeout:g} s (an endless loop at its top level?) and was stopped."
    if run.status == "died":
        return f"Your answer cell {gid} stopped the kernel (System.exit, or a crash); it was skipped after a restart."
    err = run.error()
    if err is not None:
        if err.get("ename") == "CompilerException":
            return f"Your answer cell {gid} did not compile: {diagnostics(err)}"
        return f"Your answer cell {gid} stopped with {diagnostics(err)}"
    return None


def score_questions(master, runs, token, qnotes, tampered, timeout):
    """Per question: points, status, reason, cases — from the runs of the assembled notebook."""
    cells = master.cells
    answer_cells = defaultdict(list)
    for i, c in enumerate(cells):
        if fmt.kind(c) == "solution":
            answer_cells[fmt.answer_question(master).get(fmt.meta(c)["id"])].append(i)
    out = []
    for i, g in fmt.questions(master):
        qid, max_pts = g["id"], float(g["points"])
        run = runs.get(i)
        notes = list(qnotes.get(qid, []))
        answer_problems = [r for r in (answer_reason(runs.get(a), fmt.meta(cells[a])["id"], timeout)
                                       for a in answer_cells.get(qid, [])) if r]
        q = {"id": qid, "title": g.get("title", ""), "max": max_pts, "points": 0.0, "status": "error",
             "reason": "", "cases": [], "notes": notes, "tampered": qid in tampered}
        result, parse_notes = parse_result(run, token, qid) if run is not None else (None, [])
        notes.extend(n for n in parse_notes if n not in notes)
        if result is not None:
            fraction = float(result.get("fraction") or 0.0)
            q["points"] = round(max_pts * fraction, 2)
            q["status"] = result.get("status", "failed")
            q["cases"] = result.get("cases", [])
            if result.get("error"):
                q["reason"] = "The tests could not run: " + result["error"]
            elif q["status"] != "passed":
                failed = [c for c in q["cases"] if c.get("outcome") != "passed"]
                q["reason"] = ("Not answered yet." if q["status"] == "not-answered"
                               else f"{len(failed)} of {len(q['cases'])} tests failed.")
            if answer_problems and q["status"] != "passed":
                q["reason"] = " ".join(answer_problems) + " " + q["reason"]
        else:
            if run is None or run.status == "skipped":
                q["status"], why = "error", "The tests were not run (too many kernel restarts)."
            elif run.status == "timeout":
                q["status"], why = "timeout", (f"The tests ran longer than {timeout:g} s (an endless loop in your "
                                                "code?); the kernel was restarted and grading went on.")
            elif run.status == "died":
                q["status"], why = "crashed", ("The kernel stopped while the tests ran (System.exit, or a crash); "
                                               "it was restarted and grading went on.")
            elif run.error() is not None and run.error().get("ename") == "CompilerException":
                if any("did not compile" in a or "was stopped" in a or "stopped the kernel" in a
                       for a in answer_problems):
                    q["status"], why = "error", "So the tests could not run."
                else:
                    q["status"], why = "error", ("The tests could not be compiled against your notebook — is a "
                                                 "method missing, renamed or given a different signature? ("
                                                 + diagnostics(run.error())[:-1] + ").")
            elif run.error() is not None:
                q["status"], why = "error", "The test cell stopped: " + diagnostics(run.error())
            else:
                q["status"], why = "error", "The tests reported no result (was System.out replaced?)."
            q["reason"] = " ".join(answer_problems + [why])
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------
# One student

def grade_one(task):
    """Grades one submission. ``task`` is a plain dict (it crosses a process boundary)."""
    t0 = time.monotonic()
    master = read_notebook(task["master"])
    record = {"student": task["student"], "assignment": task["assignment"], "tool": VERSION,
              "submission": task["submission"], "submission_sha": sha(task["submission"]),
              "master_sha": sha(task["master"]), "status": "graded", "notes": [], "questions": [],
              "kernel_starts": 0, "events": []}
    sub, problem = load_submission(task["submission"])
    if sub is None:
        record["status"] = "invalid"
        record["notes"].append("Nothing could be graded: " + problem.rstrip(".?") + ".")
        record["questions"] = [{"id": g["id"], "title": g.get("title", ""), "max": float(g["points"]),
                                "points": 0.0, "status": "invalid", "reason": "The notebook could not be read.",
                                "cases": [], "notes": [], "tampered": False} for _, g in fmt.questions(master)]
        return _finish(record, t0)
    nb, notes, qnotes, tampered = assemble(master, sub, task["jar"])
    record["notes"].extend(notes)
    kinds = {i: fmt.kind(c) for i, c in enumerate(nb.cells)}
    token = secrets.token_hex(12)
    env = dict(os.environ)
    env[TOKEN_VARIABLE] = token
    if task.get("jvm_options"):
        env["JAVA_TOOL_OPTIONS"] = (env.get("JAVA_TOOL_OPTIONS", "") + " " + task["jvm_options"]).strip()
    work = tempfile.mkdtemp(prefix="grade-")
    try:
        try:
            runs, session = run_notebook(nb, kinds, task["kernel"], work, env, task["timeout"],
                                         task["startup_timeout"], task["start_attempts"])
        except KernelStartError as e:
            record["status"] = "error"
            record["events"].append(str(e))
            record["events"].extend(_log_tail(work))
            record["questions"] = [{"id": g["id"], "title": g.get("title", ""), "max": float(g["points"]),
                                    "points": 0.0, "status": "error", "reason": "Not graded yet (kernel failure).",
                                    "cases": [], "notes": [], "tampered": False} for _, g in fmt.questions(master)]
            return _finish(record, t0)
        record["kernel_starts"] = session.starts
        record["events"].extend(session.events)
        for i, run in sorted(runs.items()):
            if run.status in ("timeout", "died"):
                g = fmt.meta(nb.cells[i])
                record["events"].append(f"cell {i} ({g['id'] if g else 'unmarked'}): {run.status}"
                                        + (f" ({run.note})" if run.note else ""))
        record["questions"] = score_questions(master, runs, token, qnotes, tampered, task["timeout"])
        record["compile_errors"] = sorted(i for i, r in runs.items() if r.error() is not None
                                          and r.error().get("ename") == "CompilerException")
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
        return title + "Your notebook has not been graded yet (the grader could not start a kernel); " \
                       "it will be graded on the next run.\n"
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
            out.append("Not answered yet: the answer cell still throws `UnsupportedOperationException(\"your code "
                       "here\")`.\n\n")
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
            lines.append(f"{mark} {c['name']}" + ("" if mark == "✓" else f": {c.get('message', '')}"
                                                   + (f" Hint: {c['hint']}" if c.get("hint") else "")))
        tests.append({"name": q["id"] + (f" · {q['title']}" if q["title"] else ""), "number": q["id"],
                      "score": q["points"], "max_score": q["max"],
                      "status": "passed" if q["status"] == "passed" else "failed",
                      "output": "\n".join(x for x in lines if x), "visibility": "visible"})
    return {"score": record["score"], "execution_time": int(round(record["seconds"])),
            "output": "\n".join(record["notes"]), "visibility": "visible", "stdout_visibility": "hidden",
            "tests": tests}


def _write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def write_student(out_dir, record, secrets_):
    d = os.path.join(out_dir, "students", record["student"])
    os.makedirs(d, exist_ok=True)
    _write(os.path.join(d, "feedback.md"), redact(feedback_markdown(record), secrets_))
    _write(os.path.join(d, "results.json"), redact(json.dumps(gradescope(record), indent=2, ensure_ascii=False),
                                                   secrets_))
    # the instructor's record last: its presence marks the student as done
    _write(os.path.join(d, "record.json"), redact(json.dumps(record, indent=2, ensure_ascii=False), secrets_))


def load_records(out_dir):
    base = os.path.join(out_dir, "students")
    records = []
    if os.path.isdir(base):
        for name in sorted(os.listdir(base)):
            p = os.path.join(base, name, "record.json")
            if os.path.exists(p):
                try:
                    with open(p, encoding="utf-8") as f:
                        records.append(json.load(f))
                except (OSError, json.JSONDecodeError):
                    pass
    return records


def write_sheets(out_dir, records):
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["student", "question", "points", "max", "status", "reason"])
    tot = io.StringIO()
    wt = csv.writer(tot, lineterminator="\n")
    wt.writerow(["student", "points", "max", "status", "notes"])
    for r in sorted(records, key=lambda r: r["student"]):
        for q in r["questions"]:
            reason = " ".join(([q["reason"]] if q["reason"] else []) + q["notes"])
            w.writerow([r["student"], q["id"], fmt_points(q["points"]), fmt_points(q["max"]),
                        q["status"] + ("+tampered" if q.get("tampered") else ""), reason])
        wt.writerow([r["student"], fmt_points(r["score"]), fmt_points(r["max"]), r["status"], " ".join(r["notes"])])
    _write(os.path.join(out_dir, "grades.csv"), buf.getvalue())
    _write(os.path.join(out_dir, "totals.csv"), tot.getvalue())

#!/usr/bin/env python3
"""Test every exercise of every course notebook: its check fails on the starter, passes on a model answer.

Usage (from the notebooks/ folder; Maven runs it at `integration-test`, so `bin/test` does):

    python3 tools/test_exercises.py [--report FILE] [NOTEBOOK ...]
    python3 tools/test_exercises.py --check-only     # every exercise has a model answer; no kernel
    python3 tools/test_exercises.py --self-test      # unit tests of this file

An exercise is a pair of code cells: the *answer cell* the student edits, and right after it
the *check cell*, which calls `Exercise.check("Exercise N: …", t -> {…})`. The model answers
live in `tools/exercise_solutions.txt`, out of the students' sight in the notebook:

    === 01-activations.ipynb: Exercise 1
    double leakyValue = 0.3 * -2;        <- replaces the answer cell
    --- wrong                            <- optional: a wrong attempt, which must get a hint
    double leakyValue = 0;

For each notebook this script builds one longer notebook in memory: after every check cell it
inserts the wrong attempt and the check again, then the model answer and the check again, and
runs it on the `java` kernel with SOFTMAX_EXERCISE_REPORT=1, so that each check prints one
`@@EXERCISE {json}` line with the real outcome of every check. It then requires:

* the stored starter: "not attempted" (the neutral grey line), and not every check passing;
* a wrong attempt: attempted, some check failing, and a hint shown;
* the model answer: attempted, every check passing;
* the notebook's last code cell: `Exercise.summary(N)` with N its number of exercises.

Needs nbformat and nbclient (Debian: python3-nbclient). Exits 1 on any failure.
"""

import argparse
import atexit
import json
import os
import re
import sys
import time
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent
SOLUTIONS = Path(__file__).resolve().parent / "exercise_solutions.txt"
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
REPORT_PREFIX = "@@EXERCISE "
_CHECK = re.compile(r'Exercise\.check\(\s*"(Exercise \d+)')
_SUMMARY = re.compile(r"Exercise\.summary\(\s*(\d+)\s*\)")
_HEADER = re.compile(r"^=== (\S+\.ipynb): (Exercise \d+)\s*$")


# ---------------------------------------------------------------- pure logic


def source_of(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def parse_solutions(text):
    """{(notebook, "Exercise N"): {"answer": code, "wrong": code or None}} from the solutions file."""
    out = {}
    key = None
    part = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            key = (header.group(1), header.group(2))
            if key in out:
                raise ValueError(f"line {number}: a second model answer for {key[0]} {key[1]}")
            out[key] = {"answer": [], "wrong": None}
            part = "answer"
            continue
        if line.strip() == "--- wrong" and key is not None:
            out[key]["wrong"] = []
            part = "wrong"
            continue
        if key is None:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"line {number}: text before the first '=== <notebook>: Exercise N' header")
            continue
        out[key][part].append(line)
    for key, entry in out.items():
        entry["answer"] = "\n".join(entry["answer"]).strip("\n")
        if not entry["answer"].strip():
            raise ValueError("{} {}: the model answer is empty".format(*key))
        if entry["wrong"] is not None:
            entry["wrong"] = "\n".join(entry["wrong"]).strip("\n")
    return out


def exercises(nb):
    """[(title, answer cell index, check cell index)] in notebook order."""
    found = []
    last_code = None
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        match = _CHECK.search(source_of(cell))
        if match:
            if last_code is None:
                raise ValueError(f"{match.group(1)} has no answer cell before it")
            found.append((match.group(1), last_code, i))
        last_code = i
    titles = [t for t, _, _ in found]
    if len(set(titles)) != len(titles):
        raise ValueError(f"an exercise title appears twice: {titles}")
    return found


def summary_count(nb):
    """N of the `Exercise.summary(N)` in the last code cell, or None."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    match = _SUMMARY.search(source_of(code[-1])) if code else None
    return int(match.group(1)) if match else None


def static_problems(name, nb, solutions):
    found = exercises(nb)
    problems = []
    for title, _, _ in found:
        if (name, title) not in solutions:
            problems.append(f"{name}: {title} has no model answer in {SOLUTIONS.name}")
    titles = {t for t, _, _ in found}
    for nb_name, title in solutions:
        if nb_name == name and title not in titles:
            problems.append(f"{name}: {title} has a model answer but no check cell")
    if found and summary_count(nb) != len(found):
        problems.append(f"{name}: the last code cell must be Exercise.summary({len(found)}), found {summary_count(nb)}")
    return problems


def augmented(nb, name, solutions):
    """A copy of nb with wrong attempts and model answers, each followed by its check again."""
    import copy

    out = copy.deepcopy(nb)
    cells = []
    found = {check: (title, answer) for title, answer, check in exercises(nb)}
    for i, original in enumerate(nb["cells"]):
        cell = copy.deepcopy(original)
        if i in found:
            title = found[i][0]
            cell.setdefault("metadata", {})["exercise_test"] = {"title": title, "role": "starter"}
            cells.append(cell)
            entry = solutions[(name, title)]
            for role in ("wrong", "solution"):
                code = entry["wrong"] if role == "wrong" else entry["answer"]
                if code is None:
                    continue
                cells.append(
                    {
                        "cell_type": "code",
                        "execution_count": None,
                        "outputs": [],
                        "source": code,
                        "id": f"exercise-test-{i}-{role}-answer",
                        "metadata": {"exercise_test": {"title": title, "role": role + " answer"}},
                    }
                )
                check = copy.deepcopy(nb["cells"][i])
                check["id"] = f"exercise-test-{i}-{role}"
                check["metadata"] = {"exercise_test": {"title": title, "role": role}}
                cells.append(check)
        else:
            cells.append(cell)
    out["cells"] = cells
    return out


def report_of(cell):
    """The parsed @@EXERCISE line of an executed check cell, or None."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            text = source_of({"source": output.get("text", "")})
            for line in text.splitlines():
                if line.startswith(REPORT_PREFIX):
                    return json.loads(line[len(REPORT_PREFIX) :])
    return None


def errors_of(cell):
    msgs = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            msgs.append(
                "{}: {}".format(output.get("ename", ""), re.sub(r"\x1b\[[0-9;]*m", "", output.get("evalue", ""))[:300])
            )
    return msgs


def judge(role, report):
    """None when the check behaved as it must for this role, else what went wrong."""
    if report is None:
        return "the check printed no @@EXERCISE line (did the cell compile and run?)"
    checks = report["checks"]
    cases = checks.get("cases", [])
    passed_all = checks.get("passed", False)
    if role == "starter":
        if report["attempted"]:
            return "the unedited starter counts as attempted (its notAttemptedWhen condition does not hold)"
        if passed_all:
            return "every check passes on the unedited starter"
        return None
    if not report["attempted"]:
        return f"the {role} answer still counts as not attempted"
    if role == "wrong":
        if passed_all:
            return "the wrong attempt passes every check"
        if not any(c.get("hint") for c in cases if c.get("outcome") != "passed"):
            return "the wrong attempt gets no hint"
        return None
    if not passed_all:
        failing = [c["name"] + ": " + c.get("message", "") for c in cases if c.get("outcome") != "passed"]
        return "the model answer fails: %s" % ("; ".join(failing) or checks.get("error"))
    return None


# ---------------------------------------------------------------- execution


def execute(nb, kernel, timeout, startup_timeout, start_retries, log):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    retries = 0
    while True:
        run = nbformat.from_dict(json.loads(json.dumps(nb)))
        started = {}

        def mark_started(cell, cell_index, started=started):
            started.setdefault("cell", cell_index)

        client = NotebookClient(
            run,
            kernel_name=kernel,
            timeout=timeout,
            startup_timeout=startup_timeout,
            allow_errors=True,
            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
        )
        client.on_cell_start = mark_started
        try:
            with open(os.devnull, "wb") as sink:
                client.execute(stdout=sink, stderr=sink)
            return run, None
        except (RuntimeError, TimeoutError, DeadKernelError) as e:
            if "cell" not in started and retries < start_retries:
                retries += 1
                reason = f"{type(e).__name__}: {str(e)[:120]}"
                log(f"RETRY: kernel start failed ({reason}); retry {retries} of {start_retries}")
                continue
            return run, f"{type(e).__name__}: {str(e)[:300]}"
        finally:
            atexit.unregister(client._cleanup_kernel)


def test_notebook(path, solutions, args):
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    name = path.name
    problems = static_problems(name, nb, solutions)
    counts = {"exercises": len(exercises(nb)), "starter": 0, "wrong": 0, "solution": 0}
    if problems or not counts["exercises"]:
        return counts, problems
    began = time.monotonic()
    run, fatal = execute(
        augmented(nb, name, solutions),
        args.kernel,
        args.timeout,
        args.startup_timeout,
        args.start_retries,
        lambda s: print("  " + s, flush=True),
    )
    if fatal:
        return counts, [f"{name}: {fatal}"]
    for cell in run.cells:
        tag = cell.get("metadata", {}).get("exercise_test")
        if not tag:
            continue
        title, role = tag["title"], tag["role"]
        for err in errors_of(cell):
            problems.append(f"{name}: {title}, {role}: {err}")
        if role.endswith(" answer"):
            continue
        problem = judge(role, report_of(cell))
        if problem:
            problems.append(f"{name}: {title}, {role}: {problem}")
        else:
            counts[role] += 1
    counts["seconds"] = round(time.monotonic() - began, 1)
    return counts, problems


def run(args):
    solutions = parse_solutions(SOLUTIONS.read_text(encoding="utf-8"))
    paths = [NOTEBOOKS_DIR / n for n in args.notebooks] if args.notebooks else sorted(NOTEBOOKS_DIR.glob(NOTEBOOK_GLOB))
    names = {p.name for p in sorted(NOTEBOOKS_DIR.glob(NOTEBOOK_GLOB))}
    all_problems = [
        (f"{n}: model answers for a notebook that does not exist")
        for n in sorted({k[0] for k in solutions})
        if n not in names
    ]
    results = {}
    if args.check_only:
        import nbformat

        for path in paths:
            all_problems += static_problems(path.name, nbformat.read(str(path), as_version=4), solutions)
    else:
        os.environ["SOFTMAX_EXERCISE_REPORT"] = "1"
        for path in paths:
            print(f"exercises: {path.name}", flush=True)
            counts, problems = test_notebook(path, solutions, args)
            results[path.name] = counts
            all_problems += problems
            seconds = f", {counts['seconds']:.1f} s" if "seconds" in counts else ""
            print(
                f"  {counts['exercises']} exercises: {counts['starter']} starters not attempted and failing, "
                f"{counts['wrong']} wrong attempts with hints, {counts['solution']} model answers passing{seconds}",
                flush=True,
            )
            for p in problems:
                print("  FAIL: " + p, flush=True)
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(
            json.dumps({"notebooks": results, "problems": all_problems}, indent=1) + "\n", encoding="utf-8"
        )
    total = {k: sum(c.get(k, 0) for c in results.values()) for k in ("exercises", "starter", "wrong", "solution")}
    if not args.check_only:
        print(
            f"exercise tests: {total['exercises']} exercises; {total['starter']} starters, {total['wrong']} wrong "
            f"attempts and {total['solution']} model answers behave as they must"
        )
    for p in all_problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if all_problems else 0


# ---------------------------------------------------------------- self-test


def self_test():
    text = (
        "# comment\n=== 01-a.ipynb: Exercise 1\ndouble x = 1;\n\n--- wrong\ndouble x = 2;\n"
        "=== 01-a.ipynb: Exercise 2\nint n = 3;\n"
    )
    sol = parse_solutions(text)
    assert sol[("01-a.ipynb", "Exercise 1")] == {"answer": "double x = 1;", "wrong": "double x = 2;"}, sol
    assert sol[("01-a.ipynb", "Exercise 2")]["wrong"] is None
    for bad in (
        "stray\n=== 01-a.ipynb: Exercise 1\nx\n",
        "=== 01-a.ipynb: Exercise 1\n\n",
        "=== 01-a.ipynb: Exercise 1\nx\n=== 01-a.ipynb: Exercise 1\ny\n",
    ):
        try:
            parse_solutions(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"accepted: {bad!r}")

    def code(src, **meta):
        return {"cell_type": "code", "source": src, "metadata": meta, "outputs": [], "execution_count": None}

    nb = {
        "cells": [
            code("%jars x.jar"),
            {"cell_type": "markdown", "source": "1. …", "metadata": {}},
            code("double x = Double.NaN;"),
            code('Exercise.check("Exercise 1: x", t -> {});'),
            code("Exercise.summary(1);"),
        ]
    }
    assert exercises(nb) == [("Exercise 1", 2, 3)]
    assert summary_count(nb) == 1
    assert static_problems("01-a.ipynb", nb, sol) == ["01-a.ipynb: Exercise 2 has a model answer but no check cell"]
    aug = augmented(nb, "01-a.ipynb", sol)
    roles = [c["metadata"].get("exercise_test", {}).get("role") for c in aug["cells"]]
    assert roles == [None, None, None, "starter", "wrong answer", "wrong", "solution answer", "solution", None], roles
    assert aug["cells"][6]["source"] == "double x = 1;"

    def line(attempted, passed, hint="h"):
        payload = {
            "attempted": attempted,
            "checks": {
                "passed": passed,
                "cases": [{"name": "c", "outcome": "passed" if passed else "failed", "message": "m", "hint": hint}],
            },
        }
        return {
            "outputs": [
                {"output_type": "stream", "name": "stdout", "text": "x\n" + REPORT_PREFIX + json.dumps(payload)}
            ]
        }

    assert judge("starter", report_of(line(False, False))) is None
    assert "counts as attempted" in judge("starter", report_of(line(True, False)))
    assert "every check passes" in judge("starter", report_of(line(False, True)))
    assert judge("wrong", report_of(line(True, False))) is None
    assert "no hint" in judge("wrong", report_of(line(True, False, hint="")))
    assert judge("solution", report_of(line(True, True))) is None
    assert "fails" in judge("solution", report_of(line(True, False)))
    assert "no @@EXERCISE" in judge("solution", report_of({"outputs": []}))
    print("test_exercises self-test: all checks pass")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook file names (default: every NN-*.ipynb)")
    parser.add_argument("--kernel", default="java")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("--startup-timeout", type=int, default=30)
    parser.add_argument("--start-retries", type=int, default=5)
    parser.add_argument("--report", help="write the counts and problems as JSON here")
    parser.add_argument("--check-only", action="store_true", help="static checks only, no kernel")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

"""Prints bin/test's counts from the reports of one run (lint, then `mvn verify`).

    python3 test_report.py ROOT MAVEN_EXIT_CODE STARTED_EPOCH SETUP_DONE_EPOCH

Sources: target/lint.json (ruff and shellcheck, one test each); the Surefire XML reports of
lib/; notebooks/target/runner-tests.json (the notebook runner's unit tests); the assignment
tool's unit tests (assignments/tools/tests), from the `Ran N tests` / `OK` / `FAILED (...)`
lines unittest printed in target/mvn-verify.log after Maven's `(assignment-tool-tests)`
execution header; notebooks/target/book/summary.json (JJava) and book-rapaio/summary.json
(rapaio); notebooks/target/binder-test.json and browser-test.json (one test each).
Environment: SKIP_NOTEBOOKS=true (-DskipNotebooks) and SKIP_RAPAIO=true (-DskipRapaio) turn
the parts they skip from "did not run" into "skipped". Exits 1 when anything failed or did
not run.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Counts:
    """Tests of one part: run, failed (failures + errors), skipped."""

    run: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def passed(self) -> int:
        return self.run - self.failed - self.skipped


@dataclass
class Summary:
    """The whole run: totals and the parts that did not run or failed."""

    passed: int = 0
    failed: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, counts: Counts) -> None:
        self.passed += counts.passed
        self.failed += counts.failed
        self.skipped += counts.skipped


def load(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def surefire(root: Path) -> tuple[Counts, int]:
    counts = Counts()
    files = sorted((root / "lib" / "target" / "surefire-reports").glob("TEST-*.xml"))
    for path in files:
        suite = ET.parse(path).getroot()
        counts.run += int(suite.get("tests", 0))
        counts.failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        counts.skipped += int(suite.get("skipped", 0))
    return counts, len(files)


_RAN = re.compile(r"^Ran (\d+) tests? in ")
_RESULT = re.compile(r"^(OK|FAILED)(?: \((.*)\))?\s*$")


def unittest_counts(log: Path, execution: str) -> Counts | None:
    """The counts unittest printed after Maven's `(EXECUTION)` header in the log, or None."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    marker = f"({execution})"
    starts = [i for i, line in enumerate(lines) if marker in line and "---" in line]
    if not starts:
        return None
    counts = None
    for line in lines[starts[-1] :]:
        clean = re.sub(r"^\[[A-Z]+\]\s*", "", line.strip())
        m = _RAN.match(clean)
        if m:
            counts = Counts(run=int(m.group(1)))
            continue
        m = _RESULT.match(clean)
        if m and counts is not None:
            for part in (m.group(2) or "").split(","):
                key, _, value = part.strip().partition("=")
                if key in ("failures", "errors", "unexpected successes"):
                    counts.failed += int(value)
                elif key == "skipped":
                    counts.skipped += int(value)
            return counts
    return None


def report_notebooks(summary: Summary, book: Path, label: str, skipped: bool) -> None:
    nbs = load(book / "summary.json")
    if nbs is None:
        if skipped:
            print(f"[test] notebooks on {label}: skipped")
        else:
            print(f"[test] notebooks on {label}: did not run")
            summary.problems.append(f"the notebooks did not run on {label}")
        return
    print(
        f"[test] notebooks on {label}: {nbs['notebooks_run']} run, {nbs['passed']} passed, {nbs['failed']} failed, "
        f"{nbs['retries']} kernel-start retries, {nbs['expected_checked']} expected values checked, "
        f"{nbs['seconds']:.1f} s"
    )
    for r in nbs["notebooks"]:
        start = r["kernel_start_seconds"]
        print(
            f"[test]   {r['notebook']:<45} {'passed' if r['passed'] else 'FAILED':<6} {r['seconds']:6.2f} s "
            f"(kernel start {'-' if start is None else f'{start:.2f}'} s)"
        )
    print(f"[test] executed notebooks and HTML: {book / 'index.html'}")
    summary.add(Counts(run=nbs["notebooks_run"], failed=nbs["failed"]))


def main(root: Path, maven_rc: int, started: float, setup_done: float) -> int:
    end = time.time()
    summary = Summary()
    skip = os.environ.get("SKIP_NOTEBOOKS") == "true"
    skip_rapaio = skip or os.environ.get("SKIP_RAPAIO") == "true"

    lint = load(root / "target" / "lint.json")
    if lint is None:
        print("[test] lint: did not run")
        summary.problems.append("the lint did not run")
    else:
        for tool in ("ruff", "shellcheck"):
            r = lint[tool]
            detail = f" ({r['detail']})" if r["detail"] else ""
            print(f"[test] lint, {tool}: {'passed' if r['passed'] else 'FAILED'} on {r['files']} files{detail}")
            summary.add(Counts(run=1, failed=0 if r["passed"] else 1))

    lib, files = surefire(root)
    print(f"[test] lib unit tests: {lib.run} run, {lib.failed} failed, {lib.skipped} skipped ({files} test classes)")
    summary.add(lib)

    runner = load(root / "notebooks" / "target" / "runner-tests.json")
    if runner is None and skip:
        print("[test] notebook runner unit tests: skipped (-DskipNotebooks)")
    elif runner is None:
        print("[test] notebook runner unit tests: did not run")
        summary.problems.append("the notebook runner's unit tests did not run")
    else:
        counts = Counts(runner["tests"], runner["failures"] + runner["errors"], runner["skipped"])
        print(f"[test] notebook runner unit tests: {counts.run} run, {counts.failed} failed, {counts.skipped} skipped")
        summary.add(counts)

    tool = unittest_counts(root / "target" / "mvn-verify.log", "assignment-tool-tests")
    if tool is None and skip:
        print("[test] assignment tool unit tests: skipped (-DskipNotebooks)")
    elif tool is None:
        print("[test] assignment tool unit tests: did not run (no unittest result after assignment-tool-tests)")
        summary.problems.append("the assignment tool's unit tests did not run")
    else:
        print(f"[test] assignment tool unit tests: {tool.run} run, {tool.failed} failed, {tool.skipped} skipped")
        summary.add(tool)

    book = root / "notebooks" / "target"
    report_notebooks(summary, book / "book", "JJava (kernelspec java)", skip)
    report_notebooks(summary, book / "book-rapaio", "rapaio (kernelspec java-rapaio, the fallback)", skip_rapaio)

    for name, file in (("Binder simulation", "binder-test.json"), ("browser test", "browser-test.json")):
        r = load(book / file)
        if r is None and skip:
            print(f"[test] {name}: skipped (-DskipNotebooks)")
        elif r is None:
            print(f"[test] {name}: did not run")
            summary.problems.append(f"the {name} did not run")
        else:
            if "kernel" in r:
                detail = (
                    f"kernel {r.get('kernel')}, {r.get('notebooks_passed', 0)} of {r.get('notebooks', 0)} notebooks "
                    f"passed, {r.get('retries', 0)} kernel-start retries"
                )
            else:
                detail = (
                    f"{r.get('versions', 'Jupyter')}: {r.get('notebooks_passed', 0)} of {r.get('notebooks', 0)} "
                    f"notebooks passed in JupyterLab, 00 in Notebook 7; {r.get('images', 0)} plot images, "
                    f"{r.get('tables', 0)} tables, {len(r.get('screenshots', []))} screenshots, "
                    f"{r.get('retries', 0)} kernel-start retries"
                )
            status = "passed" if r.get("passed") else "FAILED"
            print(f"[test] {name}: {status} in {r.get('seconds', 0):.1f} s ({detail})")
            summary.add(Counts(run=1, failed=0 if r.get("passed") else 1))

    print(
        f"[test] wall time: {end - started:.1f} s (setup {setup_done - started:.1f} s, "
        f"lint and mvn verify {end - setup_done:.1f} s)"
    )
    # A part that did not run, or a build that failed outside any test, counts as one failure.
    tests_failed = summary.failed
    summary.failed += len(summary.problems)
    if maven_rc != 0 and summary.failed == 0:
        summary.failed = 1
    if tests_failed:
        summary.problems.append(f"{tests_failed} tests, checks or notebooks failed")
    if maven_rc != 0:
        summary.problems.insert(0, f"mvn verify exited with {maven_rc}")
    print("[test] result: " + ("FAILED: " + "; ".join(summary.problems) if summary.problems else "all passed"))
    print(f"total: {summary.passed} passed, {summary.failed} failed, {summary.skipped} skipped")
    return 1 if summary.problems else 0


if __name__ == "__main__":
    root_arg, rc_arg, started_arg, setup_arg = sys.argv[1:5]
    sys.exit(main(Path(root_arg), int(rc_arg), float(started_arg), float(setup_arg)))

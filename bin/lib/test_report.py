"""Prints bin/test's counts from the reports of one `mvn verify` run.

    python3 test_report.py ROOT MAVEN_EXIT_CODE STARTED_EPOCH SETUP_DONE_EPOCH

Lib unit tests: the Surefire XML reports; runner unit tests: notebooks/target/runner-tests.json;
notebooks: notebooks/target/book/summary.json; simulated Binder build and browser test:
notebooks/target/binder-test.json and browser-test.json (each counts as one test). Exits 1 when anything failed or did not run.
"""

import glob
import json
import os
import sys
import time
import xml.etree.ElementTree as ET


def surefire(root):
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    files = glob.glob(os.path.join(root, "lib", "target", "surefire-reports", "TEST-*.xml"))
    for path in files:
        suite = ET.parse(path).getroot()
        for key in totals:
            totals[key] += int(suite.get(key, 0))
    return totals, len(files)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def main(root, maven_rc, started, setup_done):
    end = time.time()
    passed = failed = skipped = 0
    problems = []

    lib, files = surefire(root)
    lib_passed = lib["tests"] - lib["failures"] - lib["errors"] - lib["skipped"]
    print("[test] lib unit tests: %d run, %d failures, %d errors, %d skipped (%d test classes)"
          % (lib["tests"], lib["failures"], lib["errors"], lib["skipped"], files))
    passed += lib_passed
    failed += lib["failures"] + lib["errors"]
    skipped += lib["skipped"]

    skip = os.environ.get("SKIP_NOTEBOOKS") == "true"
    runner = load(os.path.join(root, "notebooks", "target", "runner-tests.json"))
    if runner is None and skip:
        print("[test] notebook runner unit tests: skipped (-DskipNotebooks)")
    elif runner is None:
        print("[test] notebook runner unit tests: did not run")
        problems.append("the notebook runner's unit tests did not run")
    else:
        bad = runner["failures"] + runner["errors"]
        print("[test] notebook runner unit tests: %d run, %d failures, %d errors, %d skipped"
              % (runner["tests"], runner["failures"], runner["errors"], runner["skipped"]))
        passed += runner["tests"] - bad - runner["skipped"]
        failed += bad
        skipped += runner["skipped"]

    book = os.path.join(root, "notebooks", "target", "book")
    nbs = load(os.path.join(book, "summary.json"))
    if nbs is None and skip:
        print("[test] notebooks: skipped (-DskipNotebooks)")
    elif nbs is None:
        print("[test] notebooks: did not run")
        problems.append("the notebooks did not run")
    else:
        print("[test] notebooks: %d run, %d passed, %d failed, %d kernel-start retries, "
              "%d expected values checked, %.1f s" % (nbs["notebooks_run"], nbs["passed"], nbs["failed"],
                                                      nbs["retries"], nbs["expected_checked"], nbs["seconds"]))
        for r in nbs["notebooks"]:
            print("[test]   %-32s %-6s %6.2f s (kernel start %s s)" % (
                r["notebook"], "passed" if r["passed"] else "FAILED", r["seconds"], r["kernel_start_seconds"]))
        print("[test] executed notebooks and HTML: %s" % os.path.join(book, "index.html"))
        passed += nbs["passed"]
        failed += nbs["failed"]

    for name, file, label in (("Binder simulation", "binder-test.json", "the simulated Binder build"),
                              ("browser test", "browser-test.json", "the browser test")):
        r = load(os.path.join(root, "notebooks", "target", file))
        if r is None and skip:
            print("[test] %s: skipped (-DskipNotebooks)" % name)
        elif r is None:
            print("[test] %s: did not run" % name)
            problems.append("%s did not run" % label)
        else:
            detail = ("kernel %s" % r.get("kernel")) if "kernel" in r else "%s plot image(s), %s table(s), %s kernel-start retries" % (
                r.get("images", 0), r.get("tables", 0), r.get("retries", 0))
            print("[test] %s: %s in %.1f s (%s)" % (name, "passed" if r.get("passed") else "FAILED",
                                                   r.get("seconds", 0), detail))
            if r.get("screenshot"):
                print("[test]   screenshot: %s" % r["screenshot"])
            if r.get("passed"):
                passed += 1
            else:
                failed += 1
    print("[test] wall time: %.1f s (setup %.1f s, mvn verify %.1f s)"
          % (end - started, setup_done - started, end - setup_done))
    # A part that did not run, or a build that failed outside any test, counts as one failure.
    tests_failed = failed
    failed += len(problems)
    if maven_rc != 0 and failed == 0:
        failed = 1
    if tests_failed:
        problems.append("%d tests or notebooks failed" % tests_failed)
    if maven_rc != 0:
        problems.insert(0, "mvn verify exited with %d" % maven_rc)
    print("[test] result: %s" % ("FAILED: " + "; ".join(problems) if problems else "all passed"))
    print("total: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if problems else 0


if __name__ == "__main__":
    root, rc, started, setup_done = sys.argv[1:5]
    sys.exit(main(root, int(rc), float(started), float(setup_done)))

"""End-to-end grading on the real kernel: one crafted submission per failure mode.

Needs the course classes (lib/target/softmax-course) and a `java` Jupyter kernel (JUPYTER_PATH,
ASSIGNMENTS_KERNEL). Without them the tests are skipped — unless ASSIGNMENTS_REQUIRE_KERNEL=1 (the
Maven build), where that is a failure.
"""

import copy
import csv
import glob
import json
import os
import re
import shutil
import tempfile
import time
import unittest

from assigntool import cli, grading
from assigntool import sandbox as sandboxes
from support import CLASSES, KERNEL, SOURCES, cell, fmt, index, kernel_problem, read, with_answer, write

TIMEOUT = float(os.environ.get("ASSIGNMENTS_TEST_TIMEOUT", "10"))


class Opts:
    kernel = KERNEL
    classes = os.path.abspath(CLASSES)
    workers = int(os.environ.get("ASSIGNMENTS_WORKERS", "2"))
    timeout = TIMEOUT
    startup_timeout = 15.0
    start_attempts = 4
    jvm_options = cli.DEFAULT_JVM_OPTIONS
    # bubblewrap sandboxes need root; elsewhere (a CI runner without it) grade unsandboxed and let
    # test_attacks skip the isolation tests
    isolation = os.environ.get("ASSIGNMENTS_ISOLATION") or ("bwrap" if sandboxes.available() is None else "none")
    heap_mb = 512
    memory_mb = 1536


def text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def options():
    o = cli.Options.__new__(cli.Options)
    o.__dict__.update({k: v for k, v in vars(Opts).items() if not k.startswith("_")})
    return o


def crafted(master, released):
    """{student: notebook or raw text}: one submission per failure mode of issue 7."""
    subs = {"solution": master, "released": released}
    solved = copy.deepcopy(master)  # a student who solved everything, as they see it: no hidden tests
    for c in solved.cells:
        if fmt.kind(c) == "test":
            c.source = fmt.strip_hidden(fmt.source(c))
    subs["compile-error"] = with_answer(
        solved, "q1-answer", "double stableSigmoid(double z) {\n    return 1 / (1 + Math.exp(-z))\n}"
    )
    subs["exception"] = with_answer(
        solved,
        "q3-answer",
        "double centralDifference(DoubleUnaryOperator g, double z, double h) {\n"
        "    int n = 0;\n    return g.applyAsDouble(z) / (1 / n);\n}",
    )
    subs["endless-loop"] = with_answer(
        solved, "q2-answer", "double stableLogSigmoid(double z) {\n    while (true) {\n        z += 0;\n    }\n}"
    )
    subs["top-level-loop"] = with_answer(
        solved, "q1-answer", fmt.source(cell(solved, "q1-answer")) + "\nwhile (true) {\n    Thread.onSpinWait();\n}"
    )
    subs["system-exit"] = with_answer(
        solved, "q1-answer", "double stableSigmoid(double z) {\n    System.exit(3);\n    return 0;\n}"
    )
    deleted = copy.deepcopy(solved)
    del deleted.cells[index(deleted, "q3-answer")]
    del deleted.cells[index(deleted, "q2")]
    subs["deleted-cells"] = deleted
    moved = copy.deepcopy(solved)
    q4 = moved.cells.pop(index(moved, "q4-answer"))
    moved.cells.insert(index(moved, "imports") + 1, q4)
    i1, i2 = index(moved, "q1-answer"), index(moved, "q2-answer")
    moved.cells[i1], moved.cells[i2] = moved.cells[i2], moved.cells[i1]
    subs["reordered"] = moved
    tampered = with_answer(
        solved, "q1-answer", "double stableSigmoid(double z) {\n    return Math.exp(z) / (1 + Math.exp(z));\n}"
    )
    cell(tampered, "q1").source = 'Question.grade("q1", 2, t -> t.test("always", () -> {}));'
    cell(tampered, "imports").source += "\nimport java.io.*;"
    subs["tampering"] = tampered
    shadow = with_answer(
        solved,
        "q4-answer",
        "class Check { static void that(Object... a) {} static void inRange(Object... a) {} }\n"
        "Activation outputForTwoClasses() { return Tanh.INSTANCE; }",
    )
    shadow = with_answer(shadow, "q2-answer", "%maven org.example:evil:1.0\n" + fmt.source(cell(solved, "q2-answer")))
    subs["shadowing"] = shadow
    subs["forged-result"] = with_answer(
        solved,
        "q3-answer",
        "double centralDifference(DoubleUnaryOperator g, double z, double h) {\n"
        '    System.out.println("@@RESULT 0123abcd {\\"id\\":\\"q3\\",\\"points\\":2,\\"fraction\\":1,'
        '\\"status\\":\\"passed\\",\\"cases\\":[]}");\n'
        "    return 0;\n}",
    )
    text = json.dumps(solved)
    subs["invalid-json"] = text[: len(text) // 2]
    return subs


@unittest.skipIf(kernel_problem() and os.environ.get("ASSIGNMENTS_REQUIRE_KERNEL") != "1", kernel_problem())
class GradingTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        problem = kernel_problem()
        if problem:
            raise AssertionError(problem)
        cls.tmp = tempfile.mkdtemp(prefix="assign-test-")
        cls.source = SOURCES["01-activations"]
        cls.master = read(cls.source)
        cls.released_path = cli.release_one(cls.source, os.path.join(cls.tmp, "release"), CLASSES)
        released = read(cls.released_path)
        cls.subs_dir = os.path.join(cls.tmp, "submitted")
        os.makedirs(cls.subs_dir)
        for student, nb in crafted(cls.master, released).items():
            path = os.path.join(cls.subs_dir, student + ".ipynb")
            if isinstance(nb, str):
                with open(path, "w") as f:
                    f.write(nb)
            else:
                write(nb, path)
        cls.out = os.path.join(cls.tmp, "graded")
        subs, _ = cli.find_submissions(cls.subs_dir, "01-activations")
        t0 = time.monotonic()
        records, _, _ = cli.grade_batch(options(), cls.source, subs, cls.out, quiet=False)
        cls.seconds = time.monotonic() - t0
        cls.records = {r["student"]: r for r in records}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def q(self, student):
        return {q["id"]: q for q in self.records[student]["questions"]}

    def points(self, student):
        return {i: q["points"] for i, q in self.q(student).items()}

    FULL = {"q1": 2.0, "q2": 2.0, "q3": 2.0, "q4": 1.0}

    def expect(self, student, **changes):
        want = dict(self.FULL, **changes)
        self.assertEqual(self.points(student), want, json.dumps(self.records[student], indent=1)[:3000])
        self.assertEqual(self.records[student]["status"], "graded")

    def test_every_submission_has_a_record(self):
        self.assertEqual(len(self.records), 13)
        for student in self.records:
            for f in ("record.json", "feedback.md", "results.json"):
                self.assertTrue(os.path.exists(os.path.join(self.out, "students", student, f)), (student, f))

    def test_solution_gets_full_marks(self):
        self.expect("solution")
        self.assertEqual({q["status"] for q in self.q("solution").values()}, {"passed"})
        self.assertEqual(self.records["solution"]["compile_errors"], [])
        self.assertEqual(self.records["solution"]["notes"], [])

    def test_released_version_gets_zero_one_clean_failure_per_question(self):
        self.expect("released", q1=0.0, q2=0.0, q3=0.0, q4=0.0)
        for q in self.q("released").values():
            self.assertEqual(q["status"], "not-answered")
            self.assertTrue(q["cases"] and all(c["outcome"] == "not-answered" for c in q["cases"]))
        self.assertEqual(self.records["released"]["compile_errors"], [])

    def test_compile_error_costs_only_its_question(self):
        self.expect("compile-error", q1=0.0)
        q1 = self.q("compile-error")["q1"]
        self.assertEqual(q1["status"], "error")
        self.assertIn("Your answer cell q1-answer did not compile: ';' expected.", q1["reason"])

    def test_exception_costs_only_its_question(self):
        self.expect("exception", q3=0.0)
        q3 = self.q("exception")["q3"]
        self.assertEqual(q3["status"], "failed")
        self.assertEqual(len(q3["cases"]), 4)  # hidden tests ran too
        for c in q3["cases"]:
            self.assertEqual(c["outcome"], "error")
            self.assertIn("ArithmeticException: / by zero (in centralDifference)", c["message"])

    def test_endless_loop_times_out_restarts_and_goes_on(self):
        self.expect("endless-loop", q2=0.0)
        q2 = self.q("endless-loop")["q2"]
        self.assertEqual(q2["status"], "timeout")
        self.assertIn(f"longer than {TIMEOUT:g} s", q2["reason"])
        self.assertGreaterEqual(self.records["endless-loop"]["kernel_starts"], 2)

    def test_top_level_loop_is_skipped_when_the_kernel_is_restarted(self):
        self.expect("top-level-loop", q1=0.0)
        q1 = self.q("top-level-loop")["q1"]
        self.assertEqual(q1["status"], "error")
        self.assertIn(f"Your answer cell q1-answer ran longer than {TIMEOUT:g} s", q1["reason"])

    def test_system_exit_restarts_and_goes_on(self):
        self.expect("system-exit", q1=0.0)
        q1 = self.q("system-exit")["q1"]
        self.assertEqual(q1["status"], "crashed")
        self.assertIn("System.exit", q1["reason"])

    def test_deleted_cells_are_repaired(self):
        self.expect("deleted-cells", q3=0.0)
        q = self.q("deleted-cells")
        self.assertEqual(q["q3"]["status"], "not-answered")
        self.assertIn("Answer cell q3-answer is missing", q["q3"]["notes"][0])
        self.assertIn("The test cell q2 was deleted; the original was restored.", q["q2"]["notes"])

    def test_reordered_cells_grade_in_the_handout_order(self):
        self.expect("reordered")
        self.assertEqual(
            self.records["reordered"]["notes"], ["Cells were moved; the notebook was graded in the handout's order."]
        )

    def test_edited_test_cell_is_tampering_and_has_no_effect(self):
        self.expect("tampering", q1=1.6)  # the naive sigmoid fails 1 of the 5 original tests
        q1 = self.q("tampering")["q1"]
        self.assertEqual(q1["status"], "partial")
        self.assertTrue(q1["tampered"])
        self.assertIn("Tampering: the test cell q1 was edited; the original was run instead.", q1["notes"])
        self.assertIn(
            "Tampering: the read-only cell imports was edited; the original was run instead.",
            self.records["tampering"]["notes"],
        )
        sheet = rows(os.path.join(self.out, "grades.csv"))
        row = [r for r in sheet if r["student"] == "tampering" and r["question"] == "q1"][0]
        self.assertEqual((row["points"], row["max"], row["status"]), ("1.6", "2", "partial+tampered"))

    def test_invalid_json_gets_zero_and_a_reason(self):
        r = self.records["invalid-json"]
        self.assertEqual((r["status"], r["score"], r["max"]), ("invalid", 0, 7))
        self.assertIn("not valid JSON", r["notes"][0])

    def test_engine_shadowing_and_magics(self):
        self.expect("shadowing", q4=0.0)
        q = self.q("shadowing")
        self.assertTrue(q["q4"]["tampered"])
        self.assertIn("kernel commands (%maven) were removed", q["q2"]["notes"][0])

    def test_a_printed_result_line_scores_nothing(self):
        self.expect("forged-result", q3=0.0)
        q3 = self.q("forged-result")["q3"]
        self.assertEqual(q3["status"], "failed")

    def test_grades_csv_and_gradescope_results(self):
        sheet = rows(os.path.join(self.out, "grades.csv"))
        self.assertEqual(len(sheet), 13 * 4)
        self.assertEqual(list(sheet[0]), ["student", "file", "question", "points", "max", "status", "reason"])
        self.assertEqual({r["file"] for r in sheet}, {s + ".ipynb" for s in self.records})
        totals = {r["student"]: r for r in rows(os.path.join(self.out, "totals.csv"))}
        self.assertEqual(totals["solution"]["points"], "7")
        self.assertEqual(totals["tampering"]["points"], "6.6")
        gs = json.loads(text(os.path.join(self.out, "students", "exception", "results.json")))
        self.assertEqual(gs["score"], 5.0)
        self.assertEqual(
            [(t["number"], t["score"], t["max_score"]) for t in gs["tests"]],
            [("q1", 2.0, 2.0), ("q2", 2.0, 2.0), ("q3", 0.0, 2.0), ("q4", 1.0, 1.0)],
        )
        self.assertIn("ArithmeticException", gs["tests"][2]["output"])

    def test_no_hidden_test_or_solution_text_reaches_students(self):
        secret = fmt.secret_lines(self.master)
        hidden_names = ['"right on a grid from −40 to 40"']  # a hidden case's name is feedback, not code
        files = glob.glob(os.path.join(self.out, "**", "*.*"), recursive=True) + [self.released_path]
        self.assertGreater(len(files), 30)
        for path in files:
            content = text(path)
            for s in secret:
                self.assertNotIn(s, content, path)
                self.assertNotIn(json.dumps(s, ensure_ascii=False)[1:-1], content, path)
        fb = text(os.path.join(self.out, "students", "exception", "feedback.md"))
        self.assertIn("right on a grid from −40 to 40", fb)  # hidden case names and messages: yes
        self.assertNotIn(hidden_names[0], fb)  # their code: no
        self.assertNotIn("Sigmoid.sigmoid(z), 1e-14", fb)

    def test_rerun_skips_graded_students_unless_forced(self):
        subs, _ = cli.find_submissions(self.subs_dir, "01-activations")
        records, skipped, secs = cli.grade_batch(options(), self.source, subs, self.out, quiet=True)
        self.assertEqual((records, len(skipped)), ([], 13))
        self.assertLess(secs, 5)
        self.assertEqual(len(rows(os.path.join(self.out, "grades.csv"))), 13 * 4)

    def test_feedback_reads_well(self):
        fb = text(os.path.join(self.out, "students", "compile-error", "feedback.md"))
        self.assertTrue(fb.startswith("# Feedback: 01-activations — compile-error\n\n**Score: 5 / 7 points**"), fb)
        self.assertIn("## q1 · A sigmoid that never overflows — 0 / 2 points (error)", fb)
        self.assertIn("## q2 · log σ without −∞ — 2 / 2 points (passed)", fb)


@unittest.skipIf(kernel_problem() and os.environ.get("ASSIGNMENTS_REQUIRE_KERNEL") != "1", kernel_problem())
class SelfCheckTest(unittest.TestCase):
    """The student's self-check and the grader give the same points for the visible tests."""

    def test_self_check_matches_the_grader_on_the_visible_tests(self):
        from assigntool.execute import run_notebook

        with tempfile.TemporaryDirectory() as d:
            released_path = cli.release_one(SOURCES["01-activations"], os.path.join(d, "release"), CLASSES)
            student = read(released_path)
            student = with_answer(
                student, "q1-answer", "double stableSigmoid(double z) {\n    return Math.exp(z) / (1 + Math.exp(z));\n}"
            )
            student = with_answer(student, "q2-answer", fmt.source(cell(read(SOURCES["01-activations"]), "q2-answer")))
            path = write(student, os.path.join(d, "student", "student.ipynb"))
            # as the student runs it: Restart & Run All, no grader token
            env = dict(os.environ)
            nb = read(path)
            nb.cells[fmt.first_code_cell(nb)].source = "%classpath " + os.path.abspath(CLASSES)
            runs, _ = run_notebook(nb, {}, KERNEL, d, env, 60)
            outputs = runs[index(nb, "self-check")].outputs
            # the course's display helpers show HTML where the kernel offers it (rapaio), text elsewhere
            html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
            text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
            shown = dict(re.findall(r"<tr><td>(q\d)</td><td[^>]*>([^<]*)</td>", html)) or dict(
                re.findall(r"^\s+(q\d)\s+(\d[\d.]* / \d+)\s", text, re.M)
            )
            total = re.search(r"Total: ([^<]*?) points", html + text).group(1)
            # the grader, with the solution minus its hidden tests as master: the visible tests only
            visible = read(SOURCES["01-activations"])
            for c in visible.cells:
                if fmt.kind(c) == "test":
                    c.source = fmt.strip_hidden(fmt.source(c))
            master = write(visible, os.path.join(d, "visible", "01-activations.ipynb"))
            records, _, _ = cli.grade_batch(options(), master, [("student", path)], os.path.join(d, "out"), quiet=True)
            rec = records[0]
        graded = {
            q["id"]: f"{grading.fmt_points(q['points'])} / {grading.fmt_points(q['max'])}" for q in rec["questions"]
        }
        self.assertEqual(shown, graded)
        self.assertEqual(shown, {"q1": "1.33 / 2", "q2": "2 / 2", "q3": "0 / 2", "q4": "0 / 1"})
        self.assertEqual(total, f"{grading.fmt_points(rec['score'])} / {grading.fmt_points(rec['max'])}")
        self.assertNotIn("@@", json.dumps([r.outputs for r in runs.values()]))


@unittest.skipIf(kernel_problem() and os.environ.get("ASSIGNMENTS_REQUIRE_KERNEL") != "1", kernel_problem())
class ValidateTest(unittest.TestCase):
    def test_softmax_assignment_is_valid(self):
        self.assertEqual(cli.validate(options(), [SOURCES["06-softmax"]], quiet=True), [])

    def test_validate_catches_a_wrong_solution_and_a_stub_that_does_not_compile(self):
        wrong = read(SOURCES["01-activations"])
        cell(wrong, "q3-answer").source = fmt.source(cell(wrong, "q3-answer")).replace(
            "(g.applyAsDouble(z + h) - g.applyAsDouble(z - h)) / (2 * h)",
            "(g.applyAsDouble(z + h) - g.applyAsDouble(z)) / h",
        )
        stub = read(SOURCES["01-activations"])
        cell(stub, "q4-answer").source = (
            "Activation choice =\n    // BEGIN SOLUTION\n    Sigmoid.INSTANCE;\n"
            "    // END SOLUTION\nActivation outputForTwoClasses() { return choice; }"
        )
        with tempfile.TemporaryDirectory() as d:
            paths = [
                write(wrong, os.path.join(d, "01-wrong", "01-wrong.ipynb")),
                write(stub, os.path.join(d, "01-stub", "01-stub.ipynb")),
            ]
            problems = "\n".join(cli.validate(options(), paths, quiet=True))
        self.assertIn("01-wrong: q3: the solution fails its own test", problems)
        self.assertIn("01-stub: the released version has compile errors", problems)


if __name__ == "__main__":
    unittest.main()

"""The authoring format, release, assembly and result parsing — no kernel needed."""

import copy
import json
import os
import tempfile
import unittest

from support import SOURCES, cell, fmt, index, read, with_answer

from assigntool import grading
from assigntool.execute import CellRun


class StubTest(unittest.TestCase):
    def test_region_in_a_method_body_becomes_a_throw(self):
        src = ("double f(double z) {\n    // BEGIN SOLUTION\n    if (z > 0) {\n        return z;\n    }\n"
               "    return -z;\n    // END SOLUTION\n}")
        self.assertEqual(fmt.stub_source(src),
                         'double f(double z) {\n    throw new UnsupportedOperationException("your code here");\n}')

    def test_region_around_methods_keeps_their_signatures(self):
        src = ("// BEGIN SOLUTION\ndouble[] g(double[] z) {\n    String s = \"{ not a brace\"; // }\n    return z;\n}\n"
               "static <T> java.util.List<T> h(\n        java.util.List<T> a) throws Exception { return a; }\n"
               "int helperField = 3;\n// END SOLUTION")
        self.assertEqual(fmt.stub_source(src),
                         "double[] g(double[] z) {\n"
                         '    throw new UnsupportedOperationException("your code here");\n}\n'
                         "static <T> java.util.List<T> h(\n        java.util.List<T> a) throws Exception {\n"
                         '    throw new UnsupportedOperationException("your code here");\n}')

    def test_explicit_stub_and_top_level_region(self):
        src = "double x =\n    // BEGIN SOLUTION stub: Double.NaN;\n    -Math.log(0.6);\n    // END SOLUTION\n" \
              "// BEGIN SOLUTION\nSystem.out.println(x);\n// END SOLUTION"
        self.assertEqual(fmt.stub_source(src), "double x =\n    Double.NaN;\n// your code here")

    def test_control_statements_are_not_methods(self):
        self.assertIsNone(fmt._method_name("else if (x > 0) "))
        self.assertIsNone(fmt._method_name("for (int i = 0; i < n; i++) "))
        self.assertIsNone(fmt._method_name("return new Foo() "))
        self.assertEqual(fmt._method_name("public static double[] softmax(double[] z) "), "softmax")

    def test_unbalanced_markers_are_errors(self):
        with self.assertRaises(fmt.FormatError):
            fmt.stub_source("// BEGIN SOLUTION\nint x = 1;")
        with self.assertRaises(fmt.FormatError):
            fmt.strip_hidden("// END HIDDEN TESTS")

    def test_hidden_tests_are_replaced_by_one_comment(self):
        src = 'Question.grade("q1", 1, t -> {\n    t.test("a", () -> {});\n    // BEGIN HIDDEN TESTS\n' \
              '    t.test("secret", () -> {});\n    // END HIDDEN TESTS\n});'
        self.assertEqual(fmt.strip_hidden(src), 'Question.grade("q1", 1, t -> {\n    t.test("a", () -> {});\n'
                                                '    // hidden tests run when the notebook is graded\n});')

    def test_checksum_ignores_trailing_whitespace_only(self):
        self.assertEqual(fmt.checksum("a\r\nb  \n"), fmt.checksum("a\nb"))
        self.assertNotEqual(fmt.checksum("a\nb"), fmt.checksum("a\nc"))


class SourceTest(unittest.TestCase):
    def test_course_sources_are_clean(self):
        for name, path in SOURCES.items():
            self.assertEqual(fmt.lint(read(path)), [], name)

    def test_lint_finds_authoring_mistakes(self):
        nb = read(SOURCES["01-activations"])
        cell(nb, "q1").metadata["grade"]["points"] = 3          # differs from Question.grade("q1", 2, ...)
        cell(nb, "q2-answer").metadata["grade"]["id"] = "q1-answer"   # duplicate id
        cell(nb, "q3").source = cell(nb, "q3").source.replace("// END HIDDEN TESTS", "")
        cell(nb, "self-check").source = 'SelfCheck.report("q1", "q2");'
        nb.cells[index(nb, "imports")].source += "\n%maven org.example:x:1"
        problems = "\n".join(fmt.lint(nb))
        self.assertIn('Question.grade("q1", 2, ...) does not match the metadata', problems)
        self.assertIn("id 'q1-answer' is also used", problems)
        self.assertIn("BEGIN HIDDEN TESTS is never ended", problems)
        self.assertIn("SelfCheck.report lists ['q1', 'q2']", problems)
        self.assertIn("uses %maven", problems)

    def test_release_has_no_solution_or_hidden_text_and_keeps_signatures(self):
        for name, path in SOURCES.items():
            master = read(path)
            secret = fmt.secret_lines(master)
            self.assertGreater(len(secret), 10, name)
            released = fmt.release(master, name, "../../../lib/target/softmax-course.jar")
            text = json.dumps(released, ensure_ascii=False)
            for s in secret:
                self.assertNotIn(json.dumps(s, ensure_ascii=False)[1:-1], text, name)
            for c in released.cells:
                if c.cell_type == "code":
                    self.assertEqual(c.outputs, [])
                    self.assertIsNone(c.execution_count)
                if fmt.kind(c) in ("test", "readonly"):
                    self.assertEqual(fmt.meta(c)["checksum"], fmt.checksum(fmt.source(c)))
            self.assertEqual(fmt.source(released.cells[fmt.first_code_cell(released)]),
                             "%jars ../../../lib/target/softmax-course.jar")
            self.assertIn("UnsupportedOperationException", fmt.source(cell(released, "q1-answer")))
            self.assertIn("hidden tests run when the notebook is graded", fmt.source(cell(released, "q1")))
        rel6 = fmt.release(read(SOURCES["06-softmax"]), "06-softmax", "x.jar")
        self.assertIn("double crossEntropyFromLogits(double[] z, int trueClass) {", fmt.source(cell(rel6, "q3-answer")))

    def test_answer_cells_belong_to_the_next_test(self):
        self.assertEqual(fmt.answer_question(read(SOURCES["01-activations"])),
                         {"q1-answer": "q1", "q2-answer": "q2", "q3-answer": "q3", "q4-answer": "q4"})


class AssembleTest(unittest.TestCase):
    def setUp(self):
        self.master = read(SOURCES["01-activations"])
        self.released = fmt.release(self.master, "01-activations", "../x.jar")

    def assemble(self, sub):
        return grading.assemble(self.master, sub, "/opt/course.jar")

    def test_a_clean_submission_needs_no_repair(self):
        nb, notes, qnotes, tampered = self.assemble(self.released)
        self.assertEqual((notes, qnotes, tampered), ([], {}, set()))
        self.assertEqual(fmt.source(nb.cells[fmt.first_code_cell(nb)]), "%jars /opt/course.jar")
        self.assertIn("BEGIN HIDDEN TESTS", fmt.source(cell(nb, "q1")))   # hidden tests restored
        self.assertIn("your code here", fmt.source(cell(nb, "q1-answer")))

    def test_answers_are_taken_by_id_whatever_the_order(self):
        sub = with_answer(self.released, "q2-answer", "double stableLogSigmoid(double z) { return 42; }")
        moved = sub.cells.pop(index(sub, "q2-answer"))
        sub.cells.insert(0, moved)
        nb, notes, qnotes, _ = self.assemble(sub)
        self.assertEqual(fmt.source(cell(nb, "q2-answer")), "double stableLogSigmoid(double z) { return 42; }")
        self.assertEqual(index(nb, "q2-answer"), index(self.master, "q2-answer"))
        self.assertEqual(notes, ["Cells were moved; the notebook was graded in the handout's order."])

    def test_deleted_and_duplicated_cells(self):
        sub = with_answer(self.released, "q1-answer", "double stableSigmoid(double z) { return 1; }")
        dup = copy.deepcopy(cell(sub, "q1-answer"))
        dup.source = "double stableSigmoid(double z) { return 2; }"
        sub.cells.insert(index(sub, "q1-answer") + 1, dup)
        del sub.cells[index(sub, "q3-answer")]
        del sub.cells[index(sub, "q2")]
        nb, notes, qnotes, _ = self.assemble(sub)
        self.assertEqual(fmt.source(cell(nb, "q1-answer")), "double stableSigmoid(double z) { return 2; }")
        self.assertIn("appears 2 times; the last one was graded", qnotes["q1"][0])
        self.assertIn("Answer cell q3-answer is missing", qnotes["q3"][0])
        self.assertIn("The test cell q2 was deleted; the original was restored.", qnotes["q2"])
        self.assertIn("your code here", fmt.source(cell(nb, "q3-answer")))
        self.assertIn("BEGIN HIDDEN TESTS", fmt.source(cell(nb, "q2")))

    def test_edited_test_and_readonly_cells_are_tampering(self):
        sub = with_answer(self.released, "q1", 'Question.grade("q1", 2, t -> t.test("free", () -> {}));')
        cell(sub, "imports").source += "\nimport java.io.*;"
        nb, notes, qnotes, tampered = self.assemble(sub)
        self.assertEqual(tampered, {"q1"})
        self.assertIn("Tampering: the test cell q1 was edited; the original was run instead.", qnotes["q1"])
        self.assertIn("Tampering: the read-only cell imports was edited; the original was run instead.", notes)
        self.assertIn("BEGIN HIDDEN TESTS", fmt.source(cell(nb, "q1")))
        self.assertNotIn("java.io", fmt.source(cell(nb, "imports")))

    def test_magics_and_engine_shadowing_are_removed(self):
        sub = with_answer(self.released, "q2-answer", "%maven org.example:evil:1\ndouble stableLogSigmoid(double z) { return 0; }")
        sub = with_answer(sub, "q4-answer", "class Check { static void close(Object... a) {} }\n"
                                            "Activation outputForTwoClasses() { return null; }")
        nb, notes, qnotes, tampered = self.assemble(sub)
        self.assertNotIn("%maven", fmt.source(cell(nb, "q2-answer")))
        self.assertIn("kernel commands (%maven) were removed", qnotes["q2"][0])
        self.assertIn("declares a type named Check", qnotes["q4"][0])
        self.assertEqual(tampered, {"q4"})
        self.assertIn("your code here", fmt.source(cell(nb, "q4-answer")))

    def test_added_code_cells_are_reported_not_run(self):
        from nbformat.v4 import new_code_cell
        sub = copy.deepcopy(self.released)
        sub.cells.append(new_code_cell("System.out.println(\"my experiment\");"))
        nb, notes, _, _ = self.assemble(sub)
        self.assertIn("1 code cell outside the answer cells was added or changed", notes[0])
        self.assertNotIn("my experiment", json.dumps(nb))


class ResultTest(unittest.TestCase):
    def test_invalid_json_is_reported_with_its_position(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "x.ipynb")
            with open(p, "w") as f:
                f.write('{"cells": [ {"cell_type": "code", "source": "x"')
            nb, why = grading.load_submission(p)
            self.assertIsNone(nb)
            self.assertIn("not valid JSON (line 1, column", why)
            with open(p, "w") as f:
                f.write('[1, 2]')
            self.assertIn("not a notebook", grading.load_submission(p)[1])

    def test_invalid_json_grades_to_zero_without_a_kernel(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "x.ipynb")
            with open(p, "w") as f:
                f.write("{ not json")
            rec = grading.grade_one({"master": SOURCES["01-activations"], "assignment": "01-activations",
                                     "student": "x", "submission": p, "jar": "/nonexistent.jar",
                                     "kernel": "no-such-kernel", "timeout": 5, "startup_timeout": 5,
                                     "start_attempts": 1})
            self.assertEqual(rec["status"], "invalid")
            self.assertEqual((rec["score"], rec["max"]), (0, 7))
            self.assertEqual([q["status"] for q in rec["questions"]], ["invalid"] * 4)
            self.assertIn("not valid JSON", rec["notes"][0])

    def run_with(self, *lines):
        return CellRun("ok", [{"output_type": "stream", "name": "stdout", "text": "\n".join(lines) + "\n"}])

    def test_only_the_tokened_result_of_the_right_question_counts(self):
        good = '@@RESULT tok {"id":"q1","fraction":0.5,"status":"partial","cases":[]}'
        forged = '@@RESULT guess {"id":"q1","fraction":1,"status":"passed","cases":[]}'
        other = '@@RESULT tok {"id":"q2","fraction":1,"status":"passed","cases":[]}'
        result, notes = grading.parse_result(self.run_with("1.0", forged, other, good), "tok", "q1")
        self.assertEqual(result["fraction"], 0.5)
        self.assertEqual(notes, ["A result line with a wrong token was ignored (printed by code other than the tests?)."])
        result, notes = grading.parse_result(self.run_with(good, good.replace("0.5", "1")), "tok", "q1")
        self.assertEqual(result["fraction"], 1)
        self.assertIn("reported 2 times", notes[0])
        self.assertEqual(grading.parse_result(self.run_with("0.5", "q1: 2 / 2 points"), "tok", "q1")[0], None)

    def test_diagnostics_drop_echoed_source(self):
        err = {"output_type": "error", "ename": "CompilerException", "evalue": "",
               "traceback": ["\x1b[0m\x1b[1m\x1b[31mCompile error:\x1b[0m",
                             "\x1b[0m\x1b[1m|    t.test(\"secret hidden case\", () -> hiddenHelper(3));\x1b[0m",
                             "\x1b[0m\x1b[1m             ^\x1b[0m",
                             "\x1b[0m\x1b[1m\x1b[34mcannot find symbol\n  symbol:   method stableSigmoid(double)\x1b[0m"]}
        err["traceback"].append("\x1b[34mcannot find symbol\n  symbol:   method stableSigmoid(double)\x1b[0m")
        self.assertEqual(grading.diagnostics(err), "cannot find symbol; symbol:   method stableSigmoid(double).")

    def test_redact(self):
        self.assertEqual(grading.redact("a x.secret(1); b", ["x.secret(1);"]), "a [hidden] b")


class SubmissionsTest(unittest.TestCase):
    def test_files_and_folders_are_found(self):
        from assigntool import cli
        with tempfile.TemporaryDirectory() as d:
            for rel in ("alice.ipynb", "bob/06-softmax.ipynb", "bob/scratch.ipynb", "carol/my work.ipynb",
                        "dave/a.ipynb", "dave/b.ipynb", ".ipynb_checkpoints/x.ipynb", "notes.txt", "o'neil.ipynb"):
                os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
                open(os.path.join(d, rel), "w").close()
            found, problems = cli.find_submissions(d, "06-softmax")
        self.assertEqual([(s, os.path.relpath(p, d)) for s, p in found],
                         [("alice", "alice.ipynb"), ("bob", "bob/06-softmax.ipynb"), ("carol", "carol/my work.ipynb"),
                          ("o_neil", "o'neil.ipynb")])
        self.assertEqual(problems, ["dave: 2 notebooks and none named 06-softmax.ipynb; skipped"])


if __name__ == "__main__":
    unittest.main()

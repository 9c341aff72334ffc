"""The authoring format, release, assembly and result parsing — no kernel needed."""

import copy
import json
import os
import tempfile
import unittest

from assigntool import grading
from assigntool.execute import CellRun
from support import SOURCES, cell, fmt, index, read, with_answer


class StubTest(unittest.TestCase):
    def test_region_in_a_method_body_becomes_a_throw(self):
        src = (
            "double f(double z) {\n    // BEGIN SOLUTION\n    if (z > 0) {\n        return z;\n    }\n"
            "    return -z;\n    // END SOLUTION\n}"
        )
        self.assertEqual(
            fmt.stub_source(src),
            'double f(double z) {\n    throw new UnsupportedOperationException("your code here");\n}',
        )

    def test_region_around_methods_keeps_their_signatures(self):
        src = (
            '// BEGIN SOLUTION\ndouble[] g(double[] z) {\n    String s = "{ not a brace"; // }\n    return z;\n}\n'
            "static <T> java.util.List<T> h(\n        java.util.List<T> a) throws Exception { return a; }\n"
            "int helperField = 3;\n// END SOLUTION"
        )
        self.assertEqual(
            fmt.stub_source(src),
            "double[] g(double[] z) {\n"
            '    throw new UnsupportedOperationException("your code here");\n}\n'
            "static <T> java.util.List<T> h(\n        java.util.List<T> a) throws Exception {\n"
            '    throw new UnsupportedOperationException("your code here");\n}',
        )

    def test_explicit_stub_and_top_level_region(self):
        src = (
            "double x =\n    // BEGIN SOLUTION stub: Double.NaN;\n    -Math.log(0.6);\n    // END SOLUTION\n"
            "// BEGIN SOLUTION\nSystem.out.println(x);\n// END SOLUTION"
        )
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
        src = (
            'Question.grade("q1", 1, t -> {\n    t.test("a", () -> {});\n    // BEGIN HIDDEN TESTS\n'
            '    t.test("secret", () -> {});\n    // END HIDDEN TESTS\n});'
        )
        self.assertEqual(
            fmt.strip_hidden(src),
            'Question.grade("q1", 1, t -> {\n    t.test("a", () -> {});\n'
            "    // hidden tests run when the notebook is graded\n});",
        )

    def test_checksum_ignores_trailing_whitespace_only(self):
        self.assertEqual(fmt.checksum("a\r\nb  \n"), fmt.checksum("a\nb"))
        self.assertNotEqual(fmt.checksum("a\nb"), fmt.checksum("a\nc"))


class SourceTest(unittest.TestCase):
    def test_course_sources_are_clean(self):
        for name, path in SOURCES.items():
            self.assertEqual(fmt.lint(read(path)), [], name)

    def test_lint_finds_authoring_mistakes(self):
        nb = read(SOURCES["01-activations"])
        cell(nb, "q1").metadata["grade"]["points"] = 3  # differs from Question.grade("q1", 2, ...)
        cell(nb, "q2-answer").metadata["grade"]["id"] = "q1-answer"  # duplicate id
        cell(nb, "q3").source = cell(nb, "q3").source.replace("// END HIDDEN TESTS", "")
        cell(nb, "self-check").source = 'SelfCheck.report("q1", "q2");'
        nb.cells[index(nb, "imports")].source += "\n%maven org.example:x:1"
        problems = "\n".join(fmt.lint(nb))
        self.assertIn('Question.grade("q1", 2, ...) does not match the metadata', problems)
        self.assertIn("id 'q1-answer' is also used", problems)
        self.assertIn("BEGIN HIDDEN TESTS is never ended", problems)
        self.assertIn("SelfCheck.report lists ['q1', 'q2']", problems)
        self.assertIn("uses %maven", problems)

    def test_lint_wants_exactly_one_relative_classpath_folder_first(self):
        nb = read(SOURCES["01-activations"])
        j = fmt.first_code_cell(nb)
        for first, expected in (
            ("%jars ../../../lib/target/softmax-course.jar", "must be exactly '%classpath <one relative path>'"),
            ("%classpath a b", "must be exactly '%classpath <one relative path>'"),
            ("%classpath ../x\nint x = 1;", "must be exactly '%classpath <one relative path>'"),
            ("%classpath /opt/softmax-course", "must be relative to the notebook, not '/opt/softmax-course'"),
            ("%classpath ../../../lib/target/softmax-course.jar", "must name the unpacked folder"),
        ):
            nb.cells[j].source = first
            problems = fmt.lint(nb)
            self.assertEqual(len([p for p in problems if "first code cell" in p]), 1, (first, problems))
            self.assertIn(expected, "\n".join(problems), first)
        nb.cells[j].source = "%classpath ../elsewhere/softmax-course"
        self.assertEqual(fmt.lint(nb), [])

    def test_release_has_no_solution_or_hidden_text_and_keeps_signatures(self):
        for name, path in SOURCES.items():
            master = read(path)
            secret = fmt.secret_lines(master)
            self.assertGreater(len(secret), 10, name)
            released = fmt.release(master, name, "../../../lib/target/softmax-course")
            text = json.dumps(released, ensure_ascii=False)
            for s in secret:
                self.assertNotIn(json.dumps(s, ensure_ascii=False)[1:-1], text, name)
            for c in released.cells:
                if c.cell_type == "code":
                    self.assertEqual(c.outputs, [])
                    self.assertIsNone(c.execution_count)
                if fmt.kind(c) in ("test", "readonly"):
                    self.assertEqual(fmt.meta(c)["checksum"], fmt.checksum(fmt.source(c)))
            self.assertEqual(
                fmt.source(released.cells[fmt.first_code_cell(released)]),
                "%classpath ../../../lib/target/softmax-course",
            )
            self.assertIn("UnsupportedOperationException", fmt.source(cell(released, "q1-answer")))
            self.assertIn("hidden tests run when the notebook is graded", fmt.source(cell(released, "q1")))
        rel6 = fmt.release(read(SOURCES["06-softmax"]), "06-softmax", "x")
        self.assertIn("double crossEntropyFromLogits(double[] z, int trueClass) {", fmt.source(cell(rel6, "q3-answer")))

    def test_answer_cells_belong_to_the_next_test(self):
        self.assertEqual(
            fmt.answer_question(read(SOURCES["01-activations"])),
            {"q1-answer": "q1", "q2-answer": "q2", "q3-answer": "q3", "q4-answer": "q4"},
        )


class AssembleTest(unittest.TestCase):
    def setUp(self):
        self.master = read(SOURCES["01-activations"])
        self.released = fmt.release(self.master, "01-activations", "../x")

    def assemble(self, sub):
        return grading.assemble(self.master, sub, "/opt/course")

    def test_a_clean_submission_needs_no_repair(self):
        nb, notes, qnotes, tampered = self.assemble(self.released)
        self.assertEqual((notes, qnotes, tampered), ([], {}, set()))
        self.assertEqual(fmt.source(nb.cells[fmt.first_code_cell(nb)]), "%classpath /opt/course")
        self.assertIn("BEGIN HIDDEN TESTS", fmt.source(cell(nb, "q1")))  # hidden tests restored
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
        sub = with_answer(
            self.released, "q2-answer", "%maven org.example:evil:1\ndouble stableLogSigmoid(double z) { return 0; }"
        )
        sub = with_answer(
            sub,
            "q4-answer",
            "class Check { static void close(Object... a) {} }\nActivation outputForTwoClasses() { return null; }",
        )
        nb, notes, qnotes, tampered = self.assemble(sub)
        self.assertNotIn("%maven", fmt.source(cell(nb, "q2-answer")))
        self.assertIn("kernel commands (%maven) were removed", qnotes["q2"][0])
        self.assertIn("declares Check, a name the test cells use", qnotes["q4"][0])
        self.assertEqual(tampered, {"q4"})
        self.assertIn("your code here", fmt.source(cell(nb, "q4-answer")))

    def test_added_code_cells_are_reported_not_run(self):
        from nbformat.v4 import new_code_cell

        sub = copy.deepcopy(self.released)
        sub.cells.append(new_code_cell('System.out.println("my experiment");'))
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
                f.write("[1, 2]")
            self.assertIn("not a notebook", grading.load_submission(p)[1])

    def test_invalid_json_grades_to_zero_without_a_kernel(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "x.ipynb")
            with open(p, "w") as f:
                f.write("{ not json")
            rec = grading.grade_one(
                {
                    "master": SOURCES["01-activations"],
                    "assignment": "01-activations",
                    "student": "x",
                    "submission": p,
                    "classes": "/nonexistent",
                    "kernel": "no-such-kernel",
                    "timeout": 5,
                    "startup_timeout": 5,
                    "start_attempts": 1,
                }
            )
            self.assertEqual(rec["status"], "invalid")
            self.assertEqual((rec["score"], rec["max"]), (0, 7))
            self.assertEqual([q["status"] for q in rec["questions"]], ["invalid"] * 4)
            self.assertIn("not valid JSON", rec["notes"][0])

    def run_with(self, *lines):
        return CellRun("ok", [{"output_type": "stream", "name": "stdout", "text": "\n".join(lines) + "\n"}])

    def test_partial_lines_and_forged_records_do_not_hide_the_probe(self):
        from assigntool import probe

        out = self.run_with(
            'xxx@@OBS {"q":"q1","cases":1}',
            'xx@@OBS {"q":"q1","c":0,"a":{"t":"d","v":"0.5"}}x@@OBS {"q":"q1","c":0,"name":"n","w":"1.0","end":true}',
            "@@OBS {not json",
            '@@OBS {"q":"q1","done":true}',
        ).stdout()
        records = probe.observations(out)
        self.assertEqual(len(records), 4)
        cases, done, _ = probe.cases_of(records, "q1")
        self.assertTrue(done)
        self.assertEqual([c["a"]["v"] for c in cases[0]["checks"]], ["0.5"])
        self.assertEqual(len(cases[0]["ends"]), 1)

    def test_diagnostics_drop_echoed_source(self):
        err = {
            "output_type": "error",
            "ename": "CompilerException",
            "evalue": "",
            "traceback": [
                "\x1b[0m\x1b[1m\x1b[31mCompile error:\x1b[0m",
                '\x1b[0m\x1b[1m|    t.test("secret hidden case", () -> hiddenHelper(3));\x1b[0m',
                "\x1b[0m\x1b[1m             ^\x1b[0m",
                "\x1b[0m\x1b[1m\x1b[34mcannot find symbol\n  symbol:   method stableSigmoid(double)\x1b[0m",
            ],
        }
        err["traceback"].append("\x1b[34mcannot find symbol\n  symbol:   method stableSigmoid(double)\x1b[0m")
        self.assertEqual(grading.diagnostics(err), "cannot find symbol; symbol:   method stableSigmoid(double).")

    def test_redact(self):
        self.assertEqual(grading.redact("a x.secret(1); b", ["x.secret(1);"]), "a [hidden] b")


class SubmissionsTest(unittest.TestCase):
    def test_files_and_folders_are_found(self):
        from assigntool import cli

        with tempfile.TemporaryDirectory() as d:
            for rel in (
                "alice.ipynb",
                "bob/06-softmax.ipynb",
                "bob/scratch.ipynb",
                "carol/my work.ipynb",
                "dave/a.ipynb",
                "dave/b.ipynb",
                ".ipynb_checkpoints/x.ipynb",
                "notes.txt",
                "o'neil.ipynb",
            ):
                os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
                open(os.path.join(d, rel), "w").close()
            found, problems = cli.find_submissions(d, "06-softmax")
        self.assertEqual(
            [(s, os.path.relpath(p, d), o) for s, p, o in found],
            [
                ("alice", "alice.ipynb", "alice.ipynb"),
                ("bob", "bob/06-softmax.ipynb", "bob/06-softmax.ipynb"),
                ("carol", "carol/my work.ipynb", "carol/my work.ipynb"),
                ("o_neil", "o'neil.ipynb", "o'neil.ipynb"),
            ],
        )
        self.assertEqual(problems, ["dave: 2 notebooks and none named 06-softmax.ipynb; skipped"])


if __name__ == "__main__":
    unittest.main()


class ProbeTest(unittest.TestCase):
    """The two forms of a test cell, and the grader's side of every check."""

    CELL = (
        'org.softmaxcourse.exercise.Question.grade("q1", 2, t -> {\n'
        '    t.test("a", () ->\n'
        '        org.softmaxcourse.exercise.Check.close("f(0)", f(0), 0.5, 1e-12, "hint, with a comma"));\n'
        '    t.test("b", 2, () -> {\n'
        "        double[] p = g(new double[] {1, 2});\n"
        '        Check.probabilities("g", p, 1e-9, "sum (a, b)");\n'
        '        Check.throwsA("h(-1)", IllegalArgumentException.class, () -> h(-1), "guard");\n'
        "    });\n"
        "});"
    )

    def test_the_student_form_keeps_only_the_students_values(self):
        from assigntool import probe

        student = probe.rewrite(self.CELL, "student")
        self.assertIn('GraderProbe.grade("q1", 2, t -> {', student)
        self.assertIn("GraderProbe.seen(f(0))", student)
        self.assertIn("GraderProbe.seen(p)", student)
        self.assertIn("GraderProbe.seenThrow(() -> h(-1))", student)
        for gone in ("0.5", "1e-12", "hint", "1e-9", "guard", "IllegalArgumentException", '"f(0)"'):
            self.assertNotIn(gone, student)
        reference = probe.rewrite(self.CELL, "reference")
        self.assertIn('GraderProbe.close("f(0)", f(0), 0.5, 1e-12, "hint, with a comma")', reference)
        self.assertIn('GraderProbe.throwsA("h(-1)", IllegalArgumentException.class, () -> h(-1), "guard")', reference)

    def test_a_check_with_the_wrong_arity_is_an_authoring_error(self):
        from assigntool import probe

        with self.assertRaisesRegex(probe.ProbeError, "Check.close takes 5 arguments, found 4"):
            probe.rewrite('Check.close("x", f(), 1.0, 1e-9);', "student")
        with self.assertRaisesRegex(probe.ProbeError, "not a check the grader knows"):
            probe.rewrite('Check.roughly("x", f(), "h");', "student")

    @staticmethod
    def d(v):
        return {"t": "d", "v": repr(v) if not isinstance(v, str) else v}

    def test_judge_follows_the_check_rules_and_never_shows_values(self):
        from assigntool import probe

        close = {"k": "close", "what": "f(0)", "e": self.d(0.5), "tol": "1e-12"}
        self.assertIsNone(probe.judge(close, self.d(0.5 + 1e-13)))
        self.assertEqual(probe.judge(close, self.d(0.6)), "f(0) is too large.")
        self.assertEqual(probe.judge(close, self.d("NaN")), "f(0) is NaN (not a number).")
        self.assertEqual(probe.judge(close, {"t": "b", "v": True}), "f(0) is not a number.")
        inf = {"k": "close", "what": "L", "e": self.d("Infinity"), "tol": "0"}
        self.assertIsNone(probe.judge(inf, self.d("Infinity")))
        self.assertEqual(probe.judge(inf, self.d(1e308)), "L is finite; it should be infinite.")
        arr = {"k": "close", "what": "p", "e": {"t": "da", "n": 2, "v": ["1.0", "0.0"]}, "tol": "1e-12"}
        self.assertEqual(
            probe.judge(arr, {"t": "da", "n": 3, "v": ["1", "0", "0"]}), "p has 3 entries; it should have 2."
        )
        self.assertEqual(
            probe.judge(arr, {"t": "da", "n": 2, "v": ["0.5", "0.5"]}),
            "p: entry 0 is too small. 1 more entry is off too.",
        )
        self.assertEqual(probe.judge(arr, {"t": "null"}), "p is null; it should be an array of 2 numbers.")
        probs = {"k": "probabilities", "what": "p", "tol": "1e-9"}
        self.assertIsNone(probe.judge(probs, {"t": "da", "n": 2, "v": ["0.25", "0.75"]}))
        self.assertEqual(probe.judge(probs, {"t": "da", "n": 2, "v": ["0.5", "0.6"]}), "p does not sum to 1.")
        thrown = {
            "k": "throwsA",
            "what": "h(-1)",
            "e": {"t": "type", "v": "java.lang.IllegalArgumentException", "simple": "IllegalArgumentException"},
        }
        iae = {
            "cls": "java.lang.NumberFormatException",
            "chain": ["java.lang.NumberFormatException", "java.lang.IllegalArgumentException"],
        }
        self.assertIsNone(probe.judge(thrown, {"t": "thrown", "x": iae}))
        self.assertEqual(
            probe.judge(thrown, {"t": "thrown", "x": None}),
            "h(-1) returned normally; it should throw IllegalArgumentException.",
        )
        self.assertEqual(
            probe.judge({"k": "that", "what": "z is unchanged"}, {"t": "b", "v": False}), "Not so: z is unchanged."
        )
        self.assertEqual(
            probe.judge({"k": "equal", "what": "n", "e": {"t": "l", "v": "3"}}, {"t": "l", "v": "5"}), "n is too large."
        )

    def test_exception_text_carries_no_student_text(self):
        from assigntool import probe

        methods = {"stableSoftmax"}
        x = {"cls": "java.lang.ArithmeticException", "msg": "/ by zero", "at": "stableSoftmax"}
        self.assertEqual(probe.exception_text(x, methods), "ArithmeticException: / by zero (in stableSoftmax)")
        leak = {"cls": "java.lang.RuntimeException", "msg": "Q2hlY2suY2xvc2Uo", "at": "snoopSecretHelper"}
        self.assertEqual(probe.exception_text(leak, methods), "RuntimeException")
        own = {"cls": "REPL.$JShell$12$SecretCarrier", "msg": "Index 3 out of bounds for length 2", "at": ""}
        self.assertEqual(probe.exception_text(own, methods), "an exception of a class declared in your notebook")
        idx = {"cls": "java.lang.ArrayIndexOutOfBoundsException", "msg": "Index 3 out of bounds for length 2"}
        self.assertEqual(
            probe.exception_text(idx, methods), "ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 2"
        )


class IdentityTest(unittest.TestCase):
    def test_ids_keep_unicode_and_collisions_get_stable_suffixes(self):
        from assigntool import cli

        self.assertEqual(grading.student_id("张三"), "张三")
        self.assertEqual(grading.student_id("Zoë O'Brien"), "Zoë_O_Brien")
        self.assertEqual(grading.student_id("../../etc"), "_.._etc")
        with tempfile.TemporaryDirectory() as d:
            for rel in ("张 三.ipynb", "张_三.ipynb", "李四/06-softmax.ipynb"):
                os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
                open(os.path.join(d, rel), "w").close()
            found, problems = cli.find_submissions(d, "06-softmax")
            again, _ = cli.find_submissions(d, "06-softmax")
        ids = {o: s for s, _, o in found}
        self.assertEqual(found, again)
        self.assertEqual(ids["李四/06-softmax.ipynb"], "李四")
        self.assertNotEqual(ids["张 三.ipynb"], ids["张_三.ipynb"])
        self.assertRegex(ids["张 三.ipynb"], r"^张_三~[0-9a-f]{6}$")
        self.assertEqual(len(problems), 2)


class SignatureTest(unittest.TestCase):
    def test_a_changed_record_or_feedback_fails_its_signature(self):
        rec = {
            "student": "张三",
            "assignment": "a",
            "status": "graded",
            "notes": [],
            "questions": [],
            "score": 1,
            "max": 2,
            "seconds": 1,
        }
        with tempfile.TemporaryDirectory() as d:
            key = grading.grader_key(d)
            self.assertEqual(oct(os.stat(os.path.join(d, grading.KEY_FILE)).st_mode & 0o777), "0o600")
            grading.write_student(d, dict(rec), [], key)
            self.assertEqual(grading.load_record(d, "张三", key)[0]["score"], 1)
            path = os.path.join(d, "students", "张三", "feedback.md")
            with open(path, "a", encoding="utf-8") as f:
                f.write("extra")
            self.assertIn("bad signature", grading.load_record(d, "张三", key)[1])
            grading.write_student(d, dict(rec), [], key)
            self.assertIsNone(grading.load_record(d, "张三", os.urandom(32))[0])

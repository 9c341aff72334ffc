"""Unit tests of run_notebooks.py's checks (standard library only; no kernel).

Run: python3 tools/run_notebooks.py --self-test   (Maven does, before the notebooks run)
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks as rn  # noqa: E402

JARS = "%classpath ../lib/target/softmax-course"


def code(source, outputs=None, execution_count=None, **metadata):
    return {
        "cell_type": "code",
        "source": source,
        "metadata": metadata,
        "outputs": outputs or [],
        "execution_count": execution_count,
    }


def markdown(source):
    return {"cell_type": "markdown", "source": source, "metadata": {}}


def notebook(*cells, kernel="java"):
    meta = {"kernelspec": {"name": kernel, "display_name": "Java", "language": "java"}} if kernel else {}
    return {"nbformat": 4, "nbformat_minor": 4, "metadata": meta, "cells": list(cells)}


def good_notebook():
    return notebook(markdown("# Title"), code(JARS), code("Sigmoid.sigmoid(0)", expect=["0.5"]))


def result(text, mime="text/html"):
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {mime: text}}


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


class ParseClasspathLine(unittest.TestCase):
    def test_one_relative_folder(self):
        self.assertEqual(rn.parse_classpath_line(JARS + "\n"), ("../lib/target/softmax-course", None))

    def test_surrounding_blank_lines_spaces_and_a_trailing_slash_are_fine(self):
        self.assertEqual(rn.parse_classpath_line("\n  %classpath   a/b/  \n\n"), ("a/b", None))

    def test_rejects_a_second_line(self):
        path, why = rn.parse_classpath_line(JARS + "\nimport java.util.*;")
        self.assertIsNone(path)
        self.assertIn("found 2 lines", why)

    def test_rejects_a_glob(self):
        path, why = rn.parse_classpath_line("%classpath ../lib/target/*")
        self.assertIsNone(path)
        self.assertIn("no globs", why)

    def test_rejects_two_paths(self):
        self.assertIsNone(rn.parse_classpath_line("%classpath a b")[0])
        self.assertIn("not a path list", rn.parse_classpath_line("%classpath a:b")[1])

    def test_rejects_an_absolute_path(self):
        self.assertIn("relative", rn.parse_classpath_line("%classpath /opt/course")[1])
        self.assertIn("relative", rn.parse_classpath_line("%classpath ~/course")[1])

    def test_rejects_a_jar(self):
        self.assertIn("not a .jar", rn.parse_classpath_line("%classpath ../lib/target/softmax-course.jar")[1])

    def test_rejects_other_magics(self):
        self.assertIn("found `%jars a.jar`", rn.parse_classpath_line("%jars a.jar")[1])


class CheckSource(unittest.TestCase):
    def test_a_good_notebook_has_no_problem(self):
        self.assertEqual(rn.check_source(good_notebook()), [])

    def test_source_as_list_of_lines(self):
        nb = good_notebook()
        nb["cells"][1]["source"] = [JARS + "\n"]
        self.assertEqual(rn.check_source(nb), [])

    def test_wrong_or_missing_kernelspec(self):
        nb = good_notebook()
        nb["metadata"]["kernelspec"]["name"] = "python3"
        self.assertEqual(rn.check_source(nb), [(None, "kernelspec name is 'python3', expected 'java'")])
        nb = notebook(code(JARS), code("1", expect=["1"]), kernel=None)
        self.assertEqual(rn.check_source(nb), [(None, "kernelspec name is None, expected 'java'")])

    def test_stored_outputs_and_execution_counts(self):
        nb = good_notebook()
        nb["cells"][2]["outputs"] = [result("0.5")]
        nb["cells"][1]["execution_count"] = 3
        problems = rn.check_source(nb)
        self.assertEqual([i for i, _ in problems], [1, 2])
        self.assertTrue(all("stored with outputs" in m for _, m in problems))

    def test_first_code_cell_must_be_the_classpath_line(self):
        nb = notebook(markdown("x"), code("int a = 1;", expect=["1"]), code(JARS))
        self.assertEqual(len(rn.check_source(nb)), 1)
        index, message = rn.check_source(nb)[0]
        self.assertEqual(index, 1)
        self.assertTrue(message.startswith("first code cell must be exactly `%classpath"))

    def test_no_code_cell(self):
        problems = rn.check_source(notebook(markdown("only prose")))
        self.assertEqual(len(problems), 1)
        self.assertIn("has no code cell", problems[0][1])

    def test_bare_display_call_is_rejected_but_a_method_named_display_is_not(self):
        nb = good_notebook()
        nb["cells"].append(code("display(chart);"))
        nb["cells"].append(code("Notebook.display(chart);\nmyDisplay(x);"))
        problems = rn.check_source(nb)
        self.assertEqual([i for i, _ in problems], [3])
        self.assertIn("display(...)", problems[0][1])

    def test_maven_and_pom_magics_are_rejected(self):
        nb = good_notebook()
        nb["cells"].append(code("%maven org.knowm.xchart:xchart:3.8.8"))
        nb["cells"].append(code("%%loadFromPOM\n<dependency/>"))
        nb["cells"].append(code("// we never use maven here"))
        problems = rn.check_source(nb)
        self.assertEqual([i for i, _ in problems], [3, 4])
        self.assertIn("uses %maven", problems[0][1])
        self.assertIn("uses %%loadFromPOM", problems[1][1])

    def test_at_least_one_expect(self):
        nb = notebook(code(JARS), code("1+1", expect_mime=["text/html"]))
        self.assertEqual(len(rn.check_source(nb)), 1)
        self.assertIn("declares no expected value", rn.check_source(nb)[0][1])

    def test_malformed_expectations(self):
        nb = notebook(code(JARS), code("1", expect="0.5"), code("2", expect=["2"], expect_mime="image/png"))
        problems = rn.check_source(nb)
        self.assertEqual(
            problems,
            [
                (1, "metadata 'expect' must be a list of non-empty strings"),
                (2, "metadata 'expect_mime' must be a list of MIME types"),
            ],
        )


class CheckOutputs(unittest.TestCase):
    def test_expected_values_found_in_html_plain_and_stdout(self):
        nb = notebook(
            code(JARS),
            code("a", outputs=[result("0.5")], expect=["0.5"]),
            code("b", outputs=[result("0.7310585786300049", "text/plain")], expect=["0.731"]),
            code("c", outputs=[stream("sum = 1.0\n")], expect=["sum = 1.0"]),
        )
        self.assertEqual(rn.check_outputs(nb), ([], 3))

    def test_source_text_does_not_satisfy_an_expectation(self):
        nb = notebook(code(JARS), code("// 0.5", outputs=[result("0.25")], expect=["0.5"]))
        problems, checked = rn.check_outputs(nb)
        self.assertEqual(checked, 1)
        self.assertEqual(problems, [(1, "expected '0.5' in the outputs; they were: 0.25")])

    def test_expectation_against_html_escaped_text(self):
        nb = notebook(code(JARS), code("a", outputs=[result("p &lt; 1")], expect=["p < 1"]))
        self.assertEqual(rn.check_outputs(nb), ([], 1))

    def test_stderr_is_a_failure(self):
        nb = notebook(code(JARS), code("a", outputs=[stream("WARNING: oops\n", "stderr")]))
        self.assertEqual(rn.check_outputs(nb), ([(1, "wrote to stderr:\nWARNING: oops")], 0))

    def test_error_output_is_a_failure_with_its_name_and_message(self):
        error = {
            "output_type": "error",
            "ename": "IllegalArgumentException",
            "evalue": "z is NaN",
            "traceback": ["\x1b[1;31mjava.lang.IllegalArgumentException\x1b[0m"],
        }
        problems, _ = rn.check_outputs(notebook(code(JARS), code("a", outputs=[error])))
        self.assertEqual(
            problems, [(1, "error output: IllegalArgumentException: z is NaN\njava.lang.IllegalArgumentException")]
        )

    def test_expected_mime_types(self):
        png = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBOR", "text/plain": "img"}}
        nb = notebook(code(JARS), code("chart", outputs=[png], expect_mime=["image/png", "text/html"]))
        problems, checked = rn.check_outputs(nb)
        self.assertEqual(checked, 2)
        self.assertEqual(problems, [(1, "expected an output of type text/html; got image/png, text/plain")])

    def test_a_cell_with_no_output_misses_its_expectation(self):
        problems, _ = rn.check_outputs(notebook(code(JARS), code("a", expect=["6"])))
        self.assertEqual(problems, [(1, "expected '6' in the outputs; they were: no text output")])

    def test_any_cell_started(self):
        self.assertFalse(rn.any_cell_started(good_notebook()))
        nb = good_notebook()
        nb["cells"][1]["execution_count"] = 1
        self.assertTrue(rn.any_cell_started(nb))


class Formatting(unittest.TestCase):
    def test_problem_names_notebook_cell_and_source(self):
        nb = notebook(code(JARS), code("double a = 1;\ndouble b = 2;\ndouble c = 3;\ndouble d = 4;"))
        text = rn.format_problem("01-x.ipynb", nb, 1, "error output: E: m\nat line 1")
        self.assertEqual(
            text.splitlines(),
            [
                "FAIL 01-x.ipynb cell 2: error output: E: m",
                "     at line 1",
                "     source:",
                "       double a = 1;",
                "       double b = 2;",
                "       double c = 3;",
                "       ...",
            ],
        )

    def test_problem_without_cell(self):
        self.assertEqual(
            rn.format_problem("01-x.ipynb", good_notebook(), None, "no expect"), "FAIL 01-x.ipynb: no expect"
        )


class Discovery(unittest.TestCase):
    def test_only_numbered_notebooks_sorted(self):
        with tempfile.TemporaryDirectory() as d:
            for name in ("10-b.ipynb", "01-a.ipynb", "scratch.ipynb", "1-c.ipynb", "02-notes.txt"):
                Path(d, name).write_text("{}")
            self.assertEqual([p.name for p in rn.discover(d)], ["01-a.ipynb", "10-b.ipynb"])

    def test_no_notebooks_is_a_failure(self):
        with tempfile.TemporaryDirectory() as d:
            args = rn.argparse.Namespace(notebooks=[], out=str(Path(d, "book")), check_only=True)
            old = rn.NOTEBOOKS_DIR
            rn.NOTEBOOKS_DIR = Path(d)
            try:
                with contextlib.redirect_stdout(io.StringIO()) as printed:
                    self.assertEqual(rn.run(args), 1)
            finally:
                rn.NOTEBOOKS_DIR = old
            self.assertIn("FAIL no notebooks found", printed.getvalue())


class CheckOnlyRun(unittest.TestCase):
    """The static path of run(): needs nbformat (skipped where it is not installed)."""

    def test_summary_and_timings_for_a_bad_notebook(self):
        try:
            import nbformat  # noqa: F401
        except ImportError:
            self.skipTest("nbformat is not installed")
        with tempfile.TemporaryDirectory() as d:
            bad = notebook(code("%classpath lib/*"), code("1", expect=["1"]))
            Path(d, "01-bad.ipynb").write_text(json.dumps(bad))
            Path(d, "02-good.ipynb").write_text(json.dumps(good_notebook()))
            args = rn.argparse.Namespace(
                notebooks=[os.path.join(d, "01-bad.ipynb"), os.path.join(d, "02-good.ipynb")],
                out=os.path.join(d, "book"),
                check_only=True,
            )
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                self.assertEqual(rn.run(args), 1)
            self.assertIn("FAIL 01-bad.ipynb cell 1: first code cell `lib/*`: no globs", printed.getvalue())
            self.assertTrue(
                printed.getvalue()
                .rstrip()
                .endswith("notebooks: 2 run, 1 passed, 1 failed, 0 kernel-start retries, 0 expected values checked")
            )
            summary = json.loads(Path(d, "book", "summary.json").read_text())
            self.assertEqual((summary["notebooks_run"], summary["passed"], summary["failed"]), (2, 1, 1))
            self.assertEqual(Path(d, "book", "timings.csv").read_text().splitlines()[0], "notebook,seconds")
            self.assertIn('href="02-good.html"', Path(d, "book", "index.html").read_text())


class Book(unittest.TestCase):
    def test_title_is_the_first_heading_and_summary_its_first_sentence(self):
        nb = notebook(
            markdown(
                "# 2. The **sigmoid**\n\nIt maps a *score* to a [probability](x.md). "
                "More text follows.\nStill the same paragraph.\n\nNot this one."
            ),
            code(JARS),
        )
        self.assertEqual(rn.title_and_summary(nb, "02-x"), ("2. The sigmoid", "It maps a score to a probability."))

    def test_metadata_summary_wins_and_missing_heading_falls_back_to_the_name(self):
        nb = notebook(markdown("Some intro."), code(JARS))
        nb["metadata"]["summary"] = "  Set by   hand. "
        self.assertEqual(rn.title_and_summary(nb, "03-y"), ("03-y", "Set by hand."))
        self.assertEqual(rn.title_and_summary(notebook(code(JARS)), "04-z"), ("04-z", ""))

    def test_index_lists_notebooks_in_course_order_with_titles_and_summaries(self):
        with tempfile.TemporaryDirectory() as d:
            results = [
                rn.NotebookResult("06-b.ipynb", passed=False, seconds=2.0, title="Six <b>", summary="Later."),
                rn.NotebookResult("00-a.ipynb", passed=True, seconds=1.0, title="Zero", summary="First."),
            ]
            Path(d, "screenshots").mkdir()
            Path(d, "screenshots", "00-a.png").write_bytes(b"png")
            rn.write_index(Path(d), results)
            page = Path(d, "index.html").read_text()
            self.assertLess(page.index('href="00-a.html"'), page.index('href="06-b.html"'))
            self.assertIn("<strong>Zero</strong>", page)
            self.assertIn("First.", page)
            self.assertIn("Six &lt;b&gt;", page)
            self.assertIn("FAILED", page)
            self.assertIn('href="screenshots/00-a.png"', page)
            self.assertNotIn("screenshots/06-b.png", page)

    def test_html_embeds_images_and_loads_mathjax(self):
        try:
            import nbconvert  # noqa: F401
            import nbformat
        except ImportError:
            self.skipTest("nbformat/nbconvert are not installed")
        png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        nb = nbformat.from_dict(
            notebook(
                markdown("# T\n\n$\\sigma(z)$"),
                code(
                    JARS,
                    outputs=[{"output_type": "display_data", "metadata": {}, "data": {"image/png": png}}],
                    execution_count=1,
                ),
            )
        )
        with tempfile.TemporaryDirectory() as d:
            rn.write_html(nb, Path(d, "t.html"))
            page = Path(d, "t.html").read_text()
            self.assertIn("data:image/png;base64," + png, page)
            self.assertRegex(page, r"(?i)<script[^>]+mathjax[^>]*\.js")
            rn.write_html(nb, Path(d, "t.html"), rn.MATHJAX_LOCAL)
            self.assertIn(rn.MATHJAX_LOCAL.replace("&", "&amp;").split("?")[0], Path(d, "t.html").read_text())


if __name__ == "__main__":
    unittest.main()

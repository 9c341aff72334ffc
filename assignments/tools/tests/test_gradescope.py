"""The Gradescope package, end to end: export it, unpack it into a simulated /autograder layout in
a throwaway folder, run its run_autograder there, read results/results.json."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

from support import SOURCES, cell, fmt, kernel_problem, read, with_answer, write
from test_grading import options

NAME = "06-softmax"


@unittest.skipIf(kernel_problem() and os.environ.get("ASSIGNMENTS_REQUIRE_KERNEL") != "1", kernel_problem())
class GradescopePackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from assigntool import gradescope

        cls.tmp = tempfile.mkdtemp(prefix="assign-gradescope-")
        cls.zip = gradescope.export(options(), SOURCES[NAME], os.path.join(cls.tmp, "export"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def layout(self, files):
        """/autograder as Gradescope builds it: source/ from the zip, run_autograder copied to the root."""
        root = tempfile.mkdtemp(prefix="autograder-", dir=self.tmp)
        with zipfile.ZipFile(self.zip) as z:
            z.extractall(os.path.join(root, "source"))
        for name in ("run_autograder", "setup.sh"):
            os.chmod(os.path.join(root, "source", name), 0o755)
        shutil.copy(os.path.join(root, "source", "run_autograder"), os.path.join(root, "run_autograder"))
        os.makedirs(os.path.join(root, "submission"))
        for name, nb in files.items():
            write(nb, os.path.join(root, "submission", name))
        env = dict(os.environ, AUTOGRADER_ROOT=root, AUTOGRADER_PYTHON=sys.executable)
        run = subprocess.run(
            [os.path.join(root, "run_autograder")],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])
        with open(os.path.join(root, "results", "results.json"), encoding="utf-8") as f:
            return json.load(f), run

    def test_the_zip_has_gradescope_files_at_its_root(self):
        with zipfile.ZipFile(self.zip) as z:
            names = set(z.namelist())
            self.assertTrue(
                {
                    "setup.sh",
                    "run_autograder",
                    "06-softmax.ipynb",
                    "softmax-course/org/softmaxcourse/notebook/Notebook.class",
                    "reference.json",
                    "tools/kernelstart.py",
                    "tools/assigntool/grading.py",
                }
                <= names,
                names,
            )
            self.assertTrue(z.getinfo("run_autograder").external_attr >> 16 & 0o100)
            self.assertTrue(z.read("setup.sh").startswith(b"#!/usr/bin/env bash\n"))

    def test_run_autograder_grades_a_submission_on_the_simulated_layout(self):
        master = read(SOURCES[NAME])
        released = fmt.release(master, NAME, "softmax-course")
        solved = with_answer(released, "q1-answer", fmt.source(cell(master, "q1-answer")))
        solved = with_answer(solved, "q3-answer", fmt.source(cell(master, "q3-answer")))
        results, run = self.layout({"06-softmax.ipynb": solved})
        self.assertEqual(results["score"], 4.0, results)
        self.assertEqual(
            [(t["number"], t["score"], t["max_score"], t["status"]) for t in results["tests"]],
            [
                ("q1", 2.0, 2.0, "passed"),
                ("q2", 0.0, 2.0, "failed"),
                ("q3", 2.0, 2.0, "passed"),
                ("q4", 0.0, 2.0, "failed"),
            ],
        )
        self.assertEqual(results["stdout_visibility"], "hidden")
        self.assertIn("grading 06-softmax.ipynb with isolation", run.stdout)
        for secret in fmt.secret_lines(master):
            self.assertNotIn(secret, json.dumps(results, ensure_ascii=False))

    def test_a_submission_without_the_notebook_gets_a_clear_message(self):
        results, _ = self.layout({})
        self.assertEqual(results["score"], 0)
        self.assertIn("upload 06-softmax.ipynb", results["output"])


if __name__ == "__main__":
    unittest.main()

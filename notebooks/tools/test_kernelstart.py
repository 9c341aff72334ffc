"""Unit tests of kernelstart.py with stand-in kernelspecs: one that dies, one that never answers
(wedged), and a real kernel (ipykernel, which the pinned environment has) that answers.

Run with `python3 tools/run_notebooks.py --self-test` (it runs these too) or
`python3 -m unittest test_kernelstart` from notebooks/tools/.
"""

import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import jupyter_client  # noqa: F401

    import kernelstart
except ImportError:  # the runner's static checks need only the standard library
    kernelstart = None


def kernelspec(folder, name, argv):
    Path(folder, name).mkdir()
    Path(folder, name, "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": name, "language": "python"}), encoding="utf-8"
    )


@unittest.skipIf(kernelstart is None, "jupyter_client is not installed")
class StartKernel(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.lines = []

    def start(self, name, **kwargs):
        return kernelstart.start_kernel(name, kernel_dirs=[self.dir.name], log=self.lines.append, **kwargs)

    def test_a_kernel_that_dies_is_retried_then_reported(self):
        kernelspec(self.dir.name, "dies", [sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"])
        with self.assertRaises(kernelstart.KernelStartError) as caught:
            self.start("dies", timeout=20, retries=2, label="nb.ipynb")
        self.assertEqual(len(caught.exception.failures), 3)
        self.assertTrue(all("died" in f for f in caught.exception.failures), caught.exception.failures)
        self.assertEqual(len(self.lines), 2)
        self.assertTrue(self.lines[0].startswith("RETRY: nb.ipynb: kernel start failed (RuntimeError: "))
        self.assertTrue(self.lines[1].endswith("retry 2 of 2"))

    def test_a_wedged_kernel_is_detected_within_the_timeout_and_shown_to_on_wedge(self):
        kernelspec(self.dir.name, "wedged", [sys.executable, "-c", "import time; time.sleep(60)", "{connection_file}"])
        seen = []
        with self.assertRaises(kernelstart.KernelStartError) as caught:
            self.start("wedged", timeout=2, retries=0, on_wedge=lambda km: seen.append(km.is_alive()))
        self.assertIn("didn't respond in 2 seconds", caught.exception.failures[0])
        self.assertEqual(seen, [True])  # called while the process still lived, before it was killed
        self.assertEqual(self.lines, [])  # no retry was allowed, so none announced

    def test_a_kernel_that_answers_returns_its_start_report(self):
        kernelspec(self.dir.name, "py", [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"])
        try:
            km, kc, report = self.start("py", timeout=60, retries=0, cwd=self.dir.name)
        except kernelstart.KernelStartError as e:
            if "No module named ipykernel" in str(e):
                self.skipTest("ipykernel is not installed")
            raise
        try:
            reply = kc.execute_interactive("import os; print(os.getcwd())", timeout=30)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            kernelstart.shutdown(km, kc)
        self.assertEqual((report.kernel_name, report.retries, report.failures), ("py", 0, ()))
        self.assertGreater(report.seconds, 0)
        self.assertIn("answered in", str(report))

    def test_bad_arguments_name_the_argument(self):
        with self.assertRaisesRegex(ValueError, "timeout must be > 0 seconds, not 0"):
            kernelstart.start_kernel("java", timeout=0)
        with self.assertRaisesRegex(ValueError, "retries must be >= 0, not -1"):
            kernelstart.start_kernel("java", retries=-1)


if __name__ == "__main__":
    unittest.main()

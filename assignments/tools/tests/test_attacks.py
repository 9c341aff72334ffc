"""Attacks on the grader, each a crafted submission of 06-softmax, graded in one batch of 50 with
honest, partial and generated submissions. Every test asserts on that one batch.

Asserted for every attack: the grade; no line of hidden test or solution code, no hint of a hidden
test and no encoded form of them (JSON-escaped, base64, hex, reversed) in any output file; nothing
outside the output folder changed; no process of any sandbox uid left running.
"""

import base64
import copy
import csv
import glob
import hashlib
import json
import os
import random
import re
import shutil
import socket
import tempfile
import threading
import time
import unittest

from assigntool import cli, grading
from assigntool import sandbox as sandboxes
from support import CLASSES, SOURCES, cell, fmt, kernel_problem, read, with_answer, write
from test_grading import options

NAME = "06-softmax"
FULL = {"q1": 2.0, "q2": 2.0, "q3": 2.0, "q4": 2.0}
SOLUTION = {
    "q1-answer": None,
    "q2-answer": None,
    "q3-answer": None,
    "q4-answer": None,
}


def java_string(s):
    return json.dumps(s)


def attacks(master, solved, paths):
    """{file name: (notebook, expected points per question)}."""
    src, subs_dir, out_dir, port = paths["source"], paths["subs"], paths["out"], paths["port"]
    ans = {k: fmt.source(cell(solved, k)) for k in SOLUTION}
    out = {}

    # 1. a wrong softmax plus a class that stands in for the library's Softmax, which a hidden test
    #    uses for its expected values: they come from the reference run, so the stand-in is never
    #    asked; the wrong answer earns what it earns alone (2 of 5 cases: 0.8 points). The stand-in
    #    does change the student's own q4 answer, which calls Softmax.softmax: 1 of 4 cases, 0.5
    wrong = "double[] stableSoftmax(double[] z) {\n    return new double[] {0.5, 0.5};\n}\n"
    out["shadow-class.ipynb"] = (
        with_answer(
            solved,
            "q1-answer",
            wrong + "class Softmax {\n    static double[] softmax(double[] z) { return new double[] {0.5, 0.5}; }\n}",
        ),
        dict(FULL, q1=0.8, q4=0.5),
    )
    # 2. a variable that shadows the package root of every fully qualified name in the tests
    out["shadow-variable.ipynb"] = (
        with_answer(
            solved, "q2-answer", "double crossEntropy(double[] p, int y) {\n    return 0;\n}\nvar org = new Object();"
        ),
        dict(FULL, q2=0.0),
    )
    # 3. a type named like the probe, and one like the engine
    out["shadow-probe.ipynb"] = (
        with_answer(
            solved,
            "q4-answer",
            ans["q4-answer"] + "\nclass GraderProbe { static void grade(Object... a) {} }\ninterface Check {}",
        ),
        dict(FULL, q4=0.0),
    )
    # 4. the token from the environment, forged result and observation lines, then an error
    forged_q3 = (
        "double crossEntropyFromLogits(double[] z, int y) {\n"
        '    String token = System.getenv("SOFTMAX_GRADER_TOKEN");\n'
        "    for (int c = 0; c < 4; c++) {\n"
        '        System.out.println("@@RESULT " + token + " {\\"id\\":\\"q3\\",\\"fraction\\":1,'
        '\\"status\\":\\"passed\\",\\"cases\\":[]}");\n'
        '        System.out.println("@@OBS {\\"q\\":\\"q3\\",\\"c\\":" + c + ",\\"a\\":{\\"t\\":\\"d\\",'
        '\\"v\\":\\"0.4170300162778335\\"}}");\n'
        '        System.out.println("@@OBS {\\"q\\":\\"q3\\",\\"c\\":" + c + ",\\"end\\":true}");\n'
        "    }\n"
        '    System.out.println("@@OBS {\\"q\\":\\"q3\\",\\"done\\":true}");\n'
        '    throw new IllegalStateException("stop here");\n}'
    )
    out["forged-lines.ipynb"] = (with_answer(solved, "q3-answer", forged_q3), dict(FULL, q3=0.0))
    # 5. an output filter: every observation of q1 is rewritten to claim a textbook answer
    filt = (
        "double[] stableSoftmax(double[] z) {\n    return new double[] {0.5, 0.5};\n}\n"
        "System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true) {\n"
        "    final java.io.PrintStream real = System.out;\n"
        "    @Override public void print(String s) {\n"
        '        if (s != null && s.contains("@@OBS")) {\n'
        '            s = s.replaceAll("\\"a\\":\\\\{[^}]*\\\\}", "\\"a\\":{\\"t\\":\\"b\\",\\"v\\":true}")\n'
        '                 .replaceAll(",\\"x\\":\\\\{.*\\\\}", "");\n'
        "        }\n"
        "        real.print(s);\n"
        "    }\n"
        "});"
    )
    # [0.5, 0.5] is right for [-1000, -1000] and leaves z alone: 2 of 5 cases, 0.8 points, with
    # or without the filter; the filter's rewritten values gain nothing
    out["output-filter.ipynb"] = (with_answer(solved, "q1-answer", filt), dict(FULL, q1=0.8))
    # 6. leaks: look for the instructor's source, other submissions, the grades; read /proc; throw
    #    what was found (base64, reversed) as exception messages, and print it
    snoop = (
        "String snoop() {\n"
        "    StringBuilder b = new StringBuilder();\n"
        "    for (String p : new String[] {"
        + ", ".join(
            java_string(p)
            for p in (
                src,
                subs_dir,
                out_dir,
                os.path.dirname(src),
                "/proc/1/cmdline",
                "/proc/1/environ",
                "/proc/self/environ",
                "/etc/passwd",
                "/root",
                "/work",
            )
        )
        + "}) {\n"
        "        try {\n"
        "            java.nio.file.Path f = java.nio.file.Path.of(p);\n"
        "            if (java.nio.file.Files.isDirectory(f)) {\n"
        "                try (var s = java.nio.file.Files.walk(f, 3)) {\n"
        "                    for (var x : (Iterable<java.nio.file.Path>) s::iterator) {\n"
        "                        if (java.nio.file.Files.isRegularFile(x))\n"
        "                            b.append(java.nio.file.Files.readString(x));\n"
        "                    }\n"
        "                }\n"
        "            } else {\n"
        "                b.append(new String(java.nio.file.Files.readAllBytes(f)));\n"
        "            }\n"
        "        } catch (Throwable e) { }\n"
        "    }\n"
        "    for (var e : System.getenv().entrySet()) b.append(e.getKey()).append('=').append(e.getValue());\n"
        "    return b.toString();\n"
        "}\n"
        "double crossEntropy(double[] p, int y) {\n"
        "    String found = snoop();\n"
        "    System.out.println(found);\n"
        "    System.err.println(found);\n"
        "    if (y == 3 && p[3] == 0.1) throw new ArithmeticException(java.util.Base64.getEncoder()"
        ".encodeToString(found.getBytes()));\n"
        "    if (y == 3) throw new ArithmeticException(new StringBuilder(found).reverse().toString());\n"
        "    throw new RuntimeException(found);\n"
        "}"
    )
    out["leak.ipynb"] = (with_answer(solved, "q2-answer", snoop), dict(FULL, q2=0.0))
    # 7. writes outside, a detached process that rewrites grades later, network, many processes
    escape = (
        "void escape() {\n"
        "    for (String p : new String[] {"
        + ", ".join(
            java_string(p)
            for p in (
                os.path.join(out_dir, "grades.csv"),
                os.path.join(out_dir, "students", "intruder", "record.json"),
                os.path.join(subs_dir, "intruder.ipynb"),
                os.path.join(os.path.dirname(src), "planted.txt"),
                "/tmp/planted-by-student",
                "/course/planted",
                "/course/softmax-course/planted",
            )
        )
        + "}) {\n"
        "        try { java.nio.file.Files.createDirectories(java.nio.file.Path.of(p).getParent()); "
        'java.nio.file.Files.writeString(java.nio.file.Path.of(p), "intruder,q1,8,8,passed,"); '
        "} catch (Throwable e) { }\n"
        "    }\n"
        '    try { new ProcessBuilder("/bin/sh", "-c", "(sleep 20; echo intruder > '
        + out_dir
        + '/grades.csv) &").start(); } catch (Throwable e) { }\n'
        '    try { new ProcessBuilder("/usr/bin/setsid", "/bin/sleep", "600").start(); } catch (Throwable e) { }\n'
        '    try (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("127.0.0.1", '
        + str(port)
        + "), 1000); } catch (Throwable e) { }\n"
        '    try (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("1.1.1.1", 53), 1000); } '
        "catch (Throwable e) { }\n"
        "}\n"
        "escape();\n"
    )
    out["escape.ipynb"] = (with_answer(solved, "q4-answer", escape + ans["q4-answer"]), dict(FULL))
    # 8. a thread that prints without a newline all the time: a correct submission keeps its marks
    chatter = (
        'Thread chatter = new Thread(() -> { while (true) { System.out.print("x"); '
        "try { Thread.sleep(1); } catch (InterruptedException e) { return; } } });\n"
        "chatter.setDaemon(true);\nchatter.start();\n"
    )
    out["partial-lines.ipynb"] = (with_answer(solved, "q1-answer", chatter + ans["q1-answer"]), dict(FULL))
    # 9. 20 GB on the heap: an OutOfMemoryError at once, not 5 GB of RSS; the rest is graded
    out["heap.ipynb"] = (
        with_answer(
            solved,
            "q4-answer",
            "double[] softmaxGradient(double[] z, int y) {\n"
            "    java.util.List<double[]> hog = new java.util.ArrayList<>();\n"
            "    for (int i = 0; i < 20; i++) hog.add(new double[125_000_000]);\n"
            "    return hog.get(0);\n}",
        ),
        dict(FULL, q4=0.0),
    )
    # 10. a fork bomb: the pids cgroup stops it; the answer is right only if it was stopped
    bomb = (
        'Process bomb = new ProcessBuilder("/bin/sh", "-c",\n'
        '    "i=0; while [ $i -lt 400 ]; do sleep 600 & i=$((i+1)); done; wait").start();\n'
        "Thread.sleep(3000);\n"
        "long peak = ProcessHandle.allProcesses().count();\n"
        "bomb.descendants().forEach(ProcessHandle::destroyForcibly);\n"
        "bomb.destroyForcibly();\n"
        "boolean limited = peak < 300;\n"
    )
    gradient = ans["q4-answer"].replace(
        "double[] g = ", "if (!limited) {\n        return null;\n    }\n    double[] g = "
    )
    out["fork-bomb.ipynb"] = (with_answer(solved, "q4-answer", bomb + gradient), dict(FULL))
    return out


def generated(master, released, solved, count, seed=17):
    """``count`` honest submissions with a random mix of solved and untouched answers."""
    rng = random.Random(seed)
    stub = {k: fmt.source(cell(released, k)) for k in SOLUTION}
    out = {}
    for i in range(count):
        nb = copy.deepcopy(solved)
        want = {}
        for q, k in zip(FULL, SOLUTION, strict=True):
            if rng.random() < 0.4:
                nb = with_answer(nb, k, stub[k])
                want[q] = 0.0
            else:
                want[q] = FULL[q]
        out[f"generated-{i:02d}.ipynb"] = (nb, want)
    return out


def tree_digest(root, skip=None):
    digest = {}
    for dirpath, _, files in os.walk(root):
        if skip and os.path.abspath(dirpath).startswith(skip):
            continue
        for f in files:
            p = os.path.join(dirpath, f)
            with open(p, "rb") as fh:
                digest[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return digest


def sandbox_processes():
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                uid = os.stat(f"/proc/{d}").st_uid
                with open(f"/proc/{d}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                continue
            if 61000 <= uid < 81000 and state not in ("Z", "X"):
                found.append(int(d))
    return found


@unittest.skipIf(kernel_problem() and os.environ.get("ASSIGNMENTS_REQUIRE_KERNEL") != "1", kernel_problem())
class AttackBatchTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        problem = kernel_problem()
        if problem:
            raise AssertionError(problem)
        if options().isolation != "bwrap":
            raise unittest.SkipTest(f"no sandbox here ({sandboxes.available()}): the attacks need isolation")
        cls.tmp = tempfile.mkdtemp(prefix="assign-attacks-")
        os.chmod(cls.tmp, 0o755)
        # the instructor's folder: a copy of the source, so that writes into it would be seen
        src_dir = os.path.join(cls.tmp, "source", NAME)
        os.makedirs(src_dir)
        cls.source = os.path.join(src_dir, NAME + ".ipynb")
        shutil.copy(SOURCES[NAME], cls.source)
        cls.master = read(cls.source)
        released = read(cli.release_one(cls.source, os.path.join(cls.tmp, "release"), CLASSES))
        solved = copy.deepcopy(cls.master)
        for c in solved.cells:
            if fmt.kind(c) == "test":
                c.source = fmt.strip_hidden(fmt.source(c))
        cls.subs = os.path.join(cls.tmp, "submitted")
        cls.out = os.path.join(cls.tmp, "graded")
        os.makedirs(cls.subs)
        cls.listener = socket.socket()
        cls.listener.bind(("127.0.0.1", 0))
        cls.listener.listen(5)
        cls.listener.settimeout(0.2)
        cls.connections = []
        cls.stop = False

        def accept():
            while not cls.stop:
                try:
                    conn, _ = cls.listener.accept()
                    cls.connections.append(conn)
                except OSError:
                    pass

        threading.Thread(target=accept, daemon=True).start()
        paths = {"source": cls.source, "subs": cls.subs, "out": cls.out, "port": cls.listener.getsockname()[1]}
        cls.expected = {}
        crafted = attacks(cls.master, solved, paths)
        # identities: Chinese names, two that reduce to the same id, one in a folder
        crafted["张三.ipynb"] = (cls.master, dict(FULL))
        crafted["张 三.ipynb"] = (released, {q: 0.0 for q in FULL})
        crafted["张_三.ipynb"] = (
            with_answer(released, "q2-answer", fmt.source(cell(solved, "q2-answer"))),
            dict({q: 0.0 for q in FULL}, q2=2.0),
        )
        crafted["李四/06-softmax.ipynb"] = (solved, dict(FULL))
        crafted.update(generated(cls.master, released, solved, 50 - len(crafted)))
        for fname, (nb, want) in crafted.items():
            write(nb, os.path.join(cls.subs, fname))
            cls.expected[fname] = want
        cls.before_source = tree_digest(os.path.dirname(os.path.dirname(cls.source)))
        cls.before_subs = tree_digest(cls.subs)
        cls.before_tmp = set(os.listdir("/tmp"))
        subs, cls.id_problems = cli.find_submissions(cls.subs, NAME)
        t0 = time.monotonic()
        records, _, _ = cli.grade_batch(options(), cls.source, subs, cls.out, quiet=False)
        cls.seconds = time.monotonic() - t0
        cls.by_file = {r["file"]: r for r in records}
        time.sleep(1)
        cls.survivors = sandbox_processes()

    @classmethod
    def tearDownClass(cls):
        cls.stop = True
        cls.listener.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def points(self, fname):
        return {q["id"]: q["points"] for q in self.by_file[fname]["questions"]}

    def q(self, fname, qid):
        return next(q for q in self.by_file[fname]["questions"] if q["id"] == qid)

    def test_every_submission_keeps_its_expected_grade(self):
        self.assertEqual(len(self.by_file), 50)
        for fname, want in self.expected.items():
            with self.subTest(fname):
                self.assertEqual(self.by_file[fname]["status"], "graded", fname)
                self.assertEqual(self.points(fname), want, json.dumps(self.by_file[fname], ensure_ascii=False)[:2500])

    def test_shadowing_declarations_are_rejected_with_a_note(self):
        for fname, qid, name in (
            ("shadow-variable.ipynb", "q2", "org"),
            ("shadow-probe.ipynb", "q4", "Check, GraderProbe"),
        ):
            q = self.q(fname, qid)
            self.assertTrue(q["tampered"], fname)
            self.assertIn(f"declares {name}", " ".join(q["notes"]))

    def test_a_stand_in_for_a_library_class_is_never_asked(self):
        q1 = self.q("shadow-class.ipynb", "q1")
        outcome = {c["name"]: c["outcome"] for c in q1["cases"]}
        self.assertEqual(outcome["shift invariance and one class"], "failed")
        self.assertFalse(q1["tampered"])

    def test_forged_lines_and_the_ending_error_do_not_count(self):
        q3 = self.q("forged-lines.ipynb", "q3")
        self.assertEqual(q3["points"], 0.0)
        self.assertTrue(all(c["outcome"] != "passed" for c in q3["cases"]), q3)

    def test_an_output_filter_gains_nothing(self):
        q1 = self.q("output-filter.ipynb", "q1")
        self.assertEqual((q1["points"], q1["status"]), (0.8, "partial"))
        passed = [c["name"] for c in q1["cases"] if c["outcome"] == "passed"]
        self.assertEqual(passed, ["leaves z unchanged", "very negative scores"])

    def test_a_stray_partial_line_does_not_zero_a_correct_submission(self):
        self.assertEqual(self.by_file["partial-lines.ipynb"]["score"], 8.0)

    def test_heap_is_capped(self):
        q4 = self.q("heap.ipynb", "q4")
        self.assertIn("OutOfMemoryError", json.dumps(q4))

    def test_no_hidden_text_in_any_output_file(self):
        secret = set(fmt.secret_lines(self.master))
        hints = set()
        for c in self.master.cells:
            if fmt.kind(c) == "test":
                hidden = fmt.source(c).split("// BEGIN HIDDEN TESTS")[-1].split("// END HIDDEN TESTS")[0]
                hints |= {h for h in re.findall(r'"([^"]{20,})"', hidden)}
        # hidden hints and case names are feedback by design; the code and its literals are not
        code = {s for s in secret if not s.startswith('"')}
        forms = set()
        for s in code:
            forms |= {
                s,
                json.dumps(s, ensure_ascii=False)[1:-1],
                json.dumps(s)[1:-1],
                s[::-1],
                base64.b64encode(s.encode()).decode()[:40],
                s.encode().hex()[:40],
            }
        literals = {"2.3025850929940455", "0.4170300162778335", 'shift invariance and one class") ->'}
        files = glob.glob(os.path.join(self.out, "**", "*"), recursive=True)
        self.assertGreater(len(files), 150)
        for path in files:
            if os.path.isdir(path) or path.endswith(grading.KEY_FILE):
                continue
            with open(path, encoding="utf-8") as f:
                content = f.read()
            for s in forms | literals:
                self.assertNotIn(s, content, path)
        self.assertTrue(hints)  # (the hints of hidden tests may appear: they are written for students)

    def test_nothing_outside_the_output_changed_and_nothing_reached_the_network(self):
        self.assertEqual(tree_digest(os.path.dirname(os.path.dirname(self.source))), self.before_source)
        self.assertEqual(tree_digest(self.subs), self.before_subs)
        self.assertFalse(os.path.exists("/tmp/planted-by-student"))
        self.assertFalse(os.path.exists(os.path.join(CLASSES, "planted")))  # the course classes are read-only
        self.assertFalse(os.path.exists(os.path.join(self.out, "students", "intruder")))
        self.assertEqual(self.connections, [])
        with open(os.path.join(self.out, "grades.csv"), encoding="utf-8") as f:
            self.assertNotIn("intruder", f.read())

    def test_a_fork_bomb_is_stopped_by_the_process_limit(self):
        self.assertEqual(self.q("fork-bomb.ipynb", "q4")["status"], "passed")

    def test_no_process_survives(self):
        self.assertEqual(self.survivors, [])
        self.assertEqual(sum(r.get("survivors", 0) for r in self.by_file.values()), 0)
        time.sleep(0.5)
        self.assertEqual(sandbox_processes(), [])

    def test_chinese_names_keep_every_grade_and_collisions_get_stable_suffixes(self):
        ids = {f: r["student"] for f, r in self.by_file.items()}
        self.assertEqual(ids["张三.ipynb"], "张三")
        self.assertEqual(ids["李四/06-softmax.ipynb"], "李四")
        a, b = ids["张 三.ipynb"], ids["张_三.ipynb"]
        self.assertNotEqual(a, b)
        self.assertTrue(a.startswith("张_三~") and b.startswith("张_三~"))
        self.assertEqual(len(set(ids.values())), 50)
        again, _ = cli.find_submissions(self.subs, NAME)
        self.assertEqual({o: s for s, _, o in again}, ids)
        with open(os.path.join(self.out, "grades.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 50 * 4)
        self.assertEqual({r["file"] for r in rows}, set(self.expected))
        self.assertEqual(sum(float(r["points"]) for r in rows if r["file"] == "张_三.ipynb"), 2.0)

    def test_rerun_checks_signatures_and_regrades_a_forged_record(self):
        sid = self.by_file["张 三.ipynb"]["student"]
        path = os.path.join(self.out, "students", sid, "record.json")
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
        rec["score"] = 8
        for q in rec["questions"]:
            q["points"] = q["max"]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(rec, f, ensure_ascii=False)
        subs, _ = cli.find_submissions(self.subs, NAME)
        records, skipped, _ = cli.grade_batch(options(), self.source, subs, self.out, quiet=True)
        self.assertEqual([r["student"] for r in records], [sid])
        self.assertEqual(records[0]["score"], 0)
        self.assertEqual(len(skipped), 49)
        with open(os.path.join(self.out, "totals.csv"), encoding="utf-8") as f:
            totals = {r["student"]: r for r in csv.DictReader(f)}
        self.assertEqual(totals[sid]["points"], "0")
        self.assertEqual(len(totals), 50)


if __name__ == "__main__":
    unittest.main()

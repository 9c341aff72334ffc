"""The authoring format: cell metadata, solution and hidden-test regions, stubs, checksums.

A cell takes part in grading through ``cell.metadata["grade"]``::

    {"id": "q1-answer", "kind": "solution"}                 an answer cell (code)
    {"id": "q1", "kind": "test", "points": 2, "title": ..}  a graded test cell (code)
    {"id": "setup", "kind": "readonly"}                     a cell students must not change

Code between ``// BEGIN SOLUTION`` and ``// END SOLUTION`` (solution cells) becomes a stub that
compiles; code between ``// BEGIN HIDDEN TESTS`` and ``// END HIDDEN TESTS`` (test cells) is
removed from the student version and restored at grading.
"""

import copy
import hashlib
import re

KINDS = ("solution", "test", "readonly")
ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
BEGIN_SOLUTION = re.compile(r"^(\s*)//\s*BEGIN SOLUTION\b(.*)$")
END_SOLUTION = re.compile(r"^\s*//\s*END SOLUTION\b")
BEGIN_HIDDEN = re.compile(r"^(\s*)//\s*BEGIN HIDDEN TESTS\b")
END_HIDDEN = re.compile(r"^\s*//\s*END HIDDEN TESTS\b")
# The first code cell loads the course: the unpacked jar (a folder) through the one classpath magic
# every course kernel accepts (JJava, IJava and rapaio; rapaio's takes folders only).
CLASSPATH_RE = re.compile(r"^%classpath\s+(\S+)\s*$")
# The magic of handouts released before the course moved to %classpath: still a loading cell, not
# student code, when it turns up in a submission.
LEGACY_JARS_RE = re.compile(r"^%jars\s+(\S+)\s*$")
GRADE_CALL = re.compile(r"Question\s*\.\s*grade\s*\(\s*\"([^\"]*)\"\s*,\s*([0-9]+(?:\.[0-9]*)?)")
SELFCHECK_CALL = re.compile(r"SelfCheck\s*\.\s*report\s*\(([^)]*)\)")
STUB = 'throw new UnsupportedOperationException("your code here");'
HIDDEN_NOTE = "// hidden tests run when the notebook is graded"
JAVA_KEYWORDS = {
    "if",
    "for",
    "while",
    "switch",
    "catch",
    "synchronized",
    "return",
    "new",
    "else",
    "throw",
    "case",
    "yield",
    "do",
    "try",
    "assert",
}


class FormatError(Exception):
    """A problem in an assignment source notebook (the author's mistake)."""


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def meta(cell):
    """The cell's grade metadata, or None."""
    g = cell.get("metadata", {}).get("grade")
    return g if isinstance(g, dict) and g.get("id") else None


def kind(cell):
    g = meta(cell)
    return g.get("kind") if g else None


def checksum(text):
    """A checksum of a cell's source that ignores trailing whitespace and line-ending style."""
    norm = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def first_code_cell(nb):
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code":
            return i
    return None


# ---------------------------------------------------------------------------------------------
# Java scanning: blank out comments, strings and char literals so that braces can be counted.


def mask_java(text):
    """``text`` with comments, strings and char literals replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            blank(i, j)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            blank(i, j)
            i = j
        else:
            i += 1
    return "".join(out)


def _method_stubs(lines, indent):
    """Signatures of the methods declared at the region's top level, each with a stub body.

    Returns None when the region declares no method at its top level.
    """
    masked = mask_java("\n".join(lines)).split("\n")
    stubs = []
    depth = 0
    decl_start = None  # line index where the current top-level declaration started
    i = 0
    while i < len(lines):
        m = masked[i]
        if depth == 0 and decl_start is None and m.strip():
            decl_start = i
        for pos, ch in enumerate(m):
            if ch == "{":
                if depth == 0 and decl_start is not None:
                    head = " ".join(x.strip() for x in masked[decl_start:i]) + " " + m[:pos]
                    sig = _method_name(head)
                    if sig:
                        text = lines[decl_start:i] + [lines[i][:pos].rstrip()]
                        text = [t for t in text if t.strip()]
                        stubs.append("\n".join(text) + " {")
                        stubs.append(indent + "    " + STUB)
                        stubs.append(indent + "}")
                    decl_start = None
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    decl_start = None
            elif ch == ";" and depth == 0:
                decl_start = None
        i += 1
    return stubs or None


_METHOD_RE = re.compile(
    r"^(?:@[\w.]+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|protected|private|static|final|abstract|synchronized|native|strictfp|default)\s+)*"
    r"(?:<[^>]+>\s+)?"
    r"([\w$.<>\[\]?, ]+?)\s+([\w$]+)\s*\([^)]*\)\s*(?:throws\s+[\w$., ]+)?$"
)


def _method_name(head):
    m = _METHOD_RE.match(" ".join(head.split()))
    if not m:
        return None
    type_last = m.group(1).split()[-1] if m.group(1).split() else ""
    if m.group(2) in JAVA_KEYWORDS or type_last in JAVA_KEYWORDS:
        return None
    return m.group(2)


def brace_depth_before(lines, index):
    masked = mask_java("\n".join(lines[:index]))
    return masked.count("{") - masked.count("}")


def regions(text, begin, end, what):
    """[(start, stop, match)] of marker regions (line indices of the BEGIN and END lines)."""
    lines = text.split("\n")
    found, open_at = [], None
    for i, line in enumerate(lines):
        if begin.match(line):
            if open_at is not None:
                raise FormatError(f"line {i + 1}: a second BEGIN {what} before END {what}")
            open_at = (i, begin.match(line))
        elif end.match(line):
            if open_at is None:
                raise FormatError(f"line {i + 1}: END {what} without BEGIN {what}")
            found.append((open_at[0], i, open_at[1]))
            open_at = None
    if open_at is not None:
        raise FormatError(f"line {open_at[0] + 1}: BEGIN {what} is never ended")
    return found


def stub_source(text):
    """The student version of a solution cell: every solution region replaced by a stub.

    * ``// BEGIN SOLUTION stub: <code>`` — the region becomes ``<code>``;
    * a region that declares methods keeps their signatures, each body a ``throw`` of
      ``UnsupportedOperationException("your code here")``;
    * a region inside a body (a method's, a lambda's) becomes that ``throw`` statement;
    * a region at the top level becomes a ``// your code here`` comment.
    """
    lines = text.split("\n")
    found = regions(text, BEGIN_SOLUTION, END_SOLUTION, "SOLUTION")
    out, pos = [], 0
    for start, stop, m in found:
        out.extend(lines[pos:start])
        indent, directive = m.group(1), m.group(2).strip()
        body = lines[start + 1 : stop]
        if directive.startswith("stub:"):
            out.append(indent + directive[len("stub:") :].strip())
        else:
            methods = _method_stubs(body, indent)
            if methods:
                out.extend(methods)
            elif brace_depth_before(lines, start) > 0:
                out.append(indent + STUB)
            else:
                out.append(indent + "// your code here")
        pos = stop + 1
    out.extend(lines[pos:])
    return "\n".join(out)


def strip_hidden(text):
    """A test cell without its hidden tests (one comment line in their place)."""
    lines = text.split("\n")
    out, pos = [], 0
    for start, stop, m in regions(text, BEGIN_HIDDEN, END_HIDDEN, "HIDDEN TESTS"):
        out.extend(lines[pos:start])
        out.append(m.group(1) + HIDDEN_NOTE)
        pos = stop + 1
    out.extend(lines[pos:])
    return "\n".join(out)


def secret_lines(nb):
    """Lines that must never reach a student: the inside of solution and hidden-test regions,
    stripped, long enough to be meaningful, and not also present elsewhere in the notebook."""
    secret, public = set(), set()
    for cell in nb.cells:
        text = source(cell)
        lines = text.split("\n")
        inside = set()
        try:
            for b, e, w in ((BEGIN_SOLUTION, END_SOLUTION, "SOLUTION"), (BEGIN_HIDDEN, END_HIDDEN, "HIDDEN TESTS")):
                for start, stop, _ in regions(text, b, e, w):
                    inside.update(range(start + 1, stop))
        except FormatError:
            pass
        for i, line in enumerate(lines):
            s = line.strip()
            if len(s) < 12 or not re.search(r"[A-Za-z0-9]", s):
                continue
            if i in inside and s.endswith("{") and _method_name(mask_java(s)[:-1]):
                continue  # a method's signature is kept in the student version on purpose
            (secret if i in inside else public).add(s)
    return secret - public


def released_source(cell):
    k = kind(cell)
    text = source(cell)
    if k == "solution":
        return stub_source(text)
    if k == "test":
        return strip_hidden(text)
    return text


def classpath_cell(path):
    """The loading cell's source for the course classes at ``path`` (a folder)."""
    return "%classpath " + path


def is_loading_cell(text):
    """Whether a code cell's text is only the course's loading magic (current or legacy form)."""
    text = text.strip()
    return bool(CLASSPATH_RE.match(text) or LEGACY_JARS_RE.match(text))


def classpath_problem(text):
    """Why ``text`` is not a valid first code cell of a source notebook, or None."""
    m = CLASSPATH_RE.match(text.strip())
    found = repr(text.strip().splitlines()[0][:80]) if text.strip() else "an empty cell"
    if not m:
        return (
            "the first code cell must be exactly '%classpath <one relative path>' (the folder the "
            "course jar is unpacked into, e.g. %classpath ../../../lib/target/softmax-course), "
            f"not {found}"
        )
    path = m.group(1)
    if path.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:[\\/]", path):
        return f"the first code cell's %classpath path must be relative to the notebook, not {path!r}"
    if path.lower().endswith(".jar"):
        return (
            f"the first code cell's %classpath must name the unpacked folder, not the jar {path!r} "
            "(rapaio's %classpath takes folders only): lib/target/softmax-course"
        )
    return None


def release(master, name, classpath_ref):
    """The student version of a master notebook; its first code cell loads ``classpath_ref``."""
    nb = copy.deepcopy(master)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        g = meta(cell)
        cell.source = released_source(cell)
        if g and g.get("kind") in ("test", "readonly"):
            g["checksum"] = checksum(cell.source)
    j = first_code_cell(nb)
    if j is not None:
        nb.cells[j].source = classpath_cell(classpath_ref)
    nb.metadata["assignment"] = {"name": name, "format": 1}
    return nb


def questions(master):
    """[(test cell index, grade metadata)] in notebook order."""
    return [(i, meta(c)) for i, c in enumerate(master.cells) if kind(c) == "test"]


def answer_question(master):
    """{solution id: question id}: an answer cell belongs to the first test cell after it."""
    out, pending = {}, []
    for c in master.cells:
        k = kind(c)
        if k == "solution":
            pending.append(meta(c)["id"])
        elif k == "test":
            for a in pending:
                out[a] = meta(c)["id"]
            pending = []
    for a in pending:
        out[a] = None
    return out


def lint(master):
    """Static problems of a source notebook, as a list of messages (empty when fine)."""
    problems = []
    ks = master.metadata.get("kernelspec", {})
    if ks.get("name") != "java":
        problems.append(f"kernelspec name is {ks.get('name')!r}, not 'java'")
    j = first_code_cell(master)
    if j is None:
        problems.append("no code cell")
        return problems
    why = classpath_problem(source(master.cells[j]))
    if why:
        problems.append(why)
    seen = {}
    tests = []
    for i, cell in enumerate(master.cells):
        where = f"cell {i}"
        text = source(cell)
        if cell.cell_type == "code":
            if cell.get("outputs"):
                problems.append(f"{where} has outputs (store notebooks without outputs)")
            if cell.get("execution_count") is not None:
                problems.append(f"{where} has an execution count")
            if re.search(r"^\s*%maven", text, re.M):
                problems.append(f"{where} uses %maven (grading runs offline)")
        g = cell.get("metadata", {}).get("grade")
        k = None
        if g is not None:
            if not isinstance(g, dict) or not ID_RE.match(str(g.get("id", ""))):
                problems.append(f"{where}: grade metadata needs an id of letters, digits, '_', '.', '-'")
                continue
            gid, k = g["id"], g.get("kind")
            where = f"cell {i} ({gid})"
            if gid in seen:
                problems.append(f"{where}: id {gid!r} is also used by cell {seen[gid]}")
            seen[gid] = i
            if k not in KINDS:
                problems.append(f"{where}: kind {k!r} is not one of {', '.join(KINDS)}")
            if k in ("solution", "test") and cell.cell_type != "code":
                problems.append(f"{where}: a {k} cell must be a code cell")
            if k == "test":
                pts = g.get("points")
                if not isinstance(pts, (int, float)) or isinstance(pts, bool) or pts <= 0:
                    problems.append(f"{where}: a test cell needs positive 'points'")
                calls = GRADE_CALL.findall(text)
                if len(calls) != 1:
                    problems.append(
                        f'{where}: a test cell must call Question.grade("{gid}", <points>, ...) exactly once'
                    )
                elif calls[0][0] != gid or (isinstance(pts, (int, float)) and float(calls[0][1]) != float(pts)):
                    problems.append(
                        f'{where}: Question.grade("{calls[0][0]}", {calls[0][1]}, ...) does not match '
                        f"the metadata (id {gid!r}, points {pts})"
                    )
                tests.append(gid)
            elif "points" in g:
                problems.append(f"{where}: only test cells carry points")
        has_sol = BEGIN_SOLUTION.search(text) or re.search(r"^\s*//\s*(BEGIN|END) SOLUTION", text, re.M)
        has_hid = re.search(r"^\s*//\s*(BEGIN|END) HIDDEN TESTS", text, re.M)
        if has_sol and k != "solution":
            problems.append(f"{where}: SOLUTION markers outside a solution cell would be released as they are")
        if has_hid and k != "test":
            problems.append(f"{where}: HIDDEN TESTS markers outside a test cell would be released as they are")
        if cell.cell_type == "code" and k != "test" and GRADE_CALL.search(text):
            problems.append(f"{where}: Question.grade(...) outside a test cell would not be graded")
        try:
            if k == "solution":
                regions(text, BEGIN_SOLUTION, END_SOLUTION, "SOLUTION")
            if k == "test":
                regions(text, BEGIN_HIDDEN, END_HIDDEN, "HIDDEN TESTS")
        except FormatError as e:
            problems.append(f"{where}: {e}")
    if not tests:
        problems.append("no test cell (kind 'test')")
    for i, cell in enumerate(master.cells):
        m = SELFCHECK_CALL.search(source(cell)) if cell.cell_type == "code" else None
        if m:
            ids = re.findall(r"\"([^\"]*)\"", m.group(1))
            if ids != tests:
                problems.append(f"cell {i}: SelfCheck.report lists {ids}, but the test cells are {tests}")
    return problems

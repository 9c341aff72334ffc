#!/usr/bin/env python3
"""Execute the course notebooks on the installed Jupyter kernel and check them.

Usage (from the notebooks/ folder; Maven runs it at `integration-test`):

    python3 tools/run_notebooks.py [--out DIR] [--kernel java] [NOTEBOOK ...]
    python3 tools/run_notebooks.py --check-only        # static checks, no kernel
    python3 tools/run_notebooks.py --self-test         # unit tests of this file

Before a notebook runs, its stored source must be portable: no outputs and no
execution counts, kernelspec `java`, a first code cell that is exactly one
`%classpath <relative/path/to/a/folder>` line (the one class-path magic JJava, IJava and
rapaio all accept without a warning; rapaio's takes only a folder, JJava warns on `%jars`),
no bare `display(...)` call, no
`%maven` or `%%loadFromPOM`, and at least one expected value declared in a code
cell's metadata:

    "metadata": {"expect": ["0.5"], "expect_mime": ["image/png"]}

Every string in `expect` must occur in that cell's outputs (stdout, or the
text/plain, text/html, text/markdown or text/latex data of a result); every
type in `expect_mime` must be among its outputs' MIME types. A notebook fails
on any `error` output and on anything written to stderr.

Kernels are started by kernelstart.py (the course's one kernel starter): a kernel that does
not answer within --startup-timeout seconds of its start is replaced by a new one, up to
--start-retries times; each retry is printed as
`RETRY: <notebook>: kernel start failed (<reason>); ...` and counted.

Writes OUT/<name>.ipynb (executed), OUT/<name>.html, OUT/timings.csv,
OUT/summary.json, OUT/index.html and the kernel's own log, OUT/logs/<name>.kernel.log. Exits 1 on any failure.

OUT/index.html is the book's contents page: the notebooks in course order (their NN-
numbers), each with its title (the first `# ` heading) and a one-line summary (the
notebook metadata's "summary" when set, else the first sentence of the paragraph after
the heading), linking its HTML. The HTML pages embed images and set formulas with
MathJax 2, loaded from nbconvert's CDN URL unless --mathjax-url says otherwise
(`--mathjax-url local`: Debian's libjs-mathjax, for reading offline on this machine).

Only the standard library is needed for the checks and --self-test; executing
needs nbformat, nbclient and nbconvert (Debian: python3-nbclient,
jupyter-nbconvert).
"""

import argparse
import csv
import html
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex")
SOURCE_LINES_SHOWN = 3
CLASSPATH_USAGE = "%classpath <relative path to one folder>"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CLASSPATH_LINE = re.compile(r"%classpath[ \t]+(\S+)")
_GLOB_CHARS = set("*?[]{}")
# A bare call of a kernel's global display function; `Notebook.display(` etc. is fine.
_BARE_DISPLAY = re.compile(r"(?<![\w.$])display\s*\(")
_MAVEN_MAGIC = re.compile(r"^\s*%%?maven", re.MULTILINE)
_POM_MAGIC = re.compile(r"^\s*%%?loadFromPOM", re.MULTILINE)


# ---------------------------------------------------------------- pure logic


@dataclass
class NotebookResult:
    """One notebook's run, as written to summary.json."""

    notebook: str
    passed: bool = False
    seconds: float = 0.0
    kernel_start_seconds: float | None = None
    retries: int = 0
    expected_checked: int = 0
    failures: list[str] = field(default_factory=list)
    title: str = ""
    summary: str = ""


def strip_ansi(text):
    return _ANSI.sub("", text)


def source_of(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def text_of(value):
    return "".join(value) if isinstance(value, list) else str(value)


def source_head(cell, lines=SOURCE_LINES_SHOWN):
    src = source_of(cell).strip("\n").splitlines()
    head = src[:lines]
    if len(src) > lines:
        head.append("...")
    return head


def code_cells(nb):
    return [(i, c) for i, c in enumerate(nb.get("cells", [])) if c.get("cell_type") == "code"]


def parse_classpath_line(source):
    """Returns (folder, None) for exactly one `%classpath <relative folder>` line, else (None, why)."""
    lines = [line.strip() for line in source.strip().splitlines()]
    if len(lines) != 1:
        return None, f"must be exactly one line `{CLASSPATH_USAGE}`, found {len(lines)} lines"
    m = _CLASSPATH_LINE.fullmatch(lines[0])
    if not m:
        return None, f"must be exactly `{CLASSPATH_USAGE}`, found `{lines[0]}`"
    path = m.group(1)
    if _GLOB_CHARS & set(path):
        return None, f"`{path}`: no globs; name exactly one folder (a glob fails on rapaio)"
    if any(sep in path for sep in (":", ";", ",")):
        return None, f"`{path}`: exactly one folder, not a path list"
    if path.startswith(("/", "~", "\\")) or re.match(r"[A-Za-z]:", path):
        return None, f"`{path}`: the path must be relative to the notebook's folder"
    if path.endswith(".jar"):
        return None, f"`{path}`: must name a folder, not a .jar (rapaio's %classpath takes only a folder)"
    return path.rstrip("/"), None


def _string_list(value):
    return isinstance(value, list) and all(isinstance(s, str) and s for s in value)


def check_source(nb):
    """Portability checks of a stored notebook. Returns [(cell index or None, message)]."""
    problems = []
    kernelspec = nb.get("metadata", {}).get("kernelspec") or {}
    if kernelspec.get("name") != "java":
        problems.append((None, "kernelspec name is {!r}, expected 'java'".format(kernelspec.get("name"))))

    cells = code_cells(nb)
    if not cells:
        problems.append((None, f"has no code cell; the first must be `{CLASSPATH_USAGE}`"))
        return problems

    stored = [i for i, c in cells if c.get("outputs") or c.get("execution_count") is not None]
    for i in stored:
        problems.append(
            (
                i,
                "stored with outputs or an execution count; clear them "
                "(jupyter nbconvert --clear-output --inplace NOTEBOOK)",
            )
        )

    first_index, first = cells[0]
    _, why = parse_classpath_line(source_of(first))
    if why:
        problems.append((first_index, "first code cell " + why))

    expects = 0
    for i, cell in cells:
        src = source_of(cell)
        if _BARE_DISPLAY.search(src):
            problems.append(
                (
                    i,
                    "calls the kernel's display(...) directly; use the library's "
                    "notebook helpers, which work on every Java kernel",
                )
            )
        if _MAVEN_MAGIC.search(src):
            problems.append((i, "uses %maven; notebooks load only the course classes with %classpath"))
        if _POM_MAGIC.search(src):
            problems.append((i, "uses %%loadFromPOM; notebooks load only the course classes with %classpath"))
        meta = cell.get("metadata", {})
        if "expect" in meta:
            if _string_list(meta["expect"]):
                expects += len(meta["expect"])
            else:
                problems.append((i, "metadata 'expect' must be a list of non-empty strings"))
        if "expect_mime" in meta and not _string_list(meta["expect_mime"]):
            problems.append((i, "metadata 'expect_mime' must be a list of MIME types"))
    if expects == 0:
        problems.append((None, 'declares no expected value: add "expect": ["..."] to the metadata of a code cell'))
    return problems


def output_texts(cell):
    """The texts an expected value is looked for in: stdout, and text data of results."""
    texts = []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream" and out.get("name") == "stdout":
            texts.append(text_of(out.get("text", "")))
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            for mime in TEXT_MIMES:
                if mime in data:
                    texts.append(text_of(data[mime]))
    return texts


def output_mimes(cell):
    mimes = set()
    for out in cell.get("outputs", []):
        if out.get("output_type") in ("execute_result", "display_data"):
            mimes.update(out.get("data", {}).keys())
    return mimes


def _shorten(text, limit=160):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def check_outputs(nb):
    """Checks an executed notebook. Returns ([(cell index, message)], expected values checked)."""
    problems = []
    checked = 0
    for i, cell in code_cells(nb):
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                trace = [strip_ansi(line) for line in out.get("traceback", [])]
                detail = "\n".join(("\n".join(trace)).splitlines()[:8])
                problems.append(
                    (
                        i,
                        "error output: {}: {}{}".format(
                            out.get("ename", "?"),
                            strip_ansi(str(out.get("evalue", ""))),
                            ("\n" + detail) if detail else "",
                        ),
                    )
                )
            elif kind == "stream" and out.get("name") == "stderr":
                text = strip_ansi(text_of(out.get("text", ""))).rstrip()
                problems.append((i, "wrote to stderr:\n" + "\n".join(text.splitlines()[:10])))
        meta = cell.get("metadata", {})
        texts = output_texts(cell)
        unescaped = [html.unescape(t) for t in texts]
        for expected in meta.get("expect", []) if _string_list(meta.get("expect")) else []:
            checked += 1
            if not any(expected in t for t in texts + unescaped):
                seen = _shorten(" | ".join(texts)) if texts else "no text output"
                problems.append((i, f"expected {expected!r} in the outputs; they were: {seen}"))
        mimes = output_mimes(cell)
        for mime in meta.get("expect_mime", []) if _string_list(meta.get("expect_mime")) else []:
            checked += 1
            if mime not in mimes:
                problems.append(
                    (i, "expected an output of type {}; got {}".format(mime, ", ".join(sorted(mimes)) or "none"))
                )
    return problems, checked


def any_cell_started(nb):
    return any(c.get("outputs") or c.get("execution_count") is not None for _, c in code_cells(nb))


def format_problem(name, nb, index, message):
    where = f"{name} cell {index + 1}" if index is not None else name
    lines = [f"FAIL {where}: {message.splitlines()[0] if message else ''}"]
    lines += ["     " + line for line in message.splitlines()[1:]]
    if index is not None:
        lines += ["     source:"] + ["       " + line for line in source_head(nb["cells"][index])]
    return "\n".join(lines)


def discover(directory):
    return sorted(Path(directory).glob(NOTEBOOK_GLOB))


# ---------------------------------------------------------------- execution


def execute(path, kernel, timeout, startup_timeout, log, kernel_log, start_retries=1):
    """Runs one notebook on a kernel started by kernelstart (start_retries more tries when it wedges).

    The kernel process's own stdout/stderr (its logging) goes to the file kernel_log.
    Returns (executed nb, retries, kernel start seconds or None, fatal message or None).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    from kernelstart import KernelStartError, shutdown, start_kernel

    nb = nbformat.read(str(path), as_version=4)
    with open(kernel_log, "ab") as sink:
        try:
            km, kc, report = start_kernel(
                kernel,
                cwd=path.parent,
                timeout=startup_timeout,
                retries=start_retries,
                label=path.name,
                log=log,
                output=sink,
                client_class="jupyter_client.asynchronous.AsyncKernelClient",
            )
        except KernelStartError as e:
            return nb, len(e.failures) - 1, None, _shorten(strip_ansi(str(e)), 300)
        # The readiness probe's blocking client is done; nbclient talks through its own async one.
        kc.stop_channels()
        client = NotebookClient(
            nb,
            km=km,
            kernel_name=kernel,
            timeout=timeout,
            startup_timeout=startup_timeout,
            allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
            return nb, report.retries, report.seconds, None
        except (RuntimeError, TimeoutError, DeadKernelError) as e:
            return nb, report.retries, report.seconds, _shorten(strip_ansi(f"{type(e).__name__}: {e}"), 200)
        except Exception as e:  # a broken notebook file, a cell time-out, ...
            return nb, report.retries, report.seconds, _shorten(f"{type(e).__name__}: {e}", 300)
        finally:
            shutdown(km)


MATHJAX_LOCAL = "file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def plain_text(markdown):
    """Markdown of one paragraph as one line of plain text (links, emphasis and code marks removed)."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_MARKUP.sub("", text)
    return " ".join(text.split())


def title_and_summary(nb, fallback):
    """The book's entry for a notebook: (title, one-line summary).

    Title: the first `# ` heading of the first markdown cell (else `fallback`).
    Summary: the notebook metadata's `summary` string when set; otherwise the first sentence
    of the first paragraph after that heading, as plain text.
    """
    title, summary = fallback, ""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        lines = source_of(cell).strip().splitlines()
        if lines and re.match(r"#\s", lines[0]):
            title = plain_text(lines[0].lstrip("#"))
            lines = lines[1:]
        paragraph = []
        for line in lines:
            if not line.strip():
                if paragraph:
                    break
                continue
            if line.lstrip().startswith(("#", "|", "```", ">", "- ", "* ", "<")):
                if paragraph:
                    break
                continue
            paragraph.append(line.strip())
        if paragraph:
            summary = _SENTENCE_END.split(plain_text(" ".join(paragraph)), 1)[0]
        break
    meta = nb.get("metadata", {}).get("summary")
    if isinstance(meta, str) and meta.strip():
        summary = " ".join(meta.split())
    return title, summary


def write_html(nb, target, mathjax_url=None):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    if hasattr(exporter, "embed_images"):
        exporter.embed_images = True
    if mathjax_url:
        exporter.mathjax_url = mathjax_url
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": target.stem}})
    target.write_text(body, encoding="utf-8")


BOOK_TITLE = "Sigmoid, softmax and cross-entropy in Java"
BOOK_STYLE = """body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}
ol{padding-left:1.4em}li{margin:0 0 1em}.summary{margin:.2em 0}.meta{color:#666;font-size:.9em}
.failed{color:#b00;font-weight:bold}"""


def write_index(out, results):
    """OUT/index.html: the book's contents, in course order (the notebooks' NN- numbers)."""
    rows = []
    for r in sorted(results, key=lambda r: r.notebook):
        stem = html.escape(Path(r.notebook).stem)
        title = html.escape(r.title or stem)
        summary = html.escape(r.summary or "")
        status = "passed" if r.passed else '<span class="failed">FAILED</span>'
        shot = f"screenshots/{Path(r.notebook).stem}.png"
        extra = f' · <a href="{shot}">browser screenshot</a>' if (out / shot).is_file() else ""
        rows.append(
            f'<li><a href="{stem}.html"><strong>{title}</strong></a>\n<p class="summary">{summary}</p>\n'
            f'<p class="meta">{html.escape(r.notebook)} · <a href="{stem}.ipynb">executed notebook</a> · '
            f"{status} in {r.seconds:.1f} s{extra}</p></li>"
        )
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{}</title>\n<style>{}</style></head>\n<body>\n<h1>{}</h1>\n"
        "<p>The course notebooks, executed, in course order. Each page is one notebook with its "
        "outputs: plots are embedded images, formulas are set by MathJax.</p>\n"
        "<ol>\n{}\n</ol>\n</body></html>\n".format(BOOK_TITLE, BOOK_STYLE, BOOK_TITLE, "\n".join(rows))
    )
    (out / "index.html").write_text(page, encoding="utf-8")


def run(args):
    out = Path(args.out).resolve()
    paths = [Path(p).resolve() for p in args.notebooks] or discover(NOTEBOOKS_DIR)
    if not paths:
        print(f"FAIL no notebooks found: expected {NOTEBOOKS_DIR}/{NOTEBOOK_GLOB}")
        print("notebooks: 0 run, 0 passed, 0 failed, 0 kernel-start retries, 0 expected values checked")
        return 1

    import nbformat

    out.mkdir(parents=True, exist_ok=True)
    results = []
    total_began = time.monotonic()
    for path in paths:
        name = path.name
        began = time.monotonic()
        result = NotebookResult(name)
        results.append(result)
        try:
            source = nbformat.read(str(path), as_version=4)
        except Exception as e:
            result.failures.append(f"FAIL {name}: cannot read: {e}")
            print(result.failures[-1], flush=True)
            continue
        result.title, result.summary = title_and_summary(source, path.stem)
        problems = [format_problem(name, source, i, m) for i, m in check_source(source)]
        if not problems and not args.check_only:
            folder, _ = parse_classpath_line(source_of(code_cells(source)[0][1]))
            if not (path.parent / folder).is_dir():
                problems.append(
                    f"FAIL {name}: the folder {path.parent / folder} does not exist; "
                    "build it first (mvn -pl lib package -DskipTests)"
                )
        if problems or args.check_only:
            result.failures = problems
            result.passed = not problems
            for p in problems:
                print(p, flush=True)
            print("{}: {} (static checks)".format(name, "ok" if not problems else "FAILED"), flush=True)
            continue

        print(f"{name}: executing on kernel '{args.kernel}' ...", flush=True)
        kernel_log = out / "logs" / (path.stem + ".kernel.log")
        kernel_log.parent.mkdir(exist_ok=True)
        kernel_log.write_bytes(b"")
        nb, retries, kernel_seconds, fatal = execute(
            path,
            args.kernel,
            args.timeout,
            args.startup_timeout,
            lambda s: print(s, flush=True),
            kernel_log,
            args.start_retries,
        )
        result.retries = retries
        result.kernel_start_seconds = None if kernel_seconds is None else round(kernel_seconds, 2)
        # A kernel that never started leaves every cell empty: its missing values are no news.
        checked_problems, checked = check_outputs(nb) if any_cell_started(nb) else ([], 0)
        result.expected_checked = checked
        problems = [format_problem(name, nb, i, m) for i, m in checked_problems]
        if fatal:
            tail = kernel_log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            problems.insert(
                0,
                "FAIL {}: execution stopped: {}\n     last lines of the kernel's log {}:\n{}".format(
                    name, fatal, kernel_log, "\n".join("     > " + line for line in tail) or "     > (empty)"
                ),
            )
        try:
            nbformat.write(nb, str(out / name))
            write_html(nb, out / (path.stem + ".html"), args.mathjax_url)
        except Exception as e:
            problems.append(f"FAIL {name}: cannot write the executed notebook or its HTML: {e}")
        result.seconds = round(time.monotonic() - began, 2)
        result.failures = problems
        result.passed = not problems
        for p in problems:
            print(p, flush=True)
        start = "n/a" if kernel_seconds is None else f"{kernel_seconds:.2f} s"
        after = f", after {retries} kernel-start retr{'y' if retries == 1 else 'ies'}" if retries else ""
        status = "passed" if not problems else "FAILED"
        print(
            f"{name}: {status} in {result.seconds:.2f} s (kernel start {start}, {checked} expected values checked"
            f"{after})",
            flush=True,
        )

    summary = {
        "notebooks_run": len(results),
        "passed": sum(r.passed for r in results),
        "failed": sum(not r.passed for r in results),
        "retries": sum(r.retries for r in results),
        "expected_checked": sum(r.expected_checked for r in results),
        "seconds": round(time.monotonic() - total_began, 2),
        "check_only": bool(args.check_only),
        "notebooks": [asdict(r) for r in results],
    }
    with open(out / "timings.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["notebook", "seconds"])
        for r in results:
            writer.writerow([r.notebook, f"{r.seconds:.2f}"])
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    write_index(out, results)
    print(
        f"notebooks: {summary['notebooks_run']} run, {summary['passed']} passed, {summary['failed']} failed, "
        f"{summary['retries']} kernel-start retries, {summary['expected_checked']} expected values checked",
        flush=True,
    )
    return 0 if summary["failed"] == 0 else 1


def self_test(report):
    import unittest

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    suite = unittest.defaultTestLoader.loadTestsFromNames(["test_run_notebooks", "test_kernelstart"])
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    counts = {
        "tests": result.testsRun,
        "failures": len(result.failures),
        "errors": len(result.errors),
        "skipped": len(result.skipped),
    }
    if report:
        Path(report).parent.mkdir(parents=True, exist_ok=True)
        Path(report).write_text(json.dumps(counts) + "\n", encoding="utf-8")
    return 0 if result.wasSuccessful() else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help=f"default: {NOTEBOOK_GLOB} in {NOTEBOOKS_DIR}")
    parser.add_argument("--out", default=str(NOTEBOOKS_DIR / "target" / "book"))
    parser.add_argument("--kernel", default="java", help="kernelspec name (default: java)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell (default: 300)")
    parser.add_argument(
        "--startup-timeout",
        type=int,
        default=60,
        help="seconds for a kernel to answer after its start (default: 60; healthy "
        "starts take 1.5-3.5 s, a hung one never answers)",
    )
    parser.add_argument(
        "--start-retries", type=int, default=2, help="new kernels to try when one fails to start (default: 2)"
    )
    parser.add_argument(
        "--mathjax-url",
        default=None,
        help="MathJax 2 script the HTML pages load (default: nbconvert's CDN URL); "
        f"'local' means Debian's libjs-mathjax, {MATHJAX_LOCAL}",
    )
    parser.add_argument("--check-only", action="store_true", help="only the static checks; no kernel")
    parser.add_argument("--self-test", action="store_true", help="run this tool's unit tests")
    parser.add_argument("--report", help="with --self-test: write the test counts to this JSON file")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test(args.report)
    if args.mathjax_url == "local":
        args.mathjax_url = MATHJAX_LOCAL
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

"""The Chinese edition of the course, built from the English notebooks and kept in sync with them.

The English notebook `notebooks/NN-name.ipynb` is the source. Its translation is one Markdown file,
`notebooks/zh/translations/NN-name.md`: for every Markdown cell of the English notebook, a header

    <!-- translates c03 sha256:1a2b3c4d5e6f -->

followed by the Chinese text of that cell. The header names the English cell's id and the first
12 hex digits of the SHA-256 of its source at the time it was translated. This tool builds
`notebooks/zh/NN-name.ipynb` from the two: the English code cells, copied (the two set-up cells
adapted: one more `../` in the class path, and `Notebook.language("zh");` at the end of the
imports cell), and the Chinese Markdown cells, each with `translation: {of, sha256}` in its
metadata. The built notebooks are committed, so a student opens them right after cloning.

Usage (from the repository root or anywhere):

    python3 notebooks/tools/translations.py status            # a line per notebook
    python3 notebooks/tools/translations.py worksheet 03      # start a translation file
    python3 notebooks/tools/translations.py stamp 03 [--cell c05 ...]
    python3 notebooks/tools/translations.py build [03 ...]    # write notebooks/zh/*.ipynb
    python3 notebooks/tools/translations.py check             # exit 1 on anything out of sync

`check` fails when an English Markdown cell has no translation (missing), was edited after it
was translated (stale: the hash differs), when a translation names a cell that no longer exists
(orphan) or is still the English text (untranslated), and when a Chinese notebook is not exactly
what `build` makes of the English one (a code cell differs, a cell was edited by hand, or the
build was not rerun).

`stamp` writes the current hash into headers that have none; with `--cell ID` it re-stamps those
cells: run it after you have brought their Chinese up to date with the English, never instead.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1]
LANGUAGE = "zh"
HEADER = re.compile(r"^<!-- translates (?P<id>[A-Za-z0-9_-]+)(?: sha256:(?P<sha>[0-9a-f]{12}))? -->\s*$")
CLASSPATH = re.compile(r"^(%classpath\s+)(\S+)\s*$")
SETUP_MARKER = "import org.softmaxcourse.notebook.Notebook;"
LANGUAGE_LINE = f'Notebook.language("{LANGUAGE}");'


def source(cell: dict) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def as_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@dataclass
class Entry:
    cell_id: str
    sha: str | None
    text: str
    line: int  # of the header, 1-based


@dataclass
class Edition:
    """Where the two editions of the course live; tests point it at a temporary folder."""

    root: Path = NOTEBOOKS_DIR

    @property
    def zh_dir(self) -> Path:
        return self.root / LANGUAGE

    @property
    def translations_dir(self) -> Path:
        return self.zh_dir / "translations"

    def english(self) -> list[Path]:
        return sorted(p for p in self.root.glob("[0-9][0-9]-*.ipynb"))

    def find(self, which: str) -> Path:
        hits = [p for p in self.english() if p.stem == which or p.name[:2] == which or p.name == which]
        if len(hits) != 1:
            names = ", ".join(p.stem for p in self.english())
            raise SystemExit(f"notebook {which!r}: expected one of the NN numbers or names: {names}")
        return hits[0]

    def translation_of(self, english: Path) -> Path:
        return self.translations_dir / (english.stem + ".md")

    def chinese_of(self, english: Path) -> Path:
        return self.zh_dir / english.name


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def dump(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def parse(path: Path) -> list[Entry]:
    """The entries of a translation file, in file order; text before the first header is a preamble."""
    entries: list[Entry] = []
    current: Entry | None = None
    body: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = HEADER.match(line)
        if m:
            if current:
                current.text = "\n".join(body).strip("\n")
                entries.append(current)
            current, body = Entry(m["id"], m["sha"], "", n), []
        elif current:
            body.append(line.rstrip())
    if current:
        current.text = "\n".join(body).strip("\n")
        entries.append(current)
    return entries


def write_entries(path: Path, preamble: str, entries: list[Entry]) -> None:
    parts = [preamble.rstrip("\n") + "\n\n"] if preamble.strip() else []
    for e in entries:
        sha = f" sha256:{e.sha}" if e.sha else ""
        parts.append(f"<!-- translates {e.cell_id}{sha} -->\n{e.text}\n\n")
    path.write_text("".join(parts).rstrip("\n") + "\n", encoding="utf-8")


def preamble_of(path: Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if HEADER.match(line):
            break
        lines.append(line)
    return "\n".join(lines)


def untranslated(english: str, chinese: str) -> bool:
    """A translation that is still the English prose (some ASCII words, no Chinese character)."""
    prose = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`", "", english, flags=re.S)
    return chinese.strip() == english.strip() and re.search(r"[A-Za-z]{3,}", prose) is not None


def adapt_setup(cells: list[dict]) -> None:
    """The two set-up cells of the Chinese edition: one folder deeper, and the language chosen."""
    code = [c for c in cells if c["cell_type"] == "code"]
    if not code:
        raise ValueError("no code cell: expected the %classpath cell first")
    m = CLASSPATH.match(source(code[0]).strip())
    if not m or m[2].startswith("/"):
        raise ValueError(f"first code cell must be '%classpath <relative path>', was {source(code[0])!r}")
    code[0]["source"] = as_lines(f"{m[1]}../{m[2]}")
    setup = [c for c in code if SETUP_MARKER in source(c)]
    if not setup:
        raise ValueError(f"no set-up cell with {SETUP_MARKER!r}: the language is chosen there")
    setup[0]["source"] = as_lines(source(setup[0]).rstrip("\n") + "\n" + LANGUAGE_LINE)


def build_one(edition: Edition, english_path: Path) -> tuple[dict | None, list[str]]:
    """The Chinese notebook and the problems found; the notebook is None when it cannot be built."""
    problems: list[str] = []
    tr_path = edition.translation_of(english_path)
    rel = tr_path.relative_to(edition.root.parent) if edition.root.parent in tr_path.parents else tr_path
    if not tr_path.exists():
        return None, [f"{rel}: missing (start it with `translations.py worksheet {english_path.name[:2]}`)"]
    english = load(english_path)
    entries = parse(tr_path)
    by_id: dict[str, Entry] = {}
    for e in entries:
        if e.cell_id in by_id:
            problems.append(f"{rel}:{e.line}: cell {e.cell_id} is translated twice (also line {by_id[e.cell_id].line})")
        by_id[e.cell_id] = e
    nb = copy.deepcopy(english)
    md_ids = set()
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        cid = cell.get("id")
        md_ids.add(cid)
        text = source(cell)
        e = by_id.get(cid)
        if e is None:
            problems.append(f"{rel}: cell {cid} is missing; its English begins {text[:70]!r}")
            continue
        if e.sha is None:
            problems.append(
                f"{rel}:{e.line}: cell {cid} has no hash (run `translations.py stamp` once it is translated)"
            )
        elif e.sha != digest(text):
            problems.append(
                f"{rel}:{e.line}: cell {cid} is stale: the English changed since it was translated "
                f"(hash {e.sha}, now {digest(text)}); update the Chinese, then `translations.py stamp "
                f"{english_path.name[:2]} --cell {cid}`"
            )
        if not e.text.strip():
            problems.append(f"{rel}:{e.line}: cell {cid} is empty")
        elif untranslated(text, e.text):
            problems.append(f"{rel}:{e.line}: cell {cid} is still the English text")
        cell["source"] = as_lines(e.text)
        cell["metadata"] = {**cell.get("metadata", {}), "translation": {"of": cid, "sha256": digest(text)}}
    for e in entries:
        if e.cell_id not in md_ids:
            problems.append(f"{rel}:{e.line}: cell {e.cell_id} is no Markdown cell of {english_path.name} (orphan)")
    try:
        adapt_setup(nb["cells"])
    except ValueError as err:
        problems.append(f"{english_path.name}: {err}")
        return None, problems
    nb.setdefault("metadata", {})["language"] = LANGUAGE
    return nb, problems


def check(edition: Edition) -> list[str]:
    problems: list[str] = []
    englishes = edition.english()
    if not englishes:
        return [f"no English notebooks in {edition.root}"]
    for english_path in englishes:
        nb, found = build_one(edition, english_path)
        problems += found
        zh_path = edition.chinese_of(english_path)
        if not zh_path.exists():
            problems.append(f"{zh_path.name}: no Chinese notebook in {edition.zh_dir} (run `translations.py build`)")
            continue
        if nb is None:
            continue
        stored = load(zh_path)
        code_en = [source(c) for c in nb["cells"] if c["cell_type"] == "code"]
        code_zh = [source(c) for c in stored.get("cells", []) if c["cell_type"] == "code"]
        if code_en != code_zh:
            diff = next(
                (i for i, (a, b) in enumerate(zip(code_en, code_zh, strict=False)) if a != b),
                min(len(code_en), len(code_zh)),
            )
            problems.append(f"zh/{zh_path.name}: code cell {diff} differs from the English notebook's")
        elif dump(stored) != dump(nb):
            problems.append(
                f"zh/{zh_path.name}: not what `translations.py build` makes of the English and its translation"
            )
    known = {p.stem for p in englishes}
    for extra in sorted(edition.translations_dir.glob("*.md")):
        if extra.stem not in known:
            problems.append(f"{extra.name}: translates no English notebook (orphan)")
    for extra in sorted(edition.zh_dir.glob("*.ipynb")):
        if extra.stem not in known:
            problems.append(f"zh/{extra.name}: has no English notebook (orphan)")
    return problems


def worksheet(edition: Edition, english_path: Path) -> Path:
    """Starts a translation file: every Markdown cell's header (unstamped) and its English text."""
    path = edition.translation_of(english_path)
    if path.exists():
        raise SystemExit(f"{path} exists; edit it (a worksheet never overwrites a translation)")
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [Entry(c["id"], None, source(c), 0) for c in load(english_path)["cells"] if c["cell_type"] == "markdown"]
    preamble = (
        f"<!-- 中文翻译：{english_path.name}。每个标题行对应英文笔记本的一个 Markdown 单元格；"
        "见 notebooks/tools/translations.py。 -->"
    )
    write_entries(path, preamble, entries)
    return path


def stamp(edition: Edition, english_path: Path, cells: list[str]) -> int:
    path = edition.translation_of(english_path)
    entries = parse(path)
    current = {c.get("id"): digest(source(c)) for c in load(english_path)["cells"] if c["cell_type"] == "markdown"}
    unknown = [c for c in cells if c not in current]
    if unknown:
        raise SystemExit(f"--cell {', '.join(unknown)}: no Markdown cell of {english_path.name} has that id")
    changed = 0
    for e in entries:
        if e.cell_id in current and (e.sha is None or e.cell_id in cells) and e.sha != current[e.cell_id]:
            e.sha = current[e.cell_id]
            changed += 1
    write_entries(path, preamble_of(path), entries)
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=NOTEBOOKS_DIR, help="the English notebooks' folder")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("status")
    sub.add_parser("check")
    b = sub.add_parser("build")
    b.add_argument("notebooks", nargs="*")
    w = sub.add_parser("worksheet")
    w.add_argument("notebook")
    s = sub.add_parser("stamp")
    s.add_argument("notebook")
    s.add_argument("--cell", action="append", default=[])
    args = ap.parse_args(argv)
    edition = Edition(args.root.resolve())

    if args.command == "worksheet":
        print(worksheet(edition, edition.find(args.notebook)))
        return 0
    if args.command == "stamp":
        n = stamp(edition, edition.find(args.notebook), args.cell)
        print(f"stamped {n} cell(s)")
        return 0
    if args.command == "build":
        targets = [edition.find(n) for n in args.notebooks] or edition.english()
        failed = 0
        for english_path in targets:
            nb, problems = build_one(edition, english_path)
            for p in problems:
                print("WARN" if nb is not None else "FAIL", p)
            if nb is None:
                failed += 1
                continue
            out = edition.chinese_of(english_path)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(dump(nb), encoding="utf-8")
            print(f"built zh/{out.name}" + (f" ({len(problems)} problem(s) above)" if problems else ""))
        return 1 if failed else 0
    if args.command == "status":
        for english_path in edition.english():
            md = [c for c in load(english_path)["cells"] if c["cell_type"] == "markdown"]
            tr = edition.translation_of(english_path)
            entries = {e.cell_id: e for e in parse(tr)} if tr.exists() else {}
            fresh = sum(1 for c in md if c.get("id") in entries and entries[c["id"]].sha == digest(source(c)))
            print(f"{english_path.stem:45} {fresh:3}/{len(md):<3} Markdown cells translated and current")
        return 0
    problems = check(edition)
    for p in problems:
        print("FAIL", p)
    n = len(edition.english())
    print(f"translations: {n} notebooks, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

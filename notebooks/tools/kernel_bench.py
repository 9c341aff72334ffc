#!/usr/bin/env python3
"""Start-reliability benchmark of the installed Java kernels (a benchmark command, not a test).

Starts each kernelspec N times in a row, through kernelstart.py exactly as the notebook runner
does but with no retry, while LOAD busy-loop processes keep the CPUs loaded (default: one per
core). A start that does not answer kernel_info within --timeout seconds counts as a hang; a
kernel process that exits first counts as died. For a hung JVM, a thread dump (jstack) is saved
before it is killed: that is how a wedged start is diagnosed.

    python3 tools/kernel_bench.py --kernel java=100 --kernel java-rapaio=50 \\
        --out target/kernel-bench/kernel-bench.md

Prints one table row per kernel (starts, hangs, died, median / p90 / max start seconds) and
the machine's load average before and after, and writes the same as Markdown to --out and as
JSON next to it (.json). Exit code 0 unless an argument is wrong or a kernelspec is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernelstart import KernelStartError, shutdown, start_kernel  # noqa: E402

BURN = "while True: pass"


@dataclass
class KernelResult:
    """The starts of one kernelspec."""

    kernel: str
    display_name: str
    starts: int
    seconds: list[float] = field(default_factory=list)
    hangs: int = 0
    died: int = 0
    failures: list[str] = field(default_factory=list)
    thread_dumps: list[str] = field(default_factory=list)

    def quantile(self, q: float) -> float | None:
        """The q-quantile of the healthy start times (nearest rank), None when none started."""
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        rank = max(1, round(q * len(ordered) + 0.5 - 1e-9))
        return ordered[min(rank, len(ordered)) - 1]

    def row(self) -> str:
        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}"

        med = statistics.median(self.seconds) if self.seconds else None
        top = max(self.seconds) if self.seconds else None
        return (
            f"| {self.display_name} (`{self.kernel}`) | {self.starts} | {self.hangs} | {self.died} "
            f"| {fmt(med)} | {fmt(self.quantile(0.9))} | {fmt(top)} |"
        )


HEADER = (
    "| kernel | starts | hangs | died | median start s | p90 start s | max start s |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def parse_kernel(text: str, default_starts: int) -> tuple[str, int]:
    name, _, count = text.partition("=")
    if not name:
        raise argparse.ArgumentTypeError(f"--kernel needs a kernelspec name, got {text!r}")
    try:
        starts = int(count) if count else default_starts
    except ValueError:
        raise argparse.ArgumentTypeError(f"--kernel {text!r}: the start count must be an integer") from None
    if starts < 1:
        raise argparse.ArgumentTypeError(f"--kernel {text!r}: the start count must be >= 1")
    return name, starts


def thread_dump(km, folder: Path, kernel: str, index: int) -> str | None:
    """jstack of the kernel's JVM (argv[0] of its kernelspec is the java binary)."""
    pid = getattr(km.provisioner, "pid", None)
    java = km.kernel_spec.argv[0]
    jstack = Path(java).with_name("jstack")
    if pid is None or not jstack.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kernel}-start{index:03d}.jstack.txt"
    with open(target, "wb") as out:
        subprocess.run([str(jstack), str(pid)], stdout=out, stderr=subprocess.STDOUT, timeout=30, check=False)
    return str(target)


def bench(kernel: str, starts: int, timeout: float, dumps: Path, log) -> KernelResult:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        raise SystemExit(
            f"kernel_bench: no kernelspec '{kernel}' (see `jupyter kernelspec list`; bin/setup installs it)"
        ) from None
    meta = spec.metadata.get("softmax_course", {})
    label = f"{meta.get('kernel', spec.display_name)} {meta.get('version', '')}".strip()
    result = KernelResult(kernel, label, starts)
    cwd = Path(__file__).resolve().parent.parent
    for i in range(1, starts + 1):
        dump: list[str] = []
        try:
            with open(os.devnull, "wb") as sink:
                km, kc, report = start_kernel(
                    kernel,
                    cwd=cwd,
                    timeout=timeout,
                    retries=0,
                    output=sink,
                    on_wedge=lambda km, i=i, dump=dump: dump.append(thread_dump(km, dumps, kernel, i) or ""),
                )
            result.seconds.append(report.seconds)
            shutdown(km, kc)
            outcome = f"{report.seconds:.2f} s"
        except KernelStartError as e:
            reason = e.failures[-1]
            if "died" in reason or "exited" in reason:
                result.died += 1
            else:
                result.hangs += 1
            result.failures.append(f"start {i}: {reason}")
            result.thread_dumps += [d for d in dump if d]
            outcome = "HUNG" if "died" not in reason else "DIED"
        if i % 10 == 0 or outcome in ("HUNG", "DIED"):
            log(f"[bench] {kernel}: start {i}/{starts}: {outcome} (hangs so far: {result.hangs}, died: {result.died})")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--kernel",
        action="append",
        default=[],
        metavar="NAME[=N]",
        help="kernelspec to start, N times (default N: --starts); repeatable",
    )
    parser.add_argument("--starts", type=int, default=100, help="starts per kernel when not given (default 100)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30,
        help="seconds a start may take to answer before it counts as hung (default 30)",
    )
    parser.add_argument(
        "--load",
        type=int,
        default=os.cpu_count() or 2,
        help="busy-loop processes run during the benchmark (default: one per core)",
    )
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parent.parent / "target" / "kernel-bench" / "kernel-bench.md")
    )
    args = parser.parse_args(argv)
    kernels = [parse_kernel(k, args.starts) for k in (args.kernel or ["java"])]
    if args.timeout <= 0:
        parser.error(f"--timeout must be > 0, not {args.timeout}")
    if args.load < 0:
        parser.error(f"--load must be >= 0, not {args.load}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def log(line: str) -> None:
        print(line, flush=True)

    burners = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(args.load)]
    load_before = os.getloadavg()
    began = time.time()
    results = []
    try:
        log(f"[bench] {args.load} busy-loop process(es) started; load average {load_before[0]:.2f}")
        for name, starts in kernels:
            results.append(bench(name, starts, args.timeout, out.parent / "thread-dumps", log))
    finally:
        for b in burners:
            b.terminate()
        for b in burners:
            b.wait(timeout=10)
    load_after = os.getloadavg()
    machine = (
        f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}, Java kernels on "
        f"{shutil.which('java') or 'java'}"
    )
    lines = [
        f"Kernel start reliability, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(began))}, "
        f"{time.time() - began:.0f} s in all",
        "",
        f"Load: {args.load} busy-loop process(es) on {os.cpu_count()} cores during the run; 1-minute load "
        f"average {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end (other users' work included).",
        f"A start that did not answer kernel_info within {args.timeout:g} s counts as a hang. {machine}.",
        "",
        HEADER,
        *[r.row() for r in results],
    ]
    for r in results:
        if r.failures:
            lines += ["", f"{r.kernel}: " + "; ".join(r.failures[:10])]
        if r.thread_dumps:
            lines += [f"{r.kernel}: thread dumps of hung starts: " + ", ".join(r.thread_dumps[:5])]
    text = "\n".join(lines) + "\n"
    print(text)
    out.write_text(text, encoding="utf-8")
    payload = {
        "started": began,
        "load": args.load,
        "loadavg_before": load_before,
        "loadavg_after": load_after,
        "timeout": args.timeout,
        "kernels": [asdict(r) for r in results],
    }
    out.with_suffix(".json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"[bench] written: {out} and {out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

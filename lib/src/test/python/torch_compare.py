#!/usr/bin/python3
"""The library's batch kernels (JMH) and PyTorch (float64) side by side, same shapes, same threads.

Run from the repository root with Debian's python3-torch (PyTorch 1.13):

    /usr/bin/python3 lib/src/test/python/torch_compare.py            # JMH + PyTorch, ~10 minutes
    /usr/bin/python3 lib/src/test/python/torch_compare.py --jmh-json lib/target/jmh-kernels.json
                                                                     # reuse an earlier JMH run

JMH: KernelBenchmark (lib/src/test/java/org/softmaxcourse/bench), run with -prof gc, results in
lib/target/jmh-kernels.json. PyTorch: torch.softmax / log_softmax along rows, F.cross_entropy
and F.binary_cross_entropy_with_logits (reduction mean) forward plus backward (the gradient with
respect to the logits), torch.set_num_threads(threads), 2 warm-up calls and 7 timed calls per
case. Medians in ms; the ± is JMH's 99.9 % half-width for Java and half the min-max range of
the 7 calls for PyTorch. "speed-up" is PyTorch's median over the library's.

The table's head records the machine (processor, cores, load average before and after) and the
JDK, and its foot says whether issue 8's targets hold: cross-entropy forward + backward at least
3x PyTorch on one thread, and at least 1.8x the library's own one-thread figure on two.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
OPS = ["softmax", "logSoftmax", "crossEntropyForwardBackward", "binaryCrossEntropyForwardBackward"]


def run_jmh(out, extra):
    subprocess.run(["mvn", "-B", "-q", "-pl", "lib", "test-compile"], cwd=ROOT, check=True)
    args = f"-cp %classpath org.openjdk.jmh.Main KernelBenchmark -prof gc -rf json -rff {out} {extra}"
    subprocess.run(
        [
            "mvn",
            "-B",
            "-q",
            "-pl",
            "lib",
            "exec:exec",
            "-Dexec.executable=java",
            "-Dexec.classpathScope=test",
            f"-Dexec.args={args}",
        ],
        cwd=ROOT,
        check=True,
    )


def read_jmh(path):
    out = {}
    with open(path) as f:
        for r in json.load(f):
            op = r["benchmark"].rsplit(".", 1)[1]
            key = (op, r["params"]["shape"], int(r["params"]["threads"]))
            pm = r["primaryMetric"]
            sec = r.get("secondaryMetrics", {})
            alloc = (sec.get("gc.alloc.rate.norm") or sec.get("\u00b7gc.alloc.rate.norm") or {}).get("score")
            out[key] = (pm["scorePercentiles"]["50.0"], pm["scoreError"], alloc)
    return out


def run_torch(shapes, threads_list, repeats=7):
    import torch
    from torch.nn import functional

    results = {}
    for shape in shapes:
        n, c = (int(v) for v in shape.split("x"))
        g = torch.Generator().manual_seed(8)
        z = torch.randn(n, c, dtype=torch.float64, generator=g) * 3
        labels = torch.randint(0, c, (n,), generator=g)
        flat = z.reshape(-1).clone()
        binary = torch.randint(0, 2, (n * c,), generator=g).to(torch.float64)

        def ce(z=z, labels=labels):
            x = z.detach().requires_grad_()
            functional.cross_entropy(x, labels).backward()
            return x.grad

        def bce(flat=flat, binary=binary):
            x = flat.detach().requires_grad_()
            functional.binary_cross_entropy_with_logits(x, binary).backward()
            return x.grad

        fns = {
            "softmax": lambda z=z: torch.softmax(z, 1),
            "logSoftmax": lambda z=z: torch.log_softmax(z, 1),
            "crossEntropyForwardBackward": ce,
            "binaryCrossEntropyForwardBackward": bce,
        }
        for threads in threads_list:
            torch.set_num_threads(threads)
            for op, fn in fns.items():
                with torch.no_grad() if op in ("softmax", "logSoftmax") else torch.enable_grad():
                    for _ in range(2):
                        fn()
                    times = []
                    for _ in range(repeats):
                        t = time.perf_counter()
                        fn()
                        times.append((time.perf_counter() - t) * 1000)
                results[(op, shape, threads)] = (statistics.median(times), (max(times) - min(times)) / 2)
                print(
                    f"torch {op} {shape} threads={threads}: {results[(op, shape, threads)][0]:.1f} ms", file=sys.stderr
                )
    return results


def machine():
    cpu = "unknown processor"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr.splitlines()
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {java[0] if java else 'java ?'}"


def load():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jmh-json", help="reuse this JMH result file instead of running JMH")
    ap.add_argument("--jmh-args", default="", help="extra JMH arguments, e.g. '-p shape=1000000x10'")
    ap.add_argument("--shapes", default="1000000x10,100000x1000")
    ap.add_argument("--threads", default="1,2")
    a = ap.parse_args()
    shapes = a.shapes.split(",")
    threads = [int(t) for t in a.threads.split(",")]
    path = a.jmh_json
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_before = load()
    if path is None:
        path = os.path.join(ROOT, "lib", "target", "jmh-kernels.json")
        run_jmh(path, a.jmh_args)
    java = read_jmh(path)
    torch_results = run_torch(shapes, threads)
    print()
    print(f"{started}; {machine()}; load average before {load_before}, after {load()}")
    print(f"PyTorch {__import__('torch').__version__}, float64; Java: JMH median over iterations; ms per batch")
    print()
    print(
        "| operation | shape | threads | library ms | PyTorch ms | speed-up vs PyTorch | "
        "library 2-thread scaling | library alloc B/op |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for op in OPS:
        for shape in shapes:
            for t in threads:
                j = java.get((op, shape, t))
                p = torch_results.get((op, shape, t))
                js = f"{j[0]:.1f} ± {j[1]:.1f}" if j else "—"
                ps = f"{p[0]:.1f} ± {p[1]:.1f}" if p else "—"
                ratio = f"{p[0] / j[0]:.2f}×" if j and p else "—"
                one = java.get((op, shape, 1))
                scaling = f"{one[0] / j[0]:.2f}×" if j and one and t != 1 else ""
                alloc = f"{j[2]:,.0f}" if j and j[2] is not None else "—"
                print(f"| {op} | {shape} | {t} | {js} | {ps} | {ratio} | {scaling} | {alloc} |")
    print()
    for shape in shapes:
        one = java.get(("crossEntropyForwardBackward", shape, 1))
        two = java.get(("crossEntropyForwardBackward", shape, 2))
        torch_one = torch_results.get(("crossEntropyForwardBackward", shape, 1))
        if one and torch_one:
            ratio = torch_one[0] / one[0]
            print(
                f"cross-entropy {shape}, 1 thread: {ratio:.2f}x PyTorch (target 3x): "
                f"{'met' if ratio >= 3 else 'MISSED'}"
            )
        if one and two:
            scaling = one[0] / two[0]
            print(
                f"cross-entropy {shape}, 2 threads: {scaling:.2f}x one thread (target 1.8x): "
                f"{'met' if scaling >= 1.8 else 'MISSED'}"
            )


if __name__ == "__main__":
    main()

"""Start a Jupyter kernel, wait until it answers, and retry a start that wedges.

The one place where the course starts kernels: the notebook runner (run_notebooks.py), the
assignment tool (assignments/tools) and the set-up smoke test (bin/lib/java_kernel.py) all call
`start_kernel` or `started_kernel`; the start-reliability benchmark (kernel_bench.py) measures
the same code path. Needs only the standard library and jupyter_client.

A start counts as healthy when the kernel answers `kernel_info` within `timeout` seconds.
Some Java kernels (rapaio 3.0.1) sometimes never answer: their process lives on, but a channel
thread died at start. Such a start is "wedged": it is killed, reported as a line
`RETRY: <label>: kernel start failed (<reason>); retry i of n` and replaced by a fresh kernel,
up to `retries` times. A kernel whose process exits before answering counts the same way.

    from kernelstart import started_kernel

    with started_kernel("java", cwd="notebooks", timeout=30, retries=2) as (km, kc, report):
        kc.execute_interactive("1 + 1")
    print(report.seconds, report.retries)

`start_kernel` is the same without the `with` (the caller shuts the kernel down with
`shutdown(km, kc)`). `client_class` lets a caller that talks to the kernel asynchronously
(nbclient) get an AsyncKernelClient from `km.client()`; the readiness probe always uses a
blocking client of its own.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

__all__ = ["KernelStartError", "StartReport", "shutdown", "start_kernel", "started_kernel"]


@dataclass(frozen=True)
class StartReport:
    """How one kernel start went.

    kernel_name: the kernelspec started; seconds: from launching the process of the attempt
    that succeeded to its `kernel_info` reply; failures: one reason per failed attempt, in order.
    """

    kernel_name: str
    seconds: float
    failures: tuple[str, ...] = field(default_factory=tuple)

    @property
    def retries(self) -> int:
        """Attempts that failed before the one that answered."""
        return len(self.failures)

    def __str__(self) -> str:
        tail = f", after {self.retries} failed start(s)" if self.failures else ""
        return f"kernel '{self.kernel_name}' answered in {self.seconds:.2f} s{tail}"


class KernelStartError(RuntimeError):
    """Every attempt failed; `failures` holds one reason per attempt."""

    def __init__(self, kernel_name: str, failures: Sequence[str]):
        self.kernel_name = kernel_name
        self.failures = tuple(failures)
        super().__init__(
            f"kernel '{kernel_name}' did not start in {len(self.failures)} attempt(s): {self.failures[-1]}"
        )


def _manager_class(launch_prefix: Sequence[str]) -> type:
    from jupyter_client.manager import KernelManager

    if not launch_prefix:
        return KernelManager
    prefix = list(launch_prefix)

    class PrefixedKernelManager(KernelManager):
        """Runs the kernelspec's command behind a launcher (a sandbox such as bwrap, `nice`, ...)."""

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            return [*prefix, *super().format_kernel_cmd(extra_arguments)]

    return PrefixedKernelManager


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shutdown(km: Any, kc: Any = None, now: bool = False) -> None:
    """Stops the client's channels and the kernel; a kernel that does not stop is killed."""
    if kc is not None:
        with contextlib.suppress(Exception):
            kc.stop_channels()
    with contextlib.suppress(Exception):
        if km.has_kernel:
            km.shutdown_kernel(now=now)
    with contextlib.suppress(Exception):
        km.cleanup_resources()


def _attempt(
    kernel_name: str,
    timeout: float,
    manager_kwargs: Mapping[str, Any],
    start_kwargs: Mapping[str, Any],
    launch_prefix: Sequence[str],
    on_wedge: Callable[[Any], None] | None,
) -> tuple[Any, Any, float]:
    km = _manager_class(launch_prefix)(kernel_name=kernel_name, **manager_kwargs)
    began = time.monotonic()
    km.start_kernel(**start_kwargs)
    kc = km.blocking_client()
    try:
        kc.start_channels()
        # Sends kernel_info once a second until a reply comes, and raises RuntimeError when the
        # process died or `timeout` passed: the two ways a start fails.
        kc.wait_for_ready(timeout=timeout)
    except BaseException:
        if on_wedge is not None and km.is_alive():
            with contextlib.suppress(Exception):
                on_wedge(km)
        shutdown(km, kc, now=True)
        raise
    return km, kc, time.monotonic() - began


def start_kernel(
    kernel_name: str = "java",
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    launch_prefix: Sequence[str] = (),
    timeout: float = 30,
    retries: int = 2,
    label: str = "",
    log: Callable[[str], None] = print,
    output: IO[bytes] | None = None,
    kernel_dirs: Sequence[str] | None = None,
    client_class: str | None = None,
    on_wedge: Callable[[Any], None] | None = None,
) -> tuple[Any, Any, StartReport]:
    """Starts `kernel_name` and returns (KernelManager, BlockingKernelClient, StartReport).

    cwd, env: the kernel process's working folder and environment (env replaces os.environ).
    launch_prefix: words put before the kernelspec's argv. timeout: seconds an attempt may take
    to answer kernel_info. retries: fresh kernels tried after one that wedged or died, each
    announced through `log` as a `RETRY:` line naming `label` (default: the kernel name).
    output: a binary file that receives the kernel process's stdout and stderr (its log).
    kernel_dirs: look the kernelspec up only there (default: Jupyter's search path).
    client_class: dotted name of the class `km.client()` returns later.
    on_wedge: called with the KernelManager of an attempt whose process is still alive but did
    not answer, before it is killed (e.g. to take a thread dump of its JVM).
    Raises KernelStartError when 1 + retries attempts all failed, ValueError on bad arguments.
    """
    if timeout <= 0:
        raise ValueError(f"timeout must be > 0 seconds, not {timeout!r}")
    if retries < 0:
        raise ValueError(f"retries must be >= 0, not {retries!r}")
    manager_kwargs: dict[str, Any] = {}
    if kernel_dirs is not None:
        from jupyter_client.kernelspec import KernelSpecManager

        manager_kwargs["kernel_spec_manager"] = KernelSpecManager(kernel_dirs=list(kernel_dirs))
    if client_class:
        manager_kwargs["client_class"] = client_class
    start_kwargs: dict[str, Any] = {}
    if cwd is not None:
        start_kwargs["cwd"] = os.fspath(cwd)
    if env is not None:
        start_kwargs["env"] = dict(env)
    if output is not None:
        start_kwargs["stdout"] = output
        start_kwargs["stderr"] = output
    failures: list[str] = []
    for attempt in range(1 + retries):
        try:
            km, kc, seconds = _attempt(kernel_name, timeout, manager_kwargs, start_kwargs, launch_prefix, on_wedge)
        except (RuntimeError, TimeoutError, OSError) as e:
            failures.append(_one_line(f"{type(e).__name__}: {e}"))
            if attempt < retries:
                log(
                    f"RETRY: {label or kernel_name}: kernel start failed ({failures[-1]}); "
                    f"retry {attempt + 1} of {retries}"
                )
            continue
        return km, kc, StartReport(kernel_name, seconds, tuple(failures))
    raise KernelStartError(kernel_name, failures)


@contextlib.contextmanager
def started_kernel(kernel_name: str = "java", **kwargs: Any) -> Iterator[tuple[Any, Any, StartReport]]:
    """`start_kernel` as a context manager: the kernel is shut down when the block ends."""
    km, kc, report = start_kernel(kernel_name, **kwargs)
    try:
        yield km, kc, report
    finally:
        shutdown(km, kc)

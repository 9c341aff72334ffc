"""Runs notebook cells on a Jupyter kernel, one cell at a time, surviving hangs and crashes.

* A cell that runs longer than its timeout, or that kills the kernel (``System.exit``), is
  recorded as such; the kernel is restarted and the earlier non-test code cells are replayed
  (skipping any that hung or crashed), so the following cells run in the state they expect.
* Kernels are started by the course's one kernel-start module (``notebooks/tools/kernelstart.py``:
  wait for ``kernel_info``, retry a start that wedges or dies), behind the sandbox's launch prefix.
"""

import math
import os
import sys
import tempfile
import time

from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async, run_sync

for _root in (
    os.environ.get("ASSIGNMENTS_KERNELSTART_DIR", ""),
    os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, os.pardir, "notebooks", "tools"),
):
    if _root and os.path.exists(os.path.join(_root, "kernelstart.py")) and _root not in sys.path:
        sys.path.insert(0, os.path.abspath(_root))
        break
import kernelstart  # noqa: E402

KernelStartError = kernelstart.KernelStartError


class CellRun:
    """What happened to one cell: status ok | error | timeout | died | skipped."""

    def __init__(self, status, outputs=(), seconds=0.0, note=""):
        self.status = status
        self.outputs = list(outputs)
        self.seconds = seconds
        self.note = note

    def error(self):
        for o in self.outputs:
            if o.get("output_type") == "error":
                return o
        return None

    def stdout(self):
        return "".join(
            o.get("text", "") for o in self.outputs if o.get("output_type") == "stream" and o.get("name") == "stdout"
        )


class Session:
    """One kernel for one notebook, restarted as needed; ``sandbox`` (or None) wraps each start."""

    def __init__(self, nb, kernel_name, cwd, env, startup_timeout=30.0, start_attempts=4, sandbox=None):
        self.nb = nb
        self.kernel_name = kernel_name
        self.cwd = cwd
        self.env = env
        self.startup_timeout = startup_timeout
        self.start_attempts = start_attempts
        self.sandbox = sandbox
        self.client = None
        self.starts = 0  # kernels started, retries included
        self.start_retries = 0  # starts that failed and were retried
        self.events = []  # human-readable notes for the instructor
        self.survivors = 0  # sandbox processes still alive after the kill (should stay 0)
        self.start_seconds = 0.0  # launch to first kernel_info reply, summed over starts

    def start(self):
        log_path = os.path.join(self.cwd, f"kernel-{self.starts + 1}.log")
        prefix = self.sandbox.prefix() if self.sandbox else ()
        # jupyter_client writes the connection file with tempfile.mkstemp: in the sandbox's
        # connection folder, which is the only host folder the kernel can read
        saved_tempdir = tempfile.tempdir
        if self.sandbox is not None:
            tempfile.tempdir = self.sandbox.conn_dir
        with open(log_path, "ab") as log:
            try:
                km, probe, report = kernelstart.start_kernel(
                    self.kernel_name,
                    cwd=self.cwd if not self.sandbox else "/",
                    env=self.env,
                    launch_prefix=prefix,
                    timeout=self.startup_timeout,
                    retries=max(0, self.start_attempts - 1),
                    label="grading kernel",
                    log=self.events.append,
                    output=log,
                    client_class="jupyter_client.asynchronous.AsyncKernelClient",
                )
            except KernelStartError as e:
                self.starts += len(e.failures)
                self.start_retries += len(e.failures)
                raise
            finally:
                tempfile.tempdir = saved_tempdir
        self.starts += 1 + report.retries
        self.start_seconds += report.seconds
        self.start_retries += report.retries
        probe.stop_channels()
        client = NotebookClient(
            self.nb,
            km=km,
            kernel_name=self.kernel_name,
            timeout=30,
            allow_errors=True,
            shutdown_kernel="immediate",
            record_timing=False,
        )
        client.kc = km.client()
        client.kc.start_channels()
        run_sync(_async_ready)(client.kc, self.startup_timeout)
        client.kc.allow_stdin = False
        self.client = client

    def stop(self):
        if self.client is not None:
            _shutdown(self.client)
            self.client = None
        if self.sandbox is not None:
            self.survivors += self.sandbox.kill_all()

    def restart(self):
        self.stop()
        self.start()

    def run(self, index, timeout):
        """Runs ``nb.cells[index]``; returns a CellRun. Never raises for the cell's own failures."""
        cell = self.nb.cells[index]
        self.client.timeout = int(math.ceil(timeout))
        t0 = time.monotonic()
        status = "ok"
        try:
            self.client.execute_cell(cell, index, store_history=True)
        except CellTimeoutError:
            status = "timeout"
        except DeadKernelError:
            status = "died"
        except Exception as e:  # noqa: BLE001 - the kernel or channel broke: treat as a crash
            status = "died" if not _alive(self.client) else "error"
            self.events.append(f"cell {index}: {type(e).__name__}: {e}")
        seconds = time.monotonic() - t0
        outputs = list(cell.get("outputs", []))
        if status == "ok" and any(o.get("output_type") == "error" for o in outputs):
            status = "error"
        if status == "ok" and not _alive(self.client):
            status = "died"
        return CellRun(status, outputs, seconds)


async def _async_ready(kc, timeout):
    await ensure_async(kc.wait_for_ready(timeout=timeout))


async def _async_alive(km):
    return bool(await ensure_async(km.is_alive()))


async def _async_kill(km):
    await ensure_async(km.shutdown_kernel(now=True))


def _alive(client):
    try:
        return client.km is not None and run_sync(_async_alive)(client.km)
    except Exception:  # noqa: BLE001
        return False


def _shutdown(client):
    km = client.km
    try:
        if km is not None:
            client._cleanup_kernel()
    except Exception:  # noqa: BLE001 - best effort; the process is killed below
        pass
    try:
        if km is not None and km.has_kernel:
            run_sync(_async_kill)(km)
    except Exception:  # noqa: BLE001
        pass
    client.kc = None
    client.km = None


def run_notebook(
    nb, kinds, kernel_name, cwd, env, timeout, startup_timeout=30.0, start_attempts=4, max_restarts=12, sandbox=None
):
    """Runs every code cell of ``nb`` in order. ``kinds[i]`` is the grade kind of cell i (or None).

    Returns ({cell index: CellRun}, session) — the session's counters and events describe the
    kernel starts. Raises KernelStartError only if no kernel could be started at all.
    """
    runs = {}
    session = Session(nb, kernel_name, cwd, env, startup_timeout, start_attempts, sandbox)
    try:
        session.start()
    except BaseException:
        session.stop()
        raise
    restarts = 0
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    try:
        for pos, i in enumerate(code):
            if restarts > max_restarts:
                runs[i] = CellRun("skipped", note="not run: too many kernel restarts")
                continue
            run = session.run(i, timeout)
            runs[i] = run
            if run.status in ("timeout", "died"):
                # restart and replay the earlier set-up and answer cells (never the tests)
                while True:
                    restarts += 1
                    if restarts > max_restarts:
                        break
                    session.restart()
                    replay = [
                        j
                        for j in code[:pos]
                        if kinds.get(j) != "test" and runs[j].status not in ("timeout", "died", "skipped")
                    ]
                    broken = None
                    for j in replay:
                        r = session.run(j, timeout)
                        if r.status in ("timeout", "died"):
                            broken = j
                            runs[j] = CellRun(
                                r.status, r.outputs, r.seconds, note="hung or crashed when replayed after a restart"
                            )
                            break
                    if broken is None:
                        break
    finally:
        session.stop()
    return runs, session

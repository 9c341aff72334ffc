"""Runs notebook cells on a Jupyter kernel, one cell at a time, surviving hangs and crashes.

* A cell that runs longer than its timeout, or that kills the kernel (``System.exit``), is
  recorded as such; the kernel is restarted and the earlier non-test code cells are replayed
  (skipping any that hung or crashed), so the following cells run in the state they expect.
* A kernel start that does not answer is retried. The rapaio kernel (3.0.1) wedges in about one
  start in ten: it binds its sockets before it registers its message handlers, and a request
  that arrives in between kills its shell thread (``NullPointerException``, or ``Unhandled
  message: kernel_info_request``); other times its shell thread never answers at all, with
  nothing in its log. Measured here: 24 % of starts when the first request is sent at once,
  about 10 % when it waits 1 s after the sockets are bound. So the session waits 1 s, then
  watches the kernel's log: a healthy kernel logs ``Handling message: kernel_info_request``
  within a fraction of a second, so a kernel that has not done so 3 s after the first request
  (plus twice the time its JVM took to bind its sockets, which grows on a loaded machine), or
  that logged the errors above, is killed and started again: a wedge costs seconds instead of
  a 120 s start-up timeout.
"""

import asyncio
import logging
import math
import os
import time
from queue import Empty

from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async, run_sync

WEDGED = (b"Unhandled message: kernel_info_request", b'Exception in thread "Shell-0"')
BOUND = b"[ShellChannel]: Binding"
HANDLED = b"Handling message: kernel_info_request"
QUIET = logging.getLogger("assigntool.nbclient")
QUIET.addHandler(logging.NullHandler())
QUIET.propagate = False
QUIET.setLevel(logging.CRITICAL)


class KernelStartError(Exception):
    pass


class _Wedged(Exception):
    pass


class _Client(NotebookClient):
    """nbclient's client with a start-up wait that notices a wedged kernel."""

    log_path = None
    first_request_delay = 0.0

    async def async_start_new_kernel_client(self):
        self.kc = self.km.client()
        await ensure_async(self.kc.start_channels())
        start = time.monotonic()
        deadline = start + self.startup_timeout
        bound_at = None
        while True:
            log = _read(self.log_path)
            if bound_at is None and BOUND in log:
                bound_at = time.monotonic()
                # a loaded machine is slow at everything: scale the patience by how long the
                # JVM took to get this far (about 0.6 s on an idle machine)
                patience = 3.0 + 2.0 * (bound_at - start)
            # rapaio binds its sockets before it registers its message handlers; a request that
            # arrives in between kills or wedges its shell thread, so give it a moment
            if bound_at is not None and time.monotonic() - bound_at >= self.first_request_delay:
                break
            if not await ensure_async(self.km.is_alive()):
                raise KernelStartError("the kernel exited during start-up")
            if time.monotonic() > deadline:
                raise KernelStartError(f"the kernel did not open its sockets within {self.startup_timeout:g} s")
            await asyncio.sleep(0.05)
        first_sent = time.monotonic()
        while True:
            self.kc.kernel_info()
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=0.5))
            except Empty:
                msg = None
            if msg and msg.get("msg_type") == "kernel_info_reply":
                try:   # IOPub must be connected too, or the first outputs are lost
                    await ensure_async(self.kc.iopub_channel.get_msg(timeout=0.3))
                    break
                except Empty:
                    pass
            if not await ensure_async(self.km.is_alive()):
                raise KernelStartError("the kernel exited during start-up")
            log = _read(self.log_path)
            if any(w in log for w in WEDGED) or (HANDLED not in log and time.monotonic() - first_sent > patience):
                raise _Wedged()
            if time.monotonic() > deadline:
                raise KernelStartError(f"the kernel did not answer within {self.startup_timeout:g} s")
        while True:    # drop start-up messages
            try:
                await ensure_async(self.kc.iopub_channel.get_msg(timeout=0.1))
            except Empty:
                break
        self.kc.allow_stdin = False
        return self.kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except (OSError, TypeError):
        return b""


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
        return "".join(o.get("text", "") for o in self.outputs
                       if o.get("output_type") == "stream" and o.get("name") == "stdout")


class Session:
    """One kernel for one notebook, restarted as needed."""

    def __init__(self, nb, kernel_name, cwd, env, startup_timeout=30.0, start_attempts=4, first_request_delay=1.0):
        self.first_request_delay = first_request_delay
        self.nb = nb
        self.kernel_name = kernel_name
        self.cwd = cwd
        self.env = env
        self.startup_timeout = startup_timeout
        self.start_attempts = start_attempts
        self.client = None
        self.starts = 0          # kernels started, retries included
        self.start_retries = 0   # starts that failed and were retried
        self.events = []         # human-readable notes for the instructor

    def start(self):
        last = None
        for _ in range(self.start_attempts):
            log_path = os.path.join(self.cwd, f"kernel-{self.starts + 1}.log")
            client = _Client(self.nb, kernel_name=self.kernel_name, timeout=30, allow_errors=True,
                             startup_timeout=int(math.ceil(self.startup_timeout)), shutdown_kernel="immediate",
                             record_timing=False, log=QUIET)
            client.log_path = log_path
            client.first_request_delay = self.first_request_delay
            client.km = client.create_kernel_manager()
            self.starts += 1
            try:
                with open(log_path, "wb") as log:
                    client.start_new_kernel(env=self.env, cwd=self.cwd, stdout=log, stderr=log)
                client.start_new_kernel_client()
                self.client = client
                return
            except _Wedged:
                last = "the kernel wedged at start-up"
            except Exception as e:   # noqa: BLE001 - any start failure is retried
                last = f"{type(e).__name__}: {e}"
            self.start_retries += 1
            self.events.append(f"kernel start failed ({last}); retried")
            _shutdown(client)
        raise KernelStartError(f"the kernel could not be started in {self.start_attempts} attempts: {last}")

    def stop(self):
        if self.client is not None:
            _shutdown(self.client)
            self.client = None

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
        except Exception as e:   # noqa: BLE001 - the kernel or channel broke: treat as a crash
            status = "died" if not _alive(self.client) else "error"
            self.events.append(f"cell {index}: {type(e).__name__}: {e}")
        seconds = time.monotonic() - t0
        outputs = list(cell.get("outputs", []))
        if status == "ok" and any(o.get("output_type") == "error" for o in outputs):
            status = "error"
        if status == "ok" and not _alive(self.client):
            status = "died"
        return CellRun(status, outputs, seconds)


async def _async_alive(km):
    return bool(await ensure_async(km.is_alive()))


async def _async_kill(km):
    await ensure_async(km.shutdown_kernel(now=True))


def _alive(client):
    try:
        return client.km is not None and run_sync(_async_alive)(client.km)
    except Exception:   # noqa: BLE001
        return False


def _shutdown(client):
    km = client.km
    try:
        if km is not None:
            client._cleanup_kernel()
    except Exception:   # noqa: BLE001 - best effort; the process is killed below
        pass
    try:
        if km is not None and km.has_kernel:
            run_sync(_async_kill)(km)
    except Exception:   # noqa: BLE001
        pass
    client.kc = None
    client.km = None


def run_notebook(nb, kinds, kernel_name, cwd, env, timeout, startup_timeout=30.0, start_attempts=4,
                 max_restarts=12):
    """Runs every code cell of ``nb`` in order. ``kinds[i]`` is the grade kind of cell i (or None).

    Returns ({cell index: CellRun}, session) — the session's counters and events describe the
    kernel starts. Raises KernelStartError only if no kernel could be started at all.
    """
    runs = {}
    session = Session(nb, kernel_name, cwd, env, startup_timeout, start_attempts)
    session.start()
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
                    replay = [j for j in code[:pos] if kinds.get(j) != "test"
                              and runs[j].status not in ("timeout", "died", "skipped")]
                    broken = None
                    for j in replay:
                        r = session.run(j, timeout)
                        if r.status in ("timeout", "died"):
                            broken = j
                            runs[j] = CellRun(r.status, r.outputs, r.seconds,
                                              note="hung or crashed when replayed after a restart")
                            break
                    if broken is None:
                        break
    finally:
        session.stop()
    return runs, session

"""One sandbox per submission: bubblewrap, an unprivileged uid, no network, limits, nothing left.

* **Files**: the kernel sees /usr (read-only), the JDK's configuration in /etc, the kernelspec's
  own files, the course classes (the unpacked jar, read-only) at ``/course/softmax-course/``, its
  connection file and a private /tmp (a 64 MB tmpfs). No instructor source, no submissions, no
  grades, no /home, /work or /root. The notebook itself is not a file in the sandbox: cells arrive
  as messages.
* **User**: a uid of its own (61000 + the worker's pid modulo 20000), no capabilities, no groups.
* **Network**: the grading worker moves itself into a fresh network namespace with only a
  loopback device before it starts the kernel, so the kernel and the grader talk over 127.0.0.1
  and nothing else is reachable.
* **Limits**: a memory cgroup (default 1536 MiB, the JVM heap is capped lower by -Xmx) and a pids
  cgroup (default 256 threads and processes), plus RLIMIT_NPROC for the uid; a private pid
  namespace (the kernel is not the parent of anything outside it).
* **The end**: every process in the cgroups and every process of the uid is killed; the count
  of survivors (always 0 so far) goes into the record.

Root is needed (bubblewrap without setuid, cgroups, network namespaces). Without it, or without
bwrap, ``available()`` says why, and the tool refuses to grade unless ``--isolation none`` is given.
"""

import ctypes
import fcntl
import glob
import os
import shlex
import shutil
import signal
import socket
import struct
import time

CLONE_NEWNET = 0x40000000
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
CGROUP = "/sys/fs/cgroup"
CLASSES_INSIDE = "/course/softmax-course"  # where the kernel sees the unpacked course jar, read-only
BWRAP = shutil.which("bwrap") or "/usr/bin/bwrap"


def available():
    """None when sandboxes can be made here, else the reason."""
    if os.geteuid() != 0:
        return "isolation needs root (bubblewrap, cgroups and network namespaces)"
    if not os.path.exists(BWRAP):
        return "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)"
    if not shutil.which("setpriv"):
        return "setpriv (util-linux) is not installed"
    return None


def enter_private_network():
    """Moves the calling thread (the grading worker) into a new network namespace with only a
    loopback device up. The kernels it starts afterwards inherit it."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"unshare(CLONE_NEWNET): {os.strerror(err)}")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        flags = struct.unpack("16sH", fcntl.ioctl(s, SIOCGIFFLAGS, struct.pack("16sH", b"lo", 0))[:18])[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH", b"lo", flags | IFF_UP))


def _cgroup_dirs(name):
    dirs = {}
    for controller in ("memory", "pids", "cpuacct"):
        base = os.path.join(CGROUP, controller)
        if os.path.isdir(base) and os.access(base, os.W_OK):
            dirs[controller] = os.path.join(base, "assigntool", name)
    return dirs


def _write(path, value):
    try:
        with open(path, "w") as f:
            f.write(str(value))
        return True
    except OSError:
        return False


def _zombie(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


class Sandbox:
    """The launch prefix for one kernel, and the clean-up after it."""

    def __init__(self, work, classes, kernel_paths, memory_mb=1536, max_pids=256, uid=None):
        self.work = work
        self.conn_dir = os.path.join(work, "conn")
        os.makedirs(self.conn_dir, mode=0o711, exist_ok=True)
        os.chmod(self.conn_dir, 0o711)
        self.classes = os.path.abspath(classes)
        self.kernel_paths = [p for p in kernel_paths if os.path.isabs(p) and os.path.exists(p)]
        self.memory_mb = memory_mb
        self.max_pids = max_pids
        self.uid = uid if uid is not None else 61000 + os.getpid() % 20000
        self.name = f"{os.getpid()}-{int(time.time() * 1000) % 10**9}"
        self.cgroups = _cgroup_dirs(self.name)
        self.cpu_seconds = 0.0  # CPU time of every process of the sandbox (cpuacct), after kill_all
        self.limits = []

    def _make_cgroups(self):
        """(Re)creates the cgroups with their limits: kill_all removes them, a restart needs them."""
        self.limits = []
        for controller, path in self.cgroups.items():
            try:
                os.makedirs(path, exist_ok=True)
            except OSError:
                continue
            if controller == "memory":
                ok = _write(os.path.join(path, "memory.limit_in_bytes"), self.memory_mb * 1024 * 1024)
                _write(os.path.join(path, "memory.memsw.limit_in_bytes"), self.memory_mb * 1024 * 1024)
                if ok:
                    self.limits.append(f"memory {self.memory_mb} MiB")
            elif controller == "pids" and _write(os.path.join(path, "pids.max"), self.max_pids):
                self.limits.append(f"{self.max_pids} processes and threads")

    def classes_inside(self):
        return CLASSES_INSIDE

    def prefix(self):
        """Words put before the kernelspec's argv (for one start: the cgroups are made here)."""
        self._make_cgroups()
        binds = ["--ro-bind", "/usr", "/usr"]
        for link in ("bin", "lib", "lib64", "sbin", "lib32"):
            p = "/" + link
            if os.path.islink(p):
                binds += ["--symlink", os.readlink(p), p]
            elif os.path.isdir(p):
                binds += ["--ro-bind", p, p]
        made = {"/", "/usr", "/tmp"}

        def bind(src, dst):
            parts = dst.strip("/").split("/")[:-1]
            for k in range(1, len(parts) + 1):
                d = "/" + "/".join(parts[:k])
                if d not in made:
                    binds.extend(["--perms", "0755", "--dir", d])
                    made.add(d)
            binds.extend(["--ro-bind", src, dst])

        binds += ["--perms", "1777", "--size", str(64 * 1024 * 1024), "--tmpfs", "/tmp"]
        for etc in ["/etc/alternatives", *sorted(glob.glob("/etc/java*"))]:
            if os.path.exists(etc):
                bind(etc, etc)
        for p in self.kernel_paths:
            inside = any(p != q and p.startswith(q.rstrip("/") + "/") for q in self.kernel_paths)
            if not p.startswith("/usr/") and not inside:
                bind(p, p)
                made.add(p)
        bind(self.classes, CLASSES_INSIDE)
        bind(self.conn_dir, self.conn_dir)
        bwrap = [
            BWRAP,
            *binds,
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--chdir",
            "/tmp",
            "--setenv",
            "HOME",
            "/tmp",
            "--",
            "/usr/bin/setpriv",
            f"--reuid={self.uid}",
            f"--regid={self.uid}",
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--no-new-privs",
            "--",
        ]
        joins = " && ".join(
            f"echo $$ > {shlex.quote(os.path.join(p, 'cgroup.procs'))}"
            for p in self.cgroups.values()
            if os.path.isdir(p)
        )
        script = (
            ((joins + " && ") if joins else "") + f"chmod 0644 {shlex.quote(self.conn_dir)}/*.json 2>/dev/null; "
            f'exec /usr/bin/prlimit --nproc={self.max_pids}:{self.max_pids} --core=0 -- "$@"'
        )
        return ["/bin/sh", "-c", script, "sandbox", *bwrap]

    def _pids(self):
        pids = set()
        for path in self.cgroups.values():
            try:
                with open(os.path.join(path, "cgroup.procs")) as f:
                    pids.update(int(x) for x in f.read().split())
            except OSError:
                pass
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    if os.stat(os.path.join("/proc", d)).st_uid == self.uid and not _zombie(d):
                        pids.add(int(d))
                except OSError:
                    pass
        pids.discard(os.getpid())
        return pids

    def kill_all(self):
        """SIGKILLs every process of the sandbox; returns how many were still alive after 2 s."""
        deadline = time.monotonic() + 2.0
        while True:
            pids = self._pids()
            if not pids or time.monotonic() > deadline:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.05)
        try:
            with open(os.path.join(self.cgroups.get("cpuacct", "/nonexistent"), "cpuacct.usage")) as f:
                self.cpu_seconds += int(f.read().strip()) / 1e9
        except (OSError, ValueError):
            pass
        for path in self.cgroups.values():
            try:
                os.rmdir(path)
            except OSError:
                pass
        return len(pids)

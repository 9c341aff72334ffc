"""Shared helpers for the assignment tool's tests."""

import copy
import os
import sys
import warnings

import nbformat

TESTS = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.dirname(TESTS)
ASSIGNMENTS = os.path.dirname(TOOLS)
ROOT = os.path.dirname(ASSIGNMENTS)
sys.path.insert(0, TOOLS)

from assigntool import fmt  # noqa: E402

SOURCES = {
    name: os.path.join(ASSIGNMENTS, "source", name, name + ".ipynb") for name in ("01-activations", "06-softmax")
}
# the course jar unpacked into a folder (lib/pom.xml makes it): what %classpath loads
CLASSES = os.environ.get("ASSIGNMENTS_CLASSPATH", os.path.join(ROOT, "lib", "target", "softmax-course"))
KERNEL = os.environ.get("ASSIGNMENTS_KERNEL", "java")


def read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nbformat.read(path, as_version=4)


def write(nb, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nbformat.write(nb, path)
    return path


def cell(nb, gid):
    for c in nb.cells:
        g = fmt.meta(c)
        if g and g["id"] == gid:
            return c
    raise KeyError(gid)


def index(nb, gid):
    return nb.cells.index(cell(nb, gid))


def with_answer(nb, gid, text):
    nb = copy.deepcopy(nb)
    cell(nb, gid).source = text
    return nb


def kernel_problem():
    """Why kernel tests cannot run here, or None."""
    if not os.path.isdir(os.path.join(CLASSES, "org", "softmaxcourse")):
        return f"no course classes in {CLASSES} (mvn -pl lib package -DskipTests)"
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        return f"no Jupyter kernel named {KERNEL!r} (set JUPYTER_PATH or ASSIGNMENTS_KERNEL)"
    return None

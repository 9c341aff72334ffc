"""Assignments for the Java course notebooks: release student versions, validate, grade.

Python 3 standard library plus nbformat and nbclient (Debian's Jupyter). See assignments/README.md.
"""

VERSION = "1"

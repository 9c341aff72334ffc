#!/usr/bin/env python3
"""Entry point of the assignment tool: python3 assign.py {release,validate,grade,benchmark} ...

Needs a Python that imports nbformat and nbclient (Debian's /usr/bin/python3 here); bin/assignments
finds one.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

if __name__ == "__main__":
    from assigntool.cli import main

    sys.exit(main())

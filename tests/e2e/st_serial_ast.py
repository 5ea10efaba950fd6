"""Runs the schemathesis CLI with `ast.parse` serialised across threads.

CPython 3.11.7 (this machine's and CI's Python) can raise ``SystemError: AST constructor recursion depth mismatch``
when two threads parse source at once (fixed in 3.11.8). Hypothesis parses a filter lambda's source to describe it, and
schemathesis's coverage phase does that from its worker threads, so ``--workers 2`` hit the bug and not our API. One
lock around ``ast.parse`` removes the race and changes nothing else; drop this wrapper once CI's Python is >= 3.11.8.
"""
import ast
import sys
import threading

_lock = threading.Lock()
_parse = ast.parse


def _serial_parse(*args, **kwargs):
    with _lock:
        return _parse(*args, **kwargs)


ast.parse = _serial_parse

if __name__ == "__main__":
    from schemathesis.cli import schemathesis
    sys.argv[0] = "st"
    sys.exit(schemathesis())

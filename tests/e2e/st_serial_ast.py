"""Runs the schemathesis CLI with `ast.parse` serialised across threads, and a serializer for ``application/zip``.

CPython 3.11.7 (this machine's and CI's Python) can raise ``SystemError: AST constructor recursion depth mismatch``
when two threads parse source at once (fixed in 3.11.8). Hypothesis parses a filter lambda's source to describe it, and
schemathesis's coverage phase does that from its worker threads, so ``--workers 2`` hit the bug and not our API. One
lock around ``ast.parse`` removes the race and changes nothing else; drop that once CI's Python is >= 3.11.8.

The transfer import (``POST /api/v1/passport/imports``) documents its body as ``application/zip``, a media type
schemathesis has no serializer for ("Serialization not possible"): it is bytes, sent as ``application/octet-stream``
bodies are.
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


def _register_zip() -> None:
    import schemathesis
    from schemathesis.transport.serialization import serialize_binary

    @schemathesis.serializer("application/zip")
    def _zip(_context, value) -> bytes:
        return serialize_binary(value)

if __name__ == "__main__":
    from schemathesis.cli import schemathesis
    _register_zip()
    sys.argv[0] = "st"
    sys.exit(schemathesis())

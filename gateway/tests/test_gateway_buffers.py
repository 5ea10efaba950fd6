"""The gateway keeps the memory of its media chunks (``serve.keep_large_buffers``): a chunk read, framed for HTTP and
freed, as a passport export does for each file, reuses the pages of the one before instead of faulting new ones,
which by default it does page by page. Each case runs in a child process, since the policy is the process's."""
from __future__ import annotations

import subprocess
import sys

CHUNKS = 50
PAGES = (2 << 20) // 4096           # one 2 MB media file's pages

CHILD = """
import os, resource, sys, tempfile
from gateway.serve import keep_large_buffers
if sys.argv[1] == "keep":
    keep_large_buffers()
media = os.path.join(tempfile.mkdtemp(), "media.bin")
with open(media, "wb") as out:
    out.write(os.urandom(2 << 20))

def chunk_sent():
    with open(media, "rb") as stream:
        chunk = stream.read(4 << 20)                        # the media reader's 4 MB read of a 2 MB file
    framed = b"".join([b"200000\\r\\n", chunk, b"\\r\\n"])   # HTTP's chunked framing
    del chunk, framed

chunk_sent()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(int(sys.argv[2])):
    chunk_sent()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(policy: str) -> int:
    done = subprocess.run([sys.executable, "-c", CHILD, policy, str(CHUNKS)], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def test_freed_media_chunks_are_reused_rather_than_faulted_anew():
    assert page_faults("default") > CHUNKS * PAGES // 2        # glibc's default: each chunk's pages faulted again
    assert page_faults("keep") < CHUNKS * 16                   # kept: reused

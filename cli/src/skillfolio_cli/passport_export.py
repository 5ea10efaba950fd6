"""`skillfolio passport export STUDENT --out FILE`: a student's passport archive, downloaded from the gateway's REST
API (``POST /api/v1/students/{id}/passport``: the same streamed zip as the web app) with a progress bar. The operator
signs in as the person the export is for (the student, their guardian, or a district privacy officer, who states
the records request's reason): the password is read from stdin, never argv (or give a bearer token in
SKILLFOLIO_API_TOKEN); each owning service then decides and audits the export under that person's name."""
from __future__ import annotations

import contextlib
import getpass
import json
import os
import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

CHUNK = 4 << 20          # received at a time
WRITE = 64 << 10         # written at a time (shutil's size): see copy_overlapped
TIMEOUT_SECONDS = 60


def _refusal(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read() or b"{}")
    except ValueError:
        body = {}
    return body.get("error", {}).get("message") or body.get("detail") or f"HTTP {error.code}"


@contextlib.contextmanager
def gateway_answers(url: str) -> Iterator[None]:
    """A refusal from the gateway as the CLI reports it: its reason, exit 2 for a refused input (422), else 1."""
    try:
        yield
    except urllib.error.HTTPError as error:
        typer.echo(f"error: {_refusal(error)}", err=True)
        raise typer.Exit(2 if error.code == 422 else 1) from None
    except urllib.error.URLError as error:
        typer.echo(f"error: cannot reach the gateway at {url}: {error.reason}", err=True)
        raise typer.Exit(1) from None


def _token(url: str, username: str) -> str:
    given = os.environ.get("SKILLFOLIO_API_TOKEN", "")
    if given:
        return given
    if not username:
        raise typer.BadParameter("give --username (or SKILLFOLIO_API_TOKEN)", param_hint="--username")
    password = getpass.getpass(f"Password of {username}: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\r\n")
    form = urllib.parse.urlencode({"username": username, "password": password}).encode()
    with urllib.request.urlopen(urllib.request.Request(f"{url}/api/v1/auth/token", data=form),  # noqa: S310
                                timeout=TIMEOUT_SECONDS) as answer:
        return json.loads(answer.read())["access_token"]


def _write(sink: IO[bytes], data: memoryview) -> None:
    """``data`` in 64 KiB writes: the page cache then takes small folios. On a VM whose host has reclaimed the memory
    freed a moment earlier (free page reporting), filling large folios, as 4 MB writes ask for, cost 1.3 s per GB
    here, against 0.5 s in 64 KiB writes."""
    for start in range(0, len(data), WRITE):
        sink.write(data[start:start + WRITE])


def copy_overlapped(answer: IO[bytes], sink: IO[bytes], progress: Callable[[int], None]) -> int:
    """Copy the response to the file: received straight into one of two buffers while a thread writes the other to
    disk (both release the GIL), so the download never waits for the disk, nor the disk for the network."""
    views, written, turn = (memoryview(bytearray(CHUNK)), memoryview(bytearray(CHUNK))), 0, 0
    pending: Future | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="passport-write") as writer:
        while received := answer.readinto(views[turn]):
            if pending is not None:
                pending.result()            # the other buffer is written: it may be filled next
            pending = writer.submit(_write, sink, views[turn][:received])
            written, turn = written + received, 1 - turn
            progress(written)
        if pending is not None:
            pending.result()
    return written


def download(url: str, token: str, student: str, reason: str, out: pathlib.Path, quiet: bool,
             language: str = "") -> int:
    """Stream the archive to ``out`` (a file: written as ``<out>.partial`` and renamed when complete; a device or a
    pipe, such as ``/dev/null`` or ``>(sha256sum)``: written to as it is, never replaced); its size. The offline page
    is in ``language`` where the gateway has it (``Accept-Language``), else English."""
    request = urllib.request.Request(
        f"{url}/api/v1/students/{urllib.parse.quote(student, safe='')}/passport",
        data=json.dumps({"reason": reason}).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/zip",
                 **({"Accept-Language": language} if language else {})})
    stream = out.exists() and not out.is_file()
    partial, written = (out if stream else out.with_name(out.name + ".partial")), 0
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer, partial.open("wb") as sink:  # noqa: S310
            total = int(answer.headers.get("X-Passport-Media-Bytes") or 0)
            columns = (TextColumn(f"{answer.headers.get('X-Passport-Artifacts', '?')} artifacts"), BarColumn(),
                       DownloadColumn(), TransferSpeedColumn())
            with Progress(*columns, disable=quiet) as progress:
                task = progress.add_task("passport", total=total or None)
                written = copy_overlapped(answer, sink, lambda done: progress.update(
                    task, completed=min(done, total) if total else done))
                progress.update(task, total=written, completed=written)
        if not stream:
            partial.replace(out)        # nothing half-written under the name asked for
    finally:
        if not stream:
            partial.unlink(missing_ok=True)
    return written


def register(passport: typer.Typer) -> None:
    @passport.command("export")
    def export_command(
            student: Annotated[str, typer.Argument(help="The student's id.")],
            out: Annotated[pathlib.Path, typer.Option("--out", help="The zip file to write.", dir_okay=False)],
            username: Annotated[str, typer.Option(help="Sign in as: the student, their guardian, or a privacy "
                                                       "officer (password from stdin).")] = "",
            reason: Annotated[str, typer.Option(help="The records request (required of a privacy officer; "
                                                     "audited).")] = "",
            url: Annotated[str, typer.Option(envvar="GATEWAY_PUBLIC_URL",
                                             help="The gateway's URL.")] = "http://127.0.0.1:8000",
            language: Annotated[str, typer.Option(help="The offline page's language, as the family reads it (en, "
                                                       "es); default: English.")] = "",
            quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False) -> None:
        """Download STUDENT's passport (offline HTML, JSON with its schema, media, credentials) to FILE."""
        url = url.rstrip("/")
        with gateway_answers(url):
            size = download(url, _token(url, username), student, reason, out, quiet, language)
        typer.echo(f"{out}: {size} bytes")

"""`skillfolio passport transfer STUDENT --out FILE`: a privacy officer's passport export (downloaded as `passport
export` does, so every service decides and audits it) sealed with a manifest the district key signs; and
`skillfolio passport check-transfer FILE --student SOURCED_ID`: the receiving district's verification of a package
(signature against the configured trusted districts, every file's digest, nothing missing or extra) and its plan,
writing nothing; `skillfolio passport import FILE --student SOURCED_ID --reason TEXT`: a privacy officer's import of
the package into the local student's portfolio, uploaded to the gateway (``POST /api/v1/passport/imports``), which
verifies it again before anything is written and attaches each artifact read-only with its origin."""
from __future__ import annotations

import json
import pathlib
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from chassis.access import Role
from chassis.config import PlatformSettings
from chassis.grpc.principal import KeyConfigurationError
from chassis.signing import DistrictKey
from chassis.transfer import seal_file
from chassis.transfer_plan import plan
from chassis.transfer_verify import TRUSTED_SETTING, TransferRefused, TrustedDistricts, verify_package
from skillfolio_cli.passport_export import _token, download, gateway_answers


def sealed_transfer(export: pathlib.Path, out: pathlib.Path, settings: PlatformSettings) -> dict:
    """Seal a downloaded export made by a privacy officer (the archive says in which role it was made)."""
    with zipfile.ZipFile(export) as archive:
        role = json.loads(archive.read("passport.json")).get("exported_as")
    if role != Role.PRIVACY_OFFICER.value:
        raise typer.BadParameter(f"a transfer package is made by a privacy officer (this export was made as {role})",
                                 param_hint="--username")
    return seal_file(export, out, key=DistrictKey.from_settings(settings), district_name=settings.district_name)


IMPORT_TIMEOUT_SECONDS = 3600     # the gateway answers once every artifact is attached (a 1 GB package: minutes)


def upload(url: str, token: str, package: pathlib.Path, student: str, reason: str, quiet: bool) -> dict:
    """POST the package to the gateway's import with an upload progress bar; the gateway's report."""
    query = urllib.parse.urlencode({"student": student, "reason": reason})
    size = package.stat().st_size
    with Progress(TextColumn("upload"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  disable=quiet) as progress, progress.open(package, "rb", total=size) as body:
        request = urllib.request.Request(f"{url}/api/v1/passport/imports?{query}", data=body, method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/zip", "Content-Length": str(size)})
        with urllib.request.urlopen(request, timeout=IMPORT_TIMEOUT_SECONDS) as answer:  # noqa: S310
            return json.loads(answer.read())


def register(passport: typer.Typer) -> None:
    @passport.command("transfer")
    def transfer_command(
            student: Annotated[str, typer.Argument(help="The student's id.")],
            out: Annotated[pathlib.Path, typer.Option("--out", help="The package (zip) to write.", dir_okay=False)],
            reason: Annotated[str, typer.Option(help="The records request (the receiving district's request; "
                                                     "audited by every service).")],
            username: Annotated[str, typer.Option(help="Sign in as a privacy officer (password from stdin).")] = "",
            url: Annotated[str, typer.Option(envvar="GATEWAY_PUBLIC_URL",
                                             help="The gateway's URL.")] = "http://127.0.0.1:8000",
            quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False) -> None:
        """Make STUDENT's transfer package: the passport export plus a manifest signed by the district key
        (SKILLFOLIO_DISTRICT_SIGNING_KEY), for another district to import."""
        url = url.rstrip("/")
        with tempfile.TemporaryDirectory(prefix="transfer-") as scratch:
            export = pathlib.Path(scratch) / "passport.zip"
            try:
                with gateway_answers(url):
                    download(url, _token(url, username), student, reason, export, quiet)
                manifest = sealed_transfer(export, out, PlatformSettings())
            except KeyConfigurationError as error:
                typer.echo(f"error: {error}", err=True)
                raise typer.Exit(1) from None
        typer.echo(f"{out}: {len(manifest['files'])} files signed by {manifest['district']['kid']}")

    @passport.command("check-transfer")
    def check_transfer_command(
            package: Annotated[pathlib.Path, typer.Argument(help="The transfer package (zip).", exists=True,
                                                            dir_okay=False)],
            student: Annotated[str, typer.Option("--student", help="The local student's sourcedId.")],
            trusted: Annotated[str, typer.Option(envvar=TRUSTED_SETTING, help=(
                "The sending districts trusted: comma-separated JWKS files (a district's /.well-known/jwks.json, "
                "saved and checked by an operator) or folders of them. Keys are never fetched at import."))] = "",
    ) -> None:
        """Verify a transfer package (signature, every file's digest, nothing missing or extra) and show what it
        brings for the local student SOURCED_ID; writes nothing. A package that fails is refused with the reason
        (exit 1)."""
        try:
            manifest = verify_package(package, TrustedDistricts.from_setting(trusted))
        except TransferRefused as error:
            typer.echo(f"refused: {error}", err=True)
            raise typer.Exit(1) from None
        with zipfile.ZipFile(package) as archive:
            passport_json = json.loads(archive.read("passport.json"))
        found = plan(manifest, passport_json, [])
        typer.echo(f"verified: {len(manifest['files'])} files from {found.district_name} ({found.district_id}), "
                   f"student {found.student_sourced_id}, {len(found.artifacts)} artifacts, made "
                   f"{manifest['created_at']}")
        if student != found.student_sourced_id:
            typer.echo(f"note: the package's student is {found.student_sourced_id}; the plan is for {student}")

    @passport.command("import")
    def import_command(
            package: Annotated[pathlib.Path, typer.Argument(help="The transfer package (zip).", exists=True,
                                                            dir_okay=False)],
            student: Annotated[str, typer.Option("--student", help="The local student's sourcedId.")],
            reason: Annotated[str, typer.Option(help="The records request (audited by every service).")],
            username: Annotated[str, typer.Option(help="Sign in as a privacy officer (password from stdin).")] = "",
            url: Annotated[str, typer.Option(envvar="GATEWAY_PUBLIC_URL",
                                             help="The gateway's URL.")] = "http://127.0.0.1:8000",
            quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False) -> None:
        """Import another district's transfer package into the local student SOURCED_ID's portfolio: the gateway
        verifies it (signature of a district in SKILLFOLIO_TRUSTED_DISTRICTS, every file's digest) before writing
        anything, maps the skills, and attaches each artifact read-only with its origin. A refused package exits 2
        with the reason; running an import again resumes one that failed part-way, recording nothing twice."""
        url = url.rstrip("/")
        with gateway_answers(url):
            report = upload(url, _token(url, username), package, student, reason, quiet)
        typer.echo(f"imported {report['artifacts']} artifacts ({report['resumed']} held already, {report['files']} "
                   f"files sent) from {report['district_name']} for student {report['student_sourced_id']}; "
                   f"{report['mapped_skills']} skills mapped, {len(report['unmapped_skills'])} kept as history")
        for skipped in report["skipped"]:
            typer.echo(f"not imported: {skipped}")

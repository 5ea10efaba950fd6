"""`skillfolio passport verify FILE`: check an Open Badges 3.0 / CLR 2.0 credential (VC-JWT) the way an outside
verifier does: the issuer's key from its did:web document (or ``--key``), the claims, the JSON Schema, the validity
window and the revocation status list (fetched from the URL the credential names, or ``--status-list``)."""
from __future__ import annotations

import json
import pathlib
import urllib.request
from typing import Annotated

import typer

from chassis.grpc.principal import load_public_key
from chassis.signing import SignatureError, did_web_url, public_key_from_jwk
from chassis.vc.verify import read_token, verify

TIMEOUT_SECONDS = 10


def fetch(url: str) -> str:
    """GET ``url`` (http or https only) as text."""
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"will not fetch {url!r}: only http(s) URLs")
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310 (scheme checked above)
        return answer.read().decode()


def did_key(kid: str):
    """The key ``kid`` names, from its did:web document's verification methods."""
    did = kid.split("#")[0]
    if not did.startswith("did:web:"):
        raise LookupError(f"cannot resolve {kid!r}: only did:web issuers (or give --key)")
    document = json.loads(fetch(did_web_url(did)))
    for method in document.get("verificationMethod", []):
        if method.get("id") == kid and method.get("publicKeyJwk"):
            return public_key_from_jwk(method["publicKeyJwk"])
    raise LookupError(f"the did:web document of {did} has no key {kid!r}")


def register(passport: typer.Typer) -> None:
    @passport.command("verify")
    def verify_command(
            file: Annotated[pathlib.Path, typer.Argument(help="A credential: its VC-JWT, or the API's JSON with `jwt`.",
                                                         exists=True, dir_okay=False, readable=True)],
            key: Annotated[pathlib.Path | None, typer.Option(
                help="The issuer's PEM public key, instead of fetching its did:web document.")] = None,
            status_list: Annotated[pathlib.Path | None, typer.Option(
                help="The issuer's status list (VC-JWT) saved to a file, instead of fetching it.")] = None,
            as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False) -> None:
        """Check a credential's signature, claims, schema, validity and revocation; exit 1 saying why if it fails."""
        try:
            token = read_token(file.read_text(encoding="utf-8"))
        except (SignatureError, UnicodeDecodeError) as error:
            typer.echo(f"{file}: {error}", err=True)
            raise typer.Exit(1) from None
        given = load_public_key(str(key), "--key") if key else None
        keys = (lambda kid: given) if given is not None else did_key
        lists = (lambda url: status_list.read_text(encoding="utf-8")) if status_list else fetch
        verdict = verify(token, keys, lists)
        if as_json:
            typer.echo(json.dumps({"verified": verdict.verified, "revoked": verdict.revoked,
                                   "reasons": verdict.reasons, "checks": [c.__dict__ for c in verdict.checks]}))
        else:
            name = verdict.credential.get("name") or verdict.credential.get("id") or file.name
            for check in verdict.checks:
                typer.echo(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.message}")
            typer.echo(f"{name}: {'VERIFIED' if verdict.verified else 'NOT VERIFIED'}"
                       f"{' (revoked)' if verdict.revoked else ''}")
        if not verdict.verified:
            raise typer.Exit(1)

"""Verify a transfer package on the receiving district: a trusted sending district's signature over the manifest,
then every file's size and SHA-256, and no file missing or extra. Anything wrong raises :class:`TransferRefused`
with the reason, before anything is written. Trust is configured (JWKS files), never fetched from the network."""
from __future__ import annotations

import json
import pathlib
import zipfile
from dataclasses import dataclass
from typing import IO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from chassis.signing import SignatureError, jws_parts, public_key_from_jwk, verify_jws
from chassis.transfer import FORMAT, FORMAT_VERSION, JWS_TYP, MANIFEST_PATH, digest

TRUSTED_SETTING = "SKILLFOLIO_TRUSTED_DISTRICTS"


class TransferRefused(ValueError):
    """The package is not accepted; ``str(error)`` says why."""


@dataclass(frozen=True)
class TrustedDistricts:
    """The sending districts this district accepts packages from: key id -> public key."""

    keys: dict[str, Ed25519PublicKey]

    @classmethod
    def from_jwks(cls, *documents: dict) -> TrustedDistricts:
        keys: dict[str, Ed25519PublicKey] = {}
        for document in documents:
            for jwk in document.get("keys", []):
                if jwk.get("kid"):
                    keys[jwk["kid"]] = public_key_from_jwk(jwk)
        return cls(keys)

    @classmethod
    def from_setting(cls, value: str) -> TrustedDistricts:
        """From ``SKILLFOLIO_TRUSTED_DISTRICTS``: comma-separated JWKS files (each district's
        /.well-known/jwks.json, saved by an operator who checked it) or folders of ``*.json`` such files."""
        paths: list[pathlib.Path] = []
        for part in filter(None, (p.strip() for p in value.split(","))):
            path = pathlib.Path(part)
            paths.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
        try:
            return cls.from_jwks(*(json.loads(p.read_text()) for p in paths))
        except (OSError, ValueError, SignatureError) as error:
            raise TransferRefused(f"the trusted districts ({TRUSTED_SETTING}) cannot be read: {error}") from None


def _safe(path: str) -> bool:
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and ".." not in parts and "\\" not in path and "" not in parts


def _manifest(archive: zipfile.ZipFile, trusted: TrustedDistricts) -> dict:
    try:
        token = archive.read(MANIFEST_PATH).decode()
    except KeyError:
        raise TransferRefused(f"no signed manifest ({MANIFEST_PATH}): not a transfer package") from None
    except (zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise TransferRefused(f"the manifest cannot be read: {error}") from None
    try:
        header = jws_parts(token)[0]
        kid = header.get("kid", "")
        if kid not in trusted.keys:
            raise TransferRefused(f"signed by {kid or 'an unnamed key'}, which is not a trusted district's key "
                                  f"(add its JWKS to {TRUSTED_SETTING})")
        header, payload = verify_jws(token, trusted.keys[kid])
    except SignatureError as error:
        raise TransferRefused(f"the manifest's signature is not valid: {error}") from None
    if header.get("typ") != JWS_TYP:
        raise TransferRefused(f"the signed document is not a transfer manifest (typ {header.get('typ')!r})")
    manifest = json.loads(payload)
    if manifest.get("format") != FORMAT or str(manifest.get("format_version", "")).split(".")[0] != \
            FORMAT_VERSION.split(".")[0]:
        raise TransferRefused(f"unsupported package format {manifest.get('format')} "
                              f"{manifest.get('format_version')} (this district reads {FORMAT} {FORMAT_VERSION})")
    district = manifest.get("district") or {}
    if district.get("kid") != kid or not kid.startswith(f"{district.get('id')}#"):
        raise TransferRefused("the manifest names another district or key than the one that signed it")
    return manifest


def verify_archive(archive: zipfile.ZipFile, trusted: TrustedDistricts) -> dict:
    """The verified manifest of an open archive; :class:`TransferRefused` otherwise."""
    manifest = _manifest(archive, trusted)
    listed = {entry["path"]: entry for entry in manifest.get("files", [])}
    names = [info.filename for info in archive.infolist() if not info.is_dir() and info.filename != MANIFEST_PATH]
    if len(set(names)) != len(names):
        raise TransferRefused("the archive holds the same file name twice")
    unsafe = sorted(name for name in set(names) | set(listed) if not _safe(name))
    if unsafe:
        raise TransferRefused(f"unsafe file names: {', '.join(unsafe[:5])}")
    missing, extra = sorted(set(listed) - set(names)), sorted(set(names) - set(listed))
    if missing:
        raise TransferRefused(f"{len(missing)} file(s) listed in the manifest are missing: {', '.join(missing[:5])}")
    if extra:
        raise TransferRefused(f"{len(extra)} file(s) are not in the manifest: {', '.join(extra[:5])}")
    for name in names:
        try:
            with archive.open(name) as reading:
                size, sha = digest(reading)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise TransferRefused(f"{name} cannot be read (damaged or truncated): {error}") from None
        if size != listed[name]["size"] or sha != listed[name]["sha256"]:
            raise TransferRefused(f"{name} does not match its digest in the manifest: the package was altered")
    return manifest


def verify_package(source: str | pathlib.Path | IO[bytes], trusted: TrustedDistricts) -> dict:
    """Open and verify a package (a path or a binary file); the manifest, or :class:`TransferRefused`."""
    try:
        with zipfile.ZipFile(source) as archive:
            return verify_archive(archive, trusted)
    except (zipfile.BadZipFile, EOFError) as error:
        raise TransferRefused(f"not a complete zip archive (truncated or damaged): {error}") from None
    except (OSError, ValueError) as error:
        if isinstance(error, TransferRefused):
            raise
        raise TransferRefused(f"the package cannot be read: {error}") from None

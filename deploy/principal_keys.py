"""Creates an Ed25519 key pair once: the gateway's principal-signing pair (docker compose `principal-keys`) or the
district's credential-signing pair (`district-keys`, NAME district).

`principal_keys.py PRIVATE_DIR PUBLIC_DIR [NAME]` writes PRIVATE_DIR/NAME.pem (0600, only its signer mounts it)
and PUBLIC_DIR/NAME.pub (what verifiers use); NAME defaults to principal. An existing private key is kept and its
public key rewritten from it, so re-running is harmless and the pair always matches.
"""
from __future__ import annotations

import os
import pathlib
import sys

from cryptography.hazmat.primitives import serialization

from chassis.grpc.principal import generate_keypair


def ensure_keypair(private_dir: pathlib.Path, public_dir: pathlib.Path, name: str = "principal") -> str:
    private_path, public_path = private_dir / f"{name}.pem", public_dir / f"{name}.pub"
    if private_path.exists():
        private = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
        public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        outcome = "kept the existing key pair"
    else:
        private_pem, public_pem = generate_keypair()
        descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(private_pem)
        outcome = "generated a new key pair"
    public_path.write_text(public_pem)
    public_path.chmod(0o644)
    return f"{name} keys: {outcome} ({private_path}, {public_path})"


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: principal_keys.py PRIVATE_DIR PUBLIC_DIR [NAME]")
    print(ensure_keypair(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), *sys.argv[3:]))

"""Verifiable credentials (W3C VC 2.0 as Open Badges 3.0 and CLR 2.0 use them): VC-JWT signing, Bitstring Status
Lists, the vendored JSON Schemas and verification; the core (no schema check) needs only the chassis core."""

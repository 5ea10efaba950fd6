"""W3C Bitstring Status List: the revocation list (at least 131,072 entries, GZIP-compressed, multibase base64url
'u' prefix), its entry in each credential, and the ``BitstringStatusListCredential`` that carries it."""
from __future__ import annotations

import base64
import gzip

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
LIST_SIZE = 131_072          # entries (16 KB): the minimum the specification sets, for herd privacy
PURPOSE = "revocation"
LIST_PATH = "/credentials/status/1"    # where a district's gateway serves its list (one list per district)


def encode(revoked: set[int], size: int = LIST_SIZE) -> str:
    """The encodedList for a list where the ``revoked`` indexes are set (index 0 is the first byte's high bit)."""
    bits = bytearray(size // 8)
    for index in revoked:
        if not 0 <= index < size:
            raise ValueError(f"status index {index} is outside the list (0..{size - 1})")
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode()


def is_set(encoded_list: str, index: int) -> bool:
    if not encoded_list.startswith("u"):
        raise ValueError("encodedList is not multibase base64url (it must start with 'u')")
    body = encoded_list[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"status index {index} is outside the list of {len(bits) * 8} entries")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def entry(list_url: str, index: int) -> dict:
    """A credential's ``credentialStatus`` pointing at entry ``index`` of the list at ``list_url``."""
    return {"id": f"{list_url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": PURPOSE,
            "statusListIndex": str(index), "statusListCredential": list_url}


def list_credential(list_url: str, issuer: dict, valid_from: str, revoked: set[int]) -> dict:
    return {"@context": [VC2_CONTEXT], "id": list_url, "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": issuer, "validFrom": valid_from,
            "credentialSubject": {"id": f"{list_url}#list", "type": "BitstringStatusList", "statusPurpose": PURPOSE,
                                  "encodedList": encode(revoked)}}

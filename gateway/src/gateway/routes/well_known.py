"""The district's published verification material, public: its key as a JWKS (/.well-known/jwks.json) and as a
``did:web`` document (/.well-known/did.json), and its signed Bitstring Status List (/credentials/status/1)."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from chassis.grpc.principal import KeyConfigurationError
from chassis.signing import DistrictKey
from chassis.vc.jwt import MEDIA_TYPE
from chassis.vc.status import LIST_PATH
from gateway.clients.backends import BackendsDep
from gateway.usecases import credentials

router = APIRouter(tags=["credentials"])
CACHE = {"Cache-Control": "public, max-age=300"}


class JwkSetResponse(JSONResponse):
    """A JSON Web Key Set (RFC 7517), served and documented under its own media type."""

    media_type = "application/jwk-set+json"


class DidDocumentResponse(JSONResponse):
    """A DID document (W3C DID Core), served and documented under its own media type."""

    media_type = "application/did+json"


def published_key(request: Request) -> DistrictKey:
    """The district's public key (cached on the app); 503 naming the setting when none is configured."""
    state = request.app.state
    if getattr(state, "district_key", None) is None:
        try:
            state.district_key = credentials.district_key(state.platform)
        except KeyConfigurationError as error:
            raise HTTPException(503, f"the district key is not configured: {error}") from None
    return state.district_key


@router.get("/.well-known/jwks.json", summary="The district's signing key (Ed25519) as a JSON Web Key Set",
            response_class=JwkSetResponse)
async def jwks(request: Request) -> JwkSetResponse:
    return JwkSetResponse(published_key(request).jwks(), headers=CACHE)


@router.get("/.well-known/did.json", summary="The district's did:web document (its assertion key)",
            response_class=DidDocumentResponse)
async def did_document(request: Request) -> DidDocumentResponse:
    return DidDocumentResponse(published_key(request).did_document(), headers=CACHE)


@router.get(LIST_PATH, summary="The district's revocation list: a BitstringStatusListCredential as VC-JWT",
            response_class=Response, responses={200: {"content": {MEDIA_TYPE: {}}}})
async def status_list(request: Request, backends: BackendsDep) -> Response:
    return Response(await credentials.status_list(backends), media_type=MEDIA_TYPE,
                    headers={"Cache-Control": "no-cache"})

"""The interactive API docs (/docs): Swagger UI served from this gateway (the pinned ``fastapi-offline`` package
ships its files), so the page works without internet and loads nothing from another origin."""
from __future__ import annotations

import importlib.resources

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"   # swagger-ui-bundle.js, swagger-ui.css, favicon.png (Swagger UI 5, OpenAPI 3.1)
ASSETS_DIR = importlib.resources.files("fastapi_offline") / "static"
# Only this origin: the UI's script and styles, the page's init script (/static/docs.js), the document, Try-it-out.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Skillfolio API</title>
  <link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
  <link rel="icon" href="{ASSETS}/favicon.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{ASSETS}/swagger-ui-bundle.js"></script>
  <script src="/static/docs.js"></script>
</body>
</html>
"""

router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def docs() -> HTMLResponse:
    return HTMLResponse(PAGE, headers={"Content-Security-Policy": CSP})


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(ASSETS, StaticFiles(directory=str(ASSETS_DIR)), name="docs-assets")

"""The web app (web/ at the top of the tree), served at / on the API's own origin: its
page, and its modules and styles under /app/. No build step: standard modules the browser
loads as they are, each revalidated (ETag) rather than cached blind, so a deploy is seen
at the next load."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

WEB_ROOT = Path(__file__).resolve().parents[2] / "web"
REVALIDATE = {"Cache-Control": "no-cache"}


class AppFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope):
        response = await super().get_response(path, scope)
        response.headers.update(REVALIDATE)
        return response


def install(app: FastAPI) -> None:
    if not WEB_ROOT.is_dir():  # an image built without the app still serves the API
        return
    app.mount("/app", AppFiles(directory=WEB_ROOT / "app"), name="app")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(WEB_ROOT / "index.html", headers=REVALIDATE)

    # Meta's login sends the person back here (the redirect URI): the app finishes it.
    @app.get("/connect/callback", include_in_schema=False)
    async def meta_login_callback() -> FileResponse:
        return FileResponse(WEB_ROOT / "index.html", headers=REVALIDATE)

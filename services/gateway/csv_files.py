"""A file answer the browser saves (an export, a report)."""

from fastapi import Response


def attachment(text: str, filename: str, *, truncated: bool | None = None) -> Response:
    """`truncated` (for exports that stop at a bound): said in X-Postflow-Truncated."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if truncated is not None:
        headers["X-Postflow-Truncated"] = "true" if truncated else "false"
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


def download(content: bytes, filename: str, content_type: str) -> Response:
    return Response(
        content,
        media_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

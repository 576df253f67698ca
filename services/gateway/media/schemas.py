"""Request bodies of /api/v1/media."""

from typing import Any, Literal

from pydantic import Field

from services.gateway.requests import INT32_MAX, Items, RequestBody, documented


class MediaEditIn(RequestBody):
    operations: Items(Any) = Field(
        description='Applied in order, each {"op": name, ...}: crop, rotate, flip, resize, filter, text, '
        "watermark (images); trim, scale, mute (videos)"
    )


class BrandingIn(RequestBody):
    logo_media_id: str
    position: Literal["top-left", "top-right", "bottom-left", "bottom-right", "center"] = "bottom-right"
    # Stated for clients; the media service checks both and names every problem at once.
    scale_percent: int = Field(
        15,
        ge=-INT32_MAX,
        le=INT32_MAX,
        description="2 to 50",
        json_schema_extra={"minimum": 2, "maximum": 50},
    )
    opacity_percent: int = Field(
        80,
        ge=-INT32_MAX,
        le=INT32_MAX,
        description="5 to 100",
        json_schema_extra={"minimum": 5, "maximum": 100},
    )
    enabled: bool = True


class MediaUpdateIn(RequestBody):
    description: str | None = None
    alt_text: str | None = None
    tags: Items(documented(maxLength=100), 30) | None = Field(
        None, description="Replaces the tags when given"
    )

"""Request bodies of /api/v1/posts and its sub-resources."""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from protos import posts_pb2
from services.gateway.proto_json import to_message
from services.gateway.requests import MAX_IDS, Caption, Int32, Items, Metadata, RequestBody, documented

# The posts service's limits on tags (services/posts/rules.py), stated for clients.
MAX_TAGS = 30
Tag = documented(maxLength=50)

CONTENT_FIELDS = ("caption", "hashtags", "media", "post_type", "tags", "metadata")
POST_TYPES = ["photo", "video", "carousel", "reel", "story"]
PostType = Literal["photo", "video", "carousel", "reel", "story"]
# In a body the posts service checks the type, so that every problem of a post is named in
# one answer; the document still lists the allowed values.
PostTypeField = Annotated[str, Field(json_schema_extra={"enum": POST_TYPES})]


class PostMediaIn(RequestBody):
    media_id: str | None = Field(None, description="An item of your media library")
    url: str | None = Field(None, description="Or a public http(s) URL")


class PostChanges(RequestBody):
    """Content fields to change; fields left out keep their current value."""

    caption: Caption | None = None
    hashtags: Items(str) | None = Field(None, description='With or without "#"')
    media: Items(PostMediaIn) | None = None
    post_type: PostTypeField | None = None
    tags: Items(Tag, MAX_TAGS) | None = Field(None, description="Your own labels")
    metadata: Metadata | None = None

    def content(self) -> posts_pb2.PostContent:
        """The content fields the body carries; those it leaves out stay unset."""
        return to_message(
            self.model_dump(include=set(CONTENT_FIELDS), exclude_none=True), posts_pb2.PostContent
        )

    def sent_fields(self) -> list[str]:
        """The content fields the client sent: the update mask."""
        return [name for name in CONTENT_FIELDS if name in self.model_fields_set]


class PostContentIn(PostChanges):
    caption: Caption = ""
    hashtags: Items(str) = Field(default_factory=list, description='With or without "#"')
    media: Items(PostMediaIn) = Field(default_factory=list)
    post_type: PostTypeField = "photo"
    tags: Items(Tag, MAX_TAGS) = Field(default_factory=list, description="Your own labels")
    metadata: Metadata = Field(default_factory=dict)


class PostCreate(PostContentIn):
    change_reason: str = ""


class PostUpdate(PostChanges):
    version: Int32 = Field(description="The version your edit is based on (a stale one is a 409)")
    change_reason: str = ""


class AutosaveIn(PostChanges):
    base_version: Int32 = Field(0, description="The version being edited; 0 means the current one")


class RestoreVersionIn(RequestBody):
    version: Int32 = Field(description="The post's current version (optimistic concurrency)")


class DuplicateIn(RequestBody):
    template_name: documented(maxLength=100) | None = Field(
        None, description="Set to save the copy as a named template (empty or absent: a plain copy)"
    )


class BulkIn(RequestBody):
    # tag and untag need tags; JSON Schema says so with if/then.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"action": {"enum": ["tag", "untag"]}}, "required": ["action"]},
            "then": {"properties": {"tags": {"minItems": 1}}, "required": ["tags"]},
        }
    )

    action: Literal["delete", "restore", "tag", "untag", "duplicate", "schedule", "unschedule"]
    post_ids: Annotated[list[str], Field(min_length=1, max_length=MAX_IDS)]
    tags: Items(str) = Field(default_factory=list, description="For tag and untag")
    # For schedule: either start_time + interval_minutes (posts in post_ids order) or times.
    account_id: str = ""
    timezone: str = ""
    start_time: str = Field("", description="Local time of the first post, e.g. 2027-03-28T09:00")
    interval_minutes: float = Field(
        0, description="Minutes between consecutive posts", json_schema_extra={"minimum": 0}
    )
    times: Items(str, MAX_IDS) = Field(default_factory=list, description="Or one local time per post")
    prefer: Literal["earlier", "later"] = "earlier"

"""Request bodies of /api/v1/posts and its sub-resources."""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from lib import post_types
from lib.common.errors import invalid_field
from protos import posts_pb2
from services.gateway.proto_json import to_message
from services.gateway.requests import (
    MAX_IDS,
    SCHEDULE_TIME_PATTERN,
    Caption,
    Int32,
    Items,
    Metadata,
    RequestBody,
    documented,
)

# The posts service's limits on tags (services/posts/rules.py), stated for clients.
MAX_TAGS = 30
Tag = documented(maxLength=50)

CONTENT_FIELDS = ("caption", "hashtags", "media", "media_urls", "post_type", "tags", "metadata", "options")
# A time with or without an offset; the posts service reads it (and names its problems).
PlannedTime = documented(maxLength=64, pattern=SCHEDULE_TIME_PATTERN)
POST_TYPES = list(post_types.POST_TYPES)
PostType = Literal["photo", "video", "carousel", "reel", "story"]
# In a body the posts service checks the type, so that every problem of a post is named in
# one answer; the document still lists the allowed values.
PostTypeField = Annotated[str, Field(json_schema_extra={"enum": POST_TYPES})]


class UserTagIn(RequestBody):
    username: str = Field(description="Their Instagram username, without @", max_length=64)
    x: float | None = Field(None, description="From the left edge, 0 to 1 (photos: required)")
    y: float | None = Field(None, description="From the top edge, 0 to 1 (photos: required)")


class MediaSourceIn(RequestBody):
    media_id: str | None = Field(None, description="An item of your media library")
    url: str | None = Field(None, description="Or a public http(s) URL")


class PostMediaIn(MediaSourceIn):
    alt_text: str | None = Field(
        None, description="Images: the text Instagram reads out for the picture (default: the library item's)"
    )
    user_tags: Items(UserTagIn, 50) = Field(
        default_factory=list,
        description="People tagged: on photos at a place (x, y), on reels by name, on stories either way",
    )


class PublishOptionsIn(RequestBody):
    """What Instagram is asked besides the media and the caption; which kinds of post take
    which option is Instagram's, checked when the post is saved."""

    first_comment: Caption = Field(
        "", description="Posted as a comment right after the post (not on stories)"
    )
    location_id: str = Field("", description="A Facebook Page id with a location (not on stories)")
    location_name: str = Field("", description="The location's name, as shown in Postflow")
    collaborators: Items(str, 10) = Field(
        default_factory=list,
        description="Up to 3 Instagram usernames invited as collaborators (not on stories)",
    )
    share_to_feed: bool | None = Field(None, description="Reels: also shown in the profile's feed")
    cover: MediaSourceIn | None = Field(None, description="Reels: a cover picture, a library image or a URL")
    thumb_offset_ms: Int32 | None = Field(None, description="Reels: the frame used as the cover, in ms")
    audio_name: str = Field("", description="Reels: the name of the reel's original audio")
    # Checked by the posts service, with the post's other problems in one answer (as post_type).
    trial: str = Field(
        "",
        description="Reels: a trial reel, shown first to non-followers (manual or ss_performance)",
        json_schema_extra={"enum": ["", "manual", "ss_performance"]},
    )
    publish_myself: bool = Field(
        False,
        description="You publish it yourself (what Meta's API cannot publish: a story with stickers or "
        "links, music on a reel, a personal account): at its planned time you get a reminder with its "
        "media and caption, and mark it done",
    )


class PostChanges(RequestBody):
    """Content fields to change; fields left out keep their current value."""

    caption: Caption | None = None
    hashtags: Items(str) | None = Field(None, description='With or without "#"; kept as written')
    media: Items(PostMediaIn) | None = None
    media_urls: Items(str) | None = Field(
        None,
        description="The brief's form of media: each a public http(s) URL, or an item of your media "
        "library by id or file name",
    )
    post_type: PostTypeField | None = None
    tags: Items(Tag, MAX_TAGS) | None = Field(None, description="Your own labels")
    metadata: Metadata | None = None
    options: PublishOptionsIn | None = Field(
        None, description="First comment, location, collaborators and a reel's options; replaced as a whole"
    )

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
    hashtags: Items(str) = Field(default_factory=list, description='With or without "#"; kept as written')
    media: Items(PostMediaIn) = Field(default_factory=list)
    media_urls: Items(str) = Field(
        default_factory=list,
        description="The brief's form of media: each a public http(s) URL, or an item of your media "
        "library by id or file name",
    )
    post_type: PostTypeField = "photo"
    tags: Items(Tag, MAX_TAGS) = Field(default_factory=list, description="Your own labels")
    metadata: Metadata = Field(default_factory=dict)
    options: PublishOptionsIn = Field(default_factory=PublishOptionsIn)


class PlannedTimeIn(RequestBody):
    scheduled_for: PlannedTime | None = Field(
        None,
        description="A draft's planned time (ISO 8601; with an offset or Z that instant, without one "
        "in `timezone` or else your own zone): on the calendar, not published until scheduled",
    )
    timezone: str = Field("", description="IANA time zone of a scheduled_for without offset")

    def planned(self) -> dict[str, str]:
        return {"planned_time": self.scheduled_for or "", "planned_timezone": self.timezone}


CREATE_EXAMPLES = {
    "brief": {
        "summary": "The brief's form: media_urls, hashtags as written, a planned time",
        "value": {
            "caption": "Test caption for home decor post",
            "hashtags": ["#homeDecor", "#modern", "#style"],
            "media_urls": ["https://example.com/image.jpg"],
            "post_type": "photo",
            "tags": ["furniture", "modern"],
            "scheduled_for": "2027-02-15T14:00:00",
        },
    },
    "rich": {
        "summary": "The richer form: media items (library id or URL), metadata, a change reason",
        "value": {
            "caption": "Morning light over the harbour",
            "hashtags": ["harbour", "#sunrise"],
            "media": [
                {"media_id": "6f1d2c3b-0000-4000-8000-000000000001"},
                {"url": "https://cdn.example.com/b.jpg"},
            ],
            "post_type": "carousel",
            "tags": ["spring-campaign"],
            "metadata": {"shoot": {"camera": "X100V"}},
            "change_reason": "first draft",
        },
    },
}


class CampaignIn(RequestBody):
    campaign_id: str | None = Field(
        None, max_length=64, description="One of your campaigns (not content: no new version); null: none"
    )


class PostCreate(PostContentIn, PlannedTimeIn, CampaignIn):
    change_reason: str = ""


class PostUpdate(PostChanges, PlannedTimeIn, CampaignIn):
    version: Int32 = Field(description="The version your edit is based on (a stale one is a 409)")
    change_reason: str = ""

    def sent_fields(self) -> list[str]:
        others = [name for name in ("scheduled_for", "campaign_id") if name in self.model_fields_set]
        return super().sent_fields() + others


class AutosaveIn(PostChanges):
    base_version: Int32 = Field(0, description="The version being edited; 0 means the current one")


class RestoreVersionIn(RequestBody):
    version: Int32 = Field(description="The post's current version (optimistic concurrency)")


class DuplicateIn(RequestBody):
    template_name: documented(maxLength=100) | None = Field(
        None, description="Set to save the copy as a named template (empty or absent: a plain copy)"
    )


BULK_ACTIONS = ["delete", "restore", "tag", "untag", "duplicate", "schedule", "unschedule"]
BulkAction = Literal["delete", "restore", "tag", "untag", "duplicate", "schedule", "unschedule"]


class BulkOptions(RequestBody):
    """An operation's options: at the top level (the `action` form) or in `parameters`."""

    tags: Items(str) | None = Field(None, description="For tag and untag")
    # For schedule: either start_time + interval_minutes (posts in post_ids order) or times.
    account_id: str | None = Field(None, description="Absent: your default account")
    timezone: str | None = Field(None, description="Absent: your own zone")
    start_time: str | None = Field(
        None, description="Time of the first post: local (2027-03-28T09:00) or with an offset or Z"
    )
    interval_minutes: float | None = Field(
        None, description="Minutes between consecutive posts", json_schema_extra={"minimum": 0}
    )
    times: Items(str, MAX_IDS) | None = Field(None, description="Or one time per post")
    prefer: Literal["earlier", "later"] | None = None


BULK_EXAMPLES = {
    "brief": {
        "summary": "The brief's form: operation and its parameters (default account and zone)",
        "value": {
            "post_ids": ["6f1d2c3b-0000-4000-8000-000000000001", "6f1d2c3b-0000-4000-8000-000000000002"],
            "operation": "schedule",
            "parameters": {"start_time": "2027-02-15T09:00:00", "interval_minutes": 60},
        },
    },
    "action": {
        "summary": "The action form: options beside it",
        "value": {"action": "tag", "post_ids": ["6f1d2c3b-0000-4000-8000-000000000001"], "tags": ["q3"]},
    },
}


class BulkIn(BulkOptions):
    # Exactly one of action and operation; tag and untag need tags. JSON Schema says so.
    model_config = ConfigDict(
        json_schema_extra={
            # One of the two names, not null; the other absent or null.
            "oneOf": [
                {"required": ["action"], "properties": {"action": {"type": "string"}}},
                {"required": ["operation"], "properties": {"operation": {"type": "string"}}},
            ],
            "if": {"properties": {"action": {"enum": ["tag", "untag"]}}, "required": ["action"]},
            "then": {"properties": {"tags": {"minItems": 1}}, "required": ["tags"]},
        }
    )

    action: BulkAction | None = None
    operation: BulkAction | None = Field(None, description="The brief's name for action")
    parameters: BulkOptions | None = Field(None, description="The operation's options (the brief's form)")
    post_ids: Annotated[list[str], Field(min_length=1, max_length=MAX_IDS)]

    @model_validator(mode="after")
    def _one_form(self) -> "BulkIn":
        # A ServiceError, not a ValueError: it names the field (pydantic would say "body").
        if (self.action is None) == (self.operation is None):
            raise invalid_field("action", "send either action or operation (the same thing), not both")
        if self.parameters is not None:
            for name in self.parameters.model_fields_set:
                if name in self.model_fields_set and getattr(self, name) != getattr(self.parameters, name):
                    raise invalid_field(f"parameters.{name}", "differs from the top-level one; send it once")
        return self

    def chosen_action(self) -> str:
        return self.action or self.operation or ""

    def option(self, name: str, default):
        """An option from parameters, else the top level, else its default."""
        if self.parameters is not None and name in self.parameters.model_fields_set:
            value = getattr(self.parameters, name)
        else:
            value = getattr(self, name)
        return default if value is None else value

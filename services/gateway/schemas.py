"""The REST API's request and response bodies (what /docs shows)."""

import json
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

INT32_MAX = 2**31 - 1
# Version numbers and limits travel as int32 over gRPC.
Int32 = Annotated[int, Field(ge=0, le=INT32_MAX)]


# Ceilings on what a client may send, checked before any service sees it: every string has
# one (the services' own, tighter rules still say precisely what is wrong below it), and so
# has every list. Without them a 1 MB string reached every service's validation.
MAX_TEXT = 4096
MAX_CAPTION = 20_000  # autosaves keep drafts longer than Instagram's 2,200
MAX_ITEMS = 100
MAX_IDS = 1000


def Items(item: Any, max_items: int = MAX_ITEMS) -> Any:  # noqa: N802 - reads as a type
    """A list of at most max_items items."""
    return Annotated[list[item], Field(max_length=max_items)]


Caption = Annotated[str, Field(max_length=MAX_CAPTION)]
MAX_METADATA_BYTES = 65_536
MAX_METADATA_DEPTH = 32


def _bounded_json(value: dict[str, Any]) -> dict[str, Any]:
    """Free-form JSON, but shallow and small: Python's own JSON handling recurses."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_METADATA_DEPTH:
            raise ValueError(f"nests deeper than {MAX_METADATA_DEPTH} levels")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        pending.extend((child, depth + 1) for child in children)
    if len(json.dumps(value)) > MAX_METADATA_BYTES:
        raise ValueError(f"is larger than {MAX_METADATA_BYTES} bytes as JSON")
    return value


Metadata = Annotated[dict[str, Any], AfterValidator(_bounded_json)]


class RequestBody(BaseModel):
    # Unknown fields and wrong JSON types are client mistakes worth a 422, not silent coercion.
    model_config = ConfigDict(extra="forbid", strict=True, str_max_length=MAX_TEXT)


# --- auth -----------------------------------------------------------------------------------


class RegisterIn(RequestBody):
    email: str
    password: str
    name: str = ""
    timezone: str = Field("UTC", description="IANA time zone, e.g. Europe/Paris")


class LoginIn(RequestBody):
    email: str
    password: str


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    timezone: str
    created_at: datetime | None


class TokenOut(BaseModel):
    user: UserOut
    access_token: str = Field(description="Send as Authorization: Bearer; short-lived (expires_in seconds)")
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str = Field(
        description="Exchange at /api/v1/auth/refresh for new tokens; works once (the answer has the next)"
    )
    refresh_expires_in: int


class RefreshIn(RequestBody):
    refresh_token: str


class PasswordChangeIn(RequestBody):
    current_password: str
    new_password: str


class PasswordResetIn(RequestBody):
    email: str


class PasswordResetConfirmIn(RequestBody):
    token: str = Field(description="From the reset email")
    new_password: str


class AuditEventOut(BaseModel):
    kind: str
    ip: str
    user_agent: str
    detail: dict[str, Any]
    created_at: datetime | None


class AuditPage(BaseModel):
    items: list[AuditEventOut]


# --- posts ----------------------------------------------------------------------------------


class MediaItem(RequestBody):
    media_id: str | None = Field(None, description="An item of your media library")
    url: str | None = Field(None, description="Or a public http(s) URL")


class PostContentIn(RequestBody):
    caption: Caption = ""
    hashtags: Items(str) = Field(default_factory=list, description='With or without "#"')
    media: Items(MediaItem) = Field(default_factory=list)
    post_type: str = Field("photo", description="photo, video, carousel, reel or story")
    tags: Items(str) = Field(default_factory=list, description="Your own labels")
    metadata: Metadata = Field(default_factory=dict)


class PostCreate(PostContentIn):
    change_reason: str = ""


class PostChanges(RequestBody):
    """Content fields to change; fields left out keep their current value."""

    caption: Caption | None = None
    hashtags: Items(str) | None = None
    media: Items(MediaItem) | None = None
    post_type: str | None = None
    tags: Items(str) | None = None
    metadata: Metadata | None = None


class PostUpdate(PostChanges):
    version: Int32 = Field(description="The version your edit is based on (a stale one is a 409)")
    change_reason: str = ""


class AutosaveIn(PostChanges):
    base_version: Int32 = Field(0, description="The version being edited; 0 means the current one")


class RestoreVersionIn(RequestBody):
    version: Int32 = Field(description="The post's current version (optimistic concurrency)")


class DuplicateIn(RequestBody):
    template_name: str | None = Field(None, description="Set to save the copy as a named template")


class BulkIn(RequestBody):
    action: str = Field(description="delete, restore, tag, untag, duplicate, schedule or unschedule")
    post_ids: Items(str, MAX_IDS)
    tags: Items(str) = Field(default_factory=list, description="For tag and untag")
    # For schedule: either start_time + interval_minutes (posts in post_ids order) or times.
    account_id: str = ""
    timezone: str = ""
    start_time: str = Field("", description="Local time of the first post, e.g. 2027-03-28T09:00")
    interval_minutes: float = Field(0, description="Minutes between consecutive posts")
    times: Items(str, MAX_IDS) = Field(default_factory=list, description="Or one local time per post")
    prefer: str = "earlier"


class WarningOut(BaseModel):
    field: str
    code: str
    message: str


class MediaOut(BaseModel):
    media_id: str | None = None
    url: str | None = None


class ContentOut(BaseModel):
    caption: str
    hashtags: list[str]
    media: list[MediaOut]
    post_type: str
    tags: list[str]
    metadata: dict[str, Any]


class PostOut(ContentOut):
    id: str
    status: str
    version: int
    template_name: str | None
    scheduled_for: datetime | None
    scheduled_local: str | None = None
    timezone: str | None
    optimal_time_score: float | None
    created_at: datetime | None
    updated_at: datetime | None
    deleted_at: datetime | None
    autosaved_at: datetime | None = None
    account_id: str | None = None
    instagram_media_id: str | None = None
    permalink: str | None = None
    published_at: datetime | None = None
    last_error: str | None = None
    # Set on an occurrence of a recurring series: the post the series copies.
    series_id: str | None = None
    metrics: "MetricsSampleOut | None" = Field(
        None, description="Published posts (GET of one post): the latest engagement figures"
    )


class MetricsSampleOut(BaseModel):
    collected_at: datetime | None
    age_seconds: int = Field(description="Seconds after publishing")
    likes: int
    comments: int
    shares: int
    saves: int
    reach: int
    views: int
    percentile_rank: float | None = Field(
        description="Reach against the account's earlier posts at the same age, 0-100 (null: none)"
    )


class MetricsSeriesOut(BaseModel):
    samples: list[MetricsSampleOut]


class PostSaved(PostOut):
    warnings: list[WarningOut] = Field(default_factory=list)


class PostPage(BaseModel):
    items: list[PostOut]
    next_cursor: str | None


class VersionOut(ContentOut):
    version: int
    changed_by: str
    change_reason: str
    created_at: datetime | None


class FieldChangeOut(BaseModel):
    field: str
    before: Any
    after: Any
    added: list[Any] | None = None
    removed: list[Any] | None = None
    text_diff: str | None = None


class DiffOut(BaseModel):
    from_version: int
    to_version: int
    changes: list[FieldChangeOut]


class AutosaveOut(ContentOut):
    post_id: str
    base_version: int
    saved_at: datetime | None


class BulkItemOut(BaseModel):
    post_id: str
    ok: bool
    error: dict[str, str] | None = None
    post: PostOut | None = None
    scheduled_for: datetime | None = None
    local_time: str | None = None


class BulkOut(BaseModel):
    succeeded: int
    failed: int
    results: list[BulkItemOut]


class HashtagSuggestionOut(BaseModel):
    hashtag: str
    score: float
    uses: int
    reason: str


class HashtagSuggestionsOut(BaseModel):
    suggestions: list[HashtagSuggestionOut]
    warnings: list[WarningOut]


# --- Instagram accounts -----------------------------------------------------------------


class AccountConnectIn(RequestBody):
    ig_user_id: str = Field(description="The Instagram professional account's numeric id")
    access_token: str = Field(description="A token allowed to publish for it; stored encrypted, never shown")


class AccountUpdateIn(RequestBody):
    min_gap_minutes: float | None = Field(
        None, description="Minutes required between two posts on this account (0 to 1440)"
    )


class AccountOut(BaseModel):
    id: str
    ig_user_id: str
    username: str
    connected_at: datetime | None
    min_gap_minutes: float


# --- scheduling -------------------------------------------------------------------------


class ScheduleIn(RequestBody):
    scheduled_time: str = Field(
        description="Local date and time in `timezone`, without offset, e.g. 2027-03-28T09:30"
    )
    timezone: str = Field(description="IANA time zone, e.g. Europe/Paris")
    account_id: str = Field(description="One of your connected Instagram accounts")
    prefer: str = Field(
        "earlier",
        description="For a local time that happens twice (clocks going back): earlier or later",
    )


class RecurrenceIn(RequestBody):
    rrule: str = Field(
        description="RFC 5545 RRULE on the local clock, e.g. FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30"
    )
    start_time: str = Field(
        description="First occurrence (unless the rule says otherwise), local, e.g. 2027-01-04T09:30"
    )
    timezone: str = Field(description="IANA time zone, e.g. Europe/Paris")
    account_id: str = Field(description="One of your connected Instagram accounts")


class RecurrenceOut(BaseModel):
    post_id: str
    account_id: str
    rrule: str
    start_time: str
    timezone: str
    status: str = Field(description="active, finished (no more occurrences) or stopped")
    upcoming: list[str] = Field(description="The next occurrences, local with offset")
    created_at: datetime | None
    stopped_at: datetime | None


class ScheduleOut(BaseModel):
    post_id: str
    scheduled_for: datetime | None = Field(description="UTC")
    local_time: str
    timezone: str
    ambiguity: str | None
    optimal_score: float


class PublishingStatusOut(BaseModel):
    post_id: str
    status: str
    scheduled_for: datetime | None
    timezone: str | None
    step: str
    attempts: int
    last_error: str | None
    next_retry: datetime | None
    instagram_media_id: str | None
    permalink: str | None
    published_at: datetime | None


# --- media ------------------------------------------------------------------------------


class MediaWarningOut(BaseModel):
    code: str
    message: str


class MediaOut(BaseModel):
    id: str
    kind: str = Field(description="image or video")
    status: str = Field(description="processing, ready or failed")
    filename: str
    original_format: str
    width: int
    height: int
    size_bytes: int
    original_size_bytes: int
    cdn_url: str | None = Field(description="The Instagram-ready file; expires at urls_expire_at")
    thumbnail_url: str | None
    urls_expire_at: datetime | None
    tags: list[str]
    description: str
    alt_text: str
    warnings: list[MediaWarningOut]
    failure_reason: str | None
    progress: int = Field(description="Percent of the background processing done (videos)")
    duration_seconds: float | None
    frame_rate: float | None
    video_codec: str | None
    audio_codec: str | None
    parent_id: str | None = Field(description="The item this one was edited from")
    edits: list[dict[str, Any]] = Field(description="Operations applied to the original")
    use_count: int = Field(description="Posts (not deleted) that use the item")
    last_used_at: datetime | None
    scheduled_post_ids: list[str] = Field(description="Scheduled posts that use it")
    created_at: datetime | None
    updated_at: datetime | None


class MediaEditIn(RequestBody):
    operations: Items(Any) = Field(
        description='Applied in order, each {"op": name, ...}: crop, rotate, flip, resize, filter, text, '
        "watermark (images); trim, scale, mute (videos)"
    )


class MediaSuggestionOut(BaseModel):
    code: str
    message: str
    operation: dict[str, Any] | None = Field(description="POST it to /edit to apply the suggestion")


class MediaSuggestionsOut(BaseModel):
    items: list[MediaSuggestionOut]


class BrandingIn(RequestBody):
    logo_media_id: str
    position: str = "bottom-right"
    scale_percent: int = Field(15, ge=-INT32_MAX, le=INT32_MAX, description="2 to 50")
    opacity_percent: int = Field(80, ge=-INT32_MAX, le=INT32_MAX, description="5 to 100")
    enabled: bool = True


class BrandingOut(BaseModel):
    logo_media_id: str
    position: str
    scale_percent: int
    opacity_percent: int
    enabled: bool


class MediaUploadOut(BaseModel):
    items: list[MediaOut]


class MediaPage(BaseModel):
    items: list[MediaOut]
    next_cursor: str | None


class StorageUsageOut(BaseModel):
    used_bytes: int
    quota_bytes: int | None = Field(description="Uploads beyond it get a 413 (null: no quota)")


class MediaUpdateIn(RequestBody):
    description: str | None = None
    alt_text: str | None = None
    tags: Items(str) | None = Field(None, description="Replaces the tags when given")


# --- notifications ----------------------------------------------------------------------


class NotificationOut(BaseModel):
    id: str
    type: str
    title: str
    message: str
    post_id: str | None
    media_id: str | None
    delivered: bool = Field(description="Pushed live when it happened (else held back by preferences)")
    created_at: datetime | None
    read_at: datetime | None


class NotificationPage(BaseModel):
    items: list[NotificationOut]
    next_cursor: str | None
    unread_count: int


class MarkedOut(BaseModel):
    marked: int


class ChannelChoiceIn(RequestBody):
    websocket: bool = True
    email: bool = False
    webhook: bool = False


class QuietHours(RequestBody):
    start: str = Field(description="HH:MM, in timezone")
    end: str = Field(description="HH:MM, in timezone; may be before start (over midnight)")


class MilestonesIn(RequestBody):
    likes: Items(Annotated[int, Field(ge=-INT32_MAX, le=INT32_MAX)]) = Field(
        default_factory=list, description="Like counts worth a notification"
    )
    reach_multiple: float = Field(0.0, description="Reach as a multiple of the account's median reach")


class NotificationPreferencesIn(RequestBody):
    channels: dict[str, ChannelChoiceIn] = Field(default_factory=dict, max_length=MAX_ITEMS)
    quiet_hours: QuietHours | None = None
    timezone: str = "UTC"
    email_address: str = ""
    webhook_url: str = ""
    milestones: MilestonesIn | None = None


class EmailConfirmedOut(BaseModel):
    email_address: str
    confirmed: bool = True


class NotificationPreferencesOut(BaseModel):
    channels: dict[str, dict[str, bool]]
    quiet_hours: dict[str, str] | None
    timezone: str
    email_address: str | None
    email_confirmed: bool = Field(
        description="Email is sent only once the link mailed to the address was opened"
    )
    webhook_url: str | None
    webhook_secret: str | None = Field(description="Verify X-Postflow-Signature with it")
    milestones: dict[str, Any]

"""The one place Postflow reads its configuration: environment variables prefixed POSTFLOW_."""

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, computed_field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from lib.common.process_secrets import SECRETS_OF

LOCAL_JWT_SECRET = "postflow-local-development-secret-change-me"
# A Fernet key for local runs only (32 url-safe base64 bytes); deployments set their own.
LOCAL_TOKEN_KEY = "cG9zdGZsb3ctbG9jYWwtdG9rZW4ta2V5LWNoYW5nZS0="
LOCAL_MEDIA_URL_KEY = "postflow-local-media-url-key-change-me"
# Shortest secret a deployment may use for signing (HMAC keys: at least the hash's size).
MIN_SECRET_BYTES = 32
# Media URLs live at least this long outside local runs (Instagram fetches them).
MIN_MEDIA_URL_SECONDS = 900


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POSTFLOW_", extra="ignore")

    # "local" for make run and the tests, which set it; anything else, and unset, is a real
    # deployment, which refuses built-in or short secrets and a plain-http Graph API.
    environment: str = "production"
    # Which process this is (lib/common/process_secrets.py), set by its deployment: outside
    # local runs only its own secrets must be private ones. Unset: every secret must be.
    process: str = ""

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL (postgresql+psycopg://...). Empty: make run embeds one.",
    )
    database_pool_size: int = 10
    database_max_overflow: int = 10

    jwt_secret: SecretStr = SecretStr(LOCAL_JWT_SECRET)
    # Earlier signing secrets, comma-separated: tokens they signed stay valid until they
    # expire (each token names its key by `kid`), so the secret can rotate without a logout.
    jwt_previous_secrets: SecretStr = SecretStr("")
    # Access tokens are short; a session's refresh token renews them (and rotates).
    jwt_ttl_seconds: int = 15 * 60
    refresh_ttl_seconds: int = 30 * 24 * 3600
    # How long a gateway trusts that a session is still live before asking again (a logout
    # through another gateway takes effect within this).
    session_check_seconds: float = 10.0
    # A password reset link works once, within this.
    password_reset_ttl_seconds: int = 3600
    # An invitation to a workspace works once, within this.
    invitation_ttl_seconds: int = 7 * 24 * 3600
    # Encrypts Instagram access tokens at rest: comma-separated Fernet keys, the first
    # encrypts, all decrypt (so keys can be rotated).
    token_encryption_keys: SecretStr = SecretStr(LOCAL_TOKEN_KEY)

    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    # Largest request body the gateway accepts, in bytes.
    max_request_bytes: int = 1_000_000

    # Service identities: each process's Ed25519 key and every process's public key
    # (lib/common/service_identity.py). Local runs generate missing ones here.
    service_keys_dir: str = ".data/service-keys"
    # Where gRPC servers listen: 0.0.0.0 in containers.
    grpc_listen_host: str = "127.0.0.1"
    users_grpc_host: str = "127.0.0.1"
    users_grpc_port: int = 50051
    posts_grpc_host: str = "127.0.0.1"
    posts_grpc_port: int = 50052
    scheduler_grpc_host: str = "127.0.0.1"
    scheduler_grpc_port: int = 50053
    # Seconds the gateway waits for a service before answering 503/504.
    grpc_timeout_seconds: float = 10.0
    # Prometheus: the processes without an HTTP port of their own serve GET /metrics on
    # these (0: not served); the gateway and realtime answer it on their own port.
    users_metrics_port: int = 9151
    posts_metrics_port: int = 9152
    scheduler_metrics_port: int = 9153
    media_metrics_port: int = 9154
    worker_metrics_port: int = 9156
    # The Temporal SDK's own metrics of the worker (task slots, schedule-to-start latency,
    # polls), served by the SDK's runtime (0: not served).
    worker_sdk_metrics_port: int = 9157
    # OpenTelemetry: traces are exported (OTLP over HTTP, e.g. http://otel-collector:4318)
    # only when this is set; this share of new traces is kept then.
    otlp_endpoint: str = ""
    trace_sample_ratio: float = Field(default=1.0, ge=0.0, le=1.0)
    # "json" (one object per line, with the trace id) or "text" (for a terminal).
    log_format: Literal["json", "text"] = "json"

    # Temporal: make run starts a dev server here unless this points at a running cluster.
    temporal_address: str = "127.0.0.1:7233"
    temporal_namespace: str = "default"
    temporal_task_queue: str = "publishing"
    temporal_ui_port: int = 8233
    # The publishing worker: workflows kept in memory between their steps, and how many
    # workflow tasks / activities it runs at once.
    worker_cached_workflows: int = 10_000
    worker_concurrency: int = 200
    # Activities one worker runs at once. Most are publishes holding until their due
    # second (one per post due within the lead: 10,000 posts an hour hold about 850), each
    # an idle coroutine; the rest is capped by worker_concurrency's share of the machine.
    worker_activity_slots: int = 5000
    # Posts are validated and uploaded (Instagram containers) this long before their time,
    # so that the time itself costs one media_publish call.
    publish_lead_seconds: float = 300.0
    # Two posts on one account closer than this are a scheduling conflict (0: allowed).
    schedule_min_gap_minutes: float = 10.0

    # NATS with JetStream: make run starts one on this URL unless POSTFLOW_NATS_URL is set.
    # (4222 is often taken by a system NATS; the embedded one uses its own port.)
    nats_url: str = "nats://127.0.0.1:4250"
    events_retention_hours: float = 24 * 7
    # Copies of the event stream in a NATS cluster (at most its servers; 1 on one server).
    events_replicas: int = Field(default=1, ge=1, le=5)

    # Engagement metrics of published posts: collection intervals multiplied by this (the
    # cadence: 5 minutes the first day, hourly the first week, daily to 30 days), and a cap
    # on collections per post (0: none; the tests use a few).
    metrics_interval_scale: float = 1.0
    metrics_max_samples: int = 0
    # Best times: a periodic job of the worker looks this often for accounts whose model
    # is missing or older than audience_refit_seconds, and refits them from their media's
    # engagement (the learn_now signal does one at once).
    audience_round_seconds: float = 300
    audience_refit_seconds: float = 6 * 3600

    # Realtime: the WebSocket service (the gateway forwards /ws to it, so clients use one
    # origin). A client that falls this many events behind, or whose socket takes longer
    # than the send timeout, is disconnected (4008); the heartbeat keeps idle links alive.
    realtime_host: str = "127.0.0.1"
    realtime_port: int = 8020
    realtime_max_queued_events: int = 1000
    realtime_send_timeout_seconds: float = 10.0
    # How long Temporal keeps a finished workflow's history, when Postflow makes the namespace.
    temporal_retention_days: int = Field(7, ge=1, le=3650)
    # How long a stopping worker lets its running activities (a publish held for its due
    # second) finish before cancelling them; below the pod's and compose's stop grace (120 s).
    worker_shutdown_grace_seconds: float = Field(110, ge=0, le=3600)
    # Live connections one user may hold through one gateway (tabs, devices, clients).
    realtime_max_connections_per_user: int = Field(20, ge=1, le=1000)
    realtime_heartbeat_seconds: float = 15.0
    # Its gRPC side (notifications, preferences), served by the same process.
    realtime_grpc_port: int = 50055
    # Notification email: an SMTP server (empty host: email notifications are refused).
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_starttls: bool = False
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = "Postflow <notifications@localhost>"
    # Notification webhooks: signed POSTs, retried; private addresses refused unless allowed
    # (a webhook must not become a way into the operator's own network).
    webhook_timeout_seconds: float = 5.0
    webhook_attempts: int = 4
    webhook_allow_private_hosts: bool = False

    # Meta's hosts: graph.instagram.com (tokens from Instagram Login), graph.facebook.com
    # (Facebook Login, system users), api.instagram.com, www.instagram.com and
    # www.facebook.com (the login dialogs). Local runs reach every one of them through the
    # Graph API simulator, as {meta_simulator_url}/{host}/...; a deployment leaves it empty.
    meta_simulator_url: str = ""
    # Meta retires a Graph API version two years after its release: keep this current.
    graph_api_version: str = "v25.0"
    # The Meta app behind "Connect with Facebook" (Facebook Login for Business), and the
    # Instagram app id and secret of its "Instagram API with Instagram Login" product
    # (App Dashboard > Instagram > API setup with Instagram login). Empty id: that button
    # is not offered. The secrets never leave the scheduler (and the worker, which signs
    # its Graph calls with them: appsecret_proof).
    meta_app_id: str = ""
    meta_app_secret: SecretStr = SecretStr("")
    instagram_app_id: str = ""
    instagram_app_secret: SecretStr = SecretStr("")
    # Where Meta sends the person back after the login dialog: add it to the apps' "Valid
    # OAuth Redirect URIs". Empty: {public_base_url}/connect/callback.
    meta_redirect_uri: str = ""
    # A login started and not finished within this is refused (its state is single-use).
    meta_login_ttl_seconds: int = 15 * 60
    graph_api_timeout_seconds: float = 10.0
    # How long a publish waits after Instagram says "too many calls" / "publishing limit
    # reached" before it tries again (instead of burning its retries).
    rate_limit_wait_seconds: float = 60.0
    publish_limit_wait_seconds: float = 15 * 60.0
    # Instagram says a container is not ready to publish yet (9007): asked again after this.
    container_not_ready_wait_seconds: float = Field(default=10.0, gt=0)
    # After this many publish attempts whose outcome could not be learnt, the post becomes
    # needs_reconcile and the workflow checks the container every reconcile interval.
    publish_unknown_after_attempts: int = 4
    reconcile_interval_seconds: float = 60.0
    # When Instagram refuses an account's token, its due posts wait this long for a reconnect
    # (then fail with the reason), asking the account again at least every poll interval (a
    # reconnect wakes them at once).
    reauth_wait_hours: float = Field(default=72.0, gt=0)
    reauth_poll_seconds: float = Field(default=300.0, gt=0)
    # Where approval is required, a post due but not approved waits this long past its time
    # for an approval of its exact version (then fails, with the reason), asking again at
    # least every poll interval.
    approval_wait_hours: float = Field(default=24.0, gt=0)
    approval_poll_seconds: float = Field(default=60.0, gt=0)
    # Instagram Login's 60-day tokens are refreshed once fewer than this many days are left;
    # the upkeep round (refresh, Page tokens' daily debug_token, expiry warnings) runs this often.
    token_refresh_days_before: float = Field(default=20.0, ge=1, le=59)
    account_upkeep_interval_seconds: float = Field(default=3600.0, gt=0)
    # The schedule reconciler's round (services/scheduler/reconciler.py) runs this often. A
    # scheduled post it finds without a workflow publishes late within the grace, else is
    # recorded failed ("missed"): a post days late is rarely what its author wanted.
    schedule_reconcile_interval_seconds: float = Field(default=900.0, gt=0)
    missed_post_grace_hours: float = Field(default=24.0, ge=0)
    # A recurring series continues as new after this many occurrences (short histories).
    series_occurrences_per_run: int = 100
    # Pre-flight rounds (services/scheduler/preflight.py): scheduled posts entering their
    # last day, and their last hour, are checked within one interval.
    preflight_interval_seconds: float = Field(default=900.0, gt=0)
    # Posts published by hand (reminders.py): the round that sends their reminders runs
    # this often, and a reminder not marked done this long after is missed.
    reminder_interval_seconds: float = Field(default=60.0, gt=0)
    reminder_missed_after_hours: float = Field(default=24.0, gt=0)
    # Scheduled reports (report_schedules.py) are mailed within one round of their time.
    report_interval_seconds: float = Field(default=300.0, gt=0)
    # A CSV import's workflow makes (and schedules) this many rows' posts per activity.
    import_batch_rows: int = Field(default=25, ge=1, le=200)
    graph_simulator_host: str = "127.0.0.1"
    graph_simulator_port: int = 8010
    # Where the simulator keeps its accounts, tokens and media across restarts ("": nowhere).
    graph_simulator_state_file: str = ".data/graph_simulator.pickle"

    # Media. Storage: any S3-compatible endpoint (host:port), else files under media_dir.
    media_grpc_host: str = "127.0.0.1"
    media_grpc_port: int = 50054
    s3_endpoint: str = ""
    s3_access_key: SecretStr = SecretStr("")
    s3_secret_key: SecretStr = SecretStr("")
    s3_bucket: str = "postflow-media"
    s3_secure: bool = False
    s3_region: str = "us-east-1"
    # Where Instagram (and browsers) reach the bucket: its host[:port] on the internet,
    # distinct from the internal s3_endpoint (presigned URLs are signed for this host).
    s3_public_endpoint: str = ""
    s3_public_secure: bool = True
    media_dir: str = ".data/media"
    # Media URLs expire after this: long enough for Instagram to fetch a video while it
    # processes it, and for the retries of a preparation (each asks for a fresh URL).
    media_url_expiry_seconds: int = 3600
    # Serve files through a CDN instead (its base URL, unsigned).
    media_cdn_base_url: str = ""
    # Locally stored files: the base of their signed URLs (empty: public_base_url).
    media_public_base_url: str = ""
    # Signs URLs of locally stored files (served by the gateway at /media/files/...).
    media_url_signing_key: SecretStr = SecretStr(LOCAL_MEDIA_URL_KEY)
    # Where clients reach the gateway (the host in signed local media URLs).
    public_base_url: str = "http://127.0.0.1:8000"
    # Upload limits per kind, in bytes (also the gateway's cap on an upload request).
    media_max_image_bytes: int = 30 * 1024 * 1024
    media_max_video_bytes: int = 1024 * 1024 * 1024
    # Instagram takes 320 to 1440 px wide images; 1080 is what it shows.
    image_max_width: int = 1080
    image_min_width: int = 320
    # Decoded pixels above this are refused as a decompression bomb (12 MP photos pass).
    image_max_pixels: int = 80_000_000
    # Images decoded at once per media service (each may take hundreds of MB); others wait.
    image_workers: int = 2
    # Storage each user's media may take (originals and Instagram-ready files; 0: no
    # limit); deleted media's files are removed this long after the deletion, by a periodic
    # job of the publishing worker running this often.
    media_quota_bytes: int = 10 * 1024**3
    media_delete_grace_seconds: float = 7 * 24 * 3600
    media_purge_interval_seconds: float = 3600
    # Video: how long probing and converting one may take, and how many convert at once
    # (ffmpeg uses every core for one video already).
    video_probe_timeout_seconds: float = 20.0
    video_process_timeout_seconds: float = 1800.0
    video_workers: int = 1
    # Videos one user may have waiting for the converter or being converted (429 beyond).
    media_max_processing_videos_per_user: int = Field(5, ge=1, le=1000)
    # A media service converting a video holds it this long, renewed while it works; a
    # video whose holder stopped is taken up by another within about this time.
    video_lease_seconds: float = 60.0

    # Minimum characters of a password.
    password_min_length: int = 8
    # Sign-in limits. Registrations and logins per client IP and logins per email address
    # (per gateway), in a minute; then every failed login of an email beyond the free ones
    # locks it for twice as long as the last (30 s, 60 s, ... up to the maximum).
    auth_attempts_per_ip_per_minute: float = 20
    # A client's review page (no sign-in: its link's secret is the credential) answers at most
    # this many requests a minute from one address.
    client_review_requests_per_ip_per_minute: float = 60
    auth_attempts_per_email_per_minute: float = 10
    login_free_failures: int = 5
    login_lockout_seconds: float = 30
    login_lockout_max_seconds: float = 3600
    # Failures stop counting after this long without another (one wrong password an hour
    # would otherwise lock its owner out for good).
    login_failures_forgotten_after_seconds: float = Field(900, gt=0, le=7 * 86400)
    # argon2 hashes (64 MiB each) computed at once per users service, and how many more may
    # wait for one before sign-ins are turned away with a 429.
    password_hash_concurrency: int = 2
    password_hash_queue: int = 32
    # Requests per second each signed-in user may make to the API (and the burst allowed).
    api_requests_per_user_per_second: float = 100
    api_burst_per_user: float = 300
    # Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated).
    trusted_proxies: str = ""

    bulk_max_items: int = 50
    list_default_limit: int = 20
    list_max_limit: int = 100

    @computed_field  # type: ignore[prop-decorator]
    @property
    def users_grpc_target(self) -> str:
        return f"{self.users_grpc_host}:{self.users_grpc_port}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def posts_grpc_target(self) -> str:
        return f"{self.posts_grpc_host}:{self.posts_grpc_port}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def scheduler_grpc_target(self) -> str:
        return f"{self.scheduler_grpc_host}:{self.scheduler_grpc_port}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def media_grpc_target(self) -> str:
        return f"{self.media_grpc_host}:{self.media_grpc_port}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def realtime_grpc_target(self) -> str:
        return f"{self.realtime_host}:{self.realtime_grpc_port}"

    @model_validator(mode="after")
    def _refuse_a_login_in_clear(self) -> "Settings":
        # In every environment: a mail password sent without TLS can be read on the way.
        if self.smtp_username and not self.smtp_starttls:
            raise ValueError(
                "POSTFLOW_SMTP_USERNAME needs POSTFLOW_SMTP_STARTTLS=true: the login would cross "
                "the network in clear"
            )
        return self

    @model_validator(mode="after")
    def _refuse_default_secrets_outside_local(self) -> "Settings":
        if self.environment == "local":
            return self
        own = self._own_secrets()
        for name, default in (
            ("jwt_secret", LOCAL_JWT_SECRET),
            ("token_encryption_keys", LOCAL_TOKEN_KEY),
            ("media_url_signing_key", LOCAL_MEDIA_URL_KEY),
        ):
            if name in own and default in getattr(self, name).get_secret_value().split(","):
                raise ValueError(
                    f"POSTFLOW_{name.upper()} must be set to a private value when "
                    f"POSTFLOW_ENVIRONMENT={self.environment!r}"
                )
        for name in ("jwt_secret", "media_url_signing_key"):
            variable, value = f"POSTFLOW_{name.upper()}", getattr(self, name)
            if name in own and len(value.get_secret_value().encode()) < MIN_SECRET_BYTES:
                raise ValueError(f"{variable} must be at least {MIN_SECRET_BYTES} bytes")
        if self.meta_simulator_url:
            raise ValueError(
                "POSTFLOW_META_SIMULATOR_URL is for local runs only: a deployment talks to Meta's own hosts"
            )
        self._require_public_media()
        return self

    def _own_secrets(self) -> frozenset[str]:
        if not self.process:
            return frozenset().union(*SECRETS_OF.values())
        if self.process not in SECRETS_OF:
            raise ValueError(f"POSTFLOW_PROCESS: {self.process!r} is none of {', '.join(SECRETS_OF)}")
        return SECRETS_OF[self.process]

    def _require_public_media(self) -> None:
        """Instagram downloads each media file itself: outside local runs its URLs must be
        public and HTTPS, and live long enough for Instagram to fetch them."""
        if self.media_url_expiry_seconds < MIN_MEDIA_URL_SECONDS:
            raise ValueError(
                f"POSTFLOW_MEDIA_URL_EXPIRY_SECONDS must be at least {MIN_MEDIA_URL_SECONDS}: Instagram "
                "fetches a video while it processes it, minutes after the container is made"
            )
        if self.s3_endpoint:
            if self.media_cdn_base_url:
                if not self.media_cdn_base_url.startswith("https://"):
                    raise ValueError(
                        "POSTFLOW_MEDIA_CDN_BASE_URL must be an https:// URL Instagram can fetch"
                    )
            elif not self.s3_public_endpoint or not self.s3_public_secure:
                raise ValueError(
                    "Instagram fetches media from a public HTTPS address, not the internal "
                    f"{self.s3_endpoint}: set POSTFLOW_S3_PUBLIC_ENDPOINT (the bucket's host as the "
                    "internet reaches it, with POSTFLOW_S3_PUBLIC_SECURE=true) or POSTFLOW_MEDIA_CDN_BASE_URL"
                )
            return
        variable = "POSTFLOW_PUBLIC_BASE_URL"
        if self.media_public_base_url:
            variable = "POSTFLOW_MEDIA_PUBLIC_BASE_URL"
        if not self.media_base_url.startswith("https://"):
            raise ValueError(
                f"{variable} must be the public https:// address Instagram fetches media from, "
                f"not {self.media_base_url!r}"
            )

    @property
    def media_base_url(self) -> str:
        """Where locally stored files are served (/media/files/...), as Instagram reaches them."""
        return (self.media_public_base_url or self.public_base_url).rstrip("/")

    @property
    def redirect_uri(self) -> str:
        return self.meta_redirect_uri or f"{self.public_base_url.rstrip('/')}/connect/callback"

    def require_database_url(self) -> str:
        if not self.database_url:
            raise SystemExit("POSTFLOW_DATABASE_URL is not set (make run sets it to the embedded PostgreSQL)")
        return self.database_url


@lru_cache
def get_settings() -> Settings:
    return Settings()

"""A running Postflow for the whole test session: a scratch database, real processes."""

import os
import random
import subprocess
import sys
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from hypothesis import settings

# The tests are a local run (built-in keys, the simulator over http); unset means production.
os.environ.setdefault("POSTFLOW_ENVIRONMENT", "local")

from devtools import postgres, stack  # noqa: E402
from services.migrate import migrate_all
from tests.factories import Api

# Property tests (hypothesis): the same examples on every run, so that a red CI is a change,
# not a draw; HYPOTHESIS_PROFILE=explore draws new ones (each run differs) to look for failures.
settings.register_profile("postflow", derandomize=True, database=None)
settings.register_profile("explore", database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "postflow"))


def pytest_collection_modifyitems(items):
    """Tests that need the running system (every process, by way of the `system` fixture)
    are marked `system`; the others run in-process (`make test-fast`)."""
    for item in items:
        if "system" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session")
def database_server_url() -> str:
    return postgres.server_url()


@pytest.fixture(scope="session")
def database_url(database_server_url):
    url = postgres.create_scratch_database(database_server_url)
    migrate_all(url)
    yield url
    if not os.environ.get("POSTFLOW_KEEP_TEST_DB"):
        postgres.drop_database(database_server_url, url)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3-compatible server (no MinIO server can run here); the media service talks
    to it with the real minio SDK over HTTP. Yields its host:port."""
    port = stack.free_port()
    log = (Path(tmp_path_factory.mktemp("s3")) / "moto.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
    )
    stack.wait_listening(port, process)
    yield f"127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


class MailSink:
    """aiosmtpd's handler: every message the services send, kept for the tests."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture(scope="session")
def smtp_sink():
    """A local SMTP server (aiosmtpd): notification email goes here, never out."""
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=stack.free_port())
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def system(database_url, graph_simulator, s3_server, smtp_sink, tmp_path_factory):
    running = stack.start(
        database_url,
        Path(tmp_path_factory.mktemp("logs")),
        extra_env={
            "POSTFLOW_META_SIMULATOR_URL": graph_simulator,
            # Prepare one second ahead, so that tests can schedule a few seconds out.
            "POSTFLOW_PUBLISH_LEAD_SECONDS": "1",
            # Instagram's refusals wait seconds here, not minutes, so faults resolve quickly.
            "POSTFLOW_RATE_LIMIT_WAIT_SECONDS": "1",
            "POSTFLOW_PUBLISH_LIMIT_WAIT_SECONDS": "1",
            "POSTFLOW_CONTAINER_NOT_READY_WAIT_SECONDS": "1",
            "POSTFLOW_GRAPH_API_TIMEOUT_SECONDS": "2",
            "POSTFLOW_PUBLISH_UNKNOWN_AFTER_ATTEMPTS": "3",
            "POSTFLOW_RECONCILE_INTERVAL_SECONDS": "2",
            # A post waiting for a reconnect that missed its wake-up asks again within 2 s.
            "POSTFLOW_REAUTH_POLL_SECONDS": "2",
            # A due post waiting for an approval asks again every second.
            "POSTFLOW_APPROVAL_POLL_SECONDS": "1",
            # ... for about 11 s past its time, then fails.
            "POSTFLOW_APPROVAL_WAIT_HOURS": "0.003",
            # Series continue as new after every second occurrence, so tests cross it.
            "POSTFLOW_SERIES_OCCURRENCES_PER_RUN": "2",
            # Realtime: a quick heartbeat, and slow consumers found with few events.
            "POSTFLOW_REALTIME_HEARTBEAT_SECONDS": "1",
            "POSTFLOW_REALTIME_MAX_QUEUED_EVENTS": "50",
            "POSTFLOW_REALTIME_SEND_TIMEOUT_SECONDS": "2",
            # Metrics every ~1.5 s (5 minutes scaled), three collections per post.
            "POSTFLOW_METRICS_INTERVAL_SCALE": "0.005",
            "POSTFLOW_METRICS_MAX_SAMPLES": "3",
            # Best times are learned when a test asks (the learn_now signal), never on their
            # own: a round would call the Graph API beside tests that arm its faults.
            "POSTFLOW_AUDIENCE_ROUND_SECONDS": "3600",
            # The schedule reconciler runs when a test asks (tests/services/scheduler/
            # test_schedule_reconciler.py): a round of its own would repair states other
            # tests make on purpose.
            "POSTFLOW_SCHEDULE_RECONCILE_INTERVAL_SECONDS": "86400",
            # Pre-flight rounds run when a test asks (tests/services/scheduler/
            # test_preflight.py): a round would call the Graph API beside tests that arm faults.
            "POSTFLOW_PREFLIGHT_INTERVAL_SECONDS": "86400",
            # Reminders of posts published by hand go out within 2 s of their time, and are
            # missed 4 s after (tests/services/posts/test_reminders.py).
            "POSTFLOW_REMINDER_INTERVAL_SECONDS": "2",
            "POSTFLOW_REMINDER_MISSED_AFTER_HOURS": "0.001",
            # A report asked to be sent now is mailed within 3 s.
            "POSTFLOW_REPORT_INTERVAL_SECONDS": "3",
            # A video whose media service died is taken up by another within seconds.
            "POSTFLOW_VIDEO_LEASE_SECONDS": "3",
            # Sessions and memberships are asked again every 2 s: a removed member's socket
            # closes within seconds.
            "POSTFLOW_SESSION_CHECK_SECONDS": "2",
            "POSTFLOW_SMTP_HOST": "127.0.0.1",
            "POSTFLOW_SMTP_PORT": str(smtp_sink.port),
            # Webhook receivers in the tests listen on this machine.
            "POSTFLOW_WEBHOOK_ALLOW_PRIVATE_HOSTS": "true",
            # Every test signs up from this one address: the sign-in limits are tested on a
            # gateway of their own (tests/services/gateway/test_rate_limits.py).
            "POSTFLOW_AUTH_ATTEMPTS_PER_IP_PER_MINUTE": "1000000",
            "POSTFLOW_AUTH_ATTEMPTS_PER_EMAIL_PER_MINUTE": "1000000",
            "POSTFLOW_CLIENT_REVIEW_REQUESTS_PER_IP_PER_MINUTE": "1000000",
            # Deleted media's files go two seconds after the deletion, checked every two.
            "POSTFLOW_MEDIA_DELETE_GRACE_SECONDS": "2",
            "POSTFLOW_MEDIA_PURGE_INTERVAL_SECONDS": "2",
            "POSTFLOW_S3_ENDPOINT": s3_server,
            # The bucket as "the internet" reaches it: another name for the same server, so
            # that a URL signed for the internal endpoint would show (Instagram fetches it).
            "POSTFLOW_S3_PUBLIC_ENDPOINT": s3_server.replace("127.0.0.1", "localhost"),
            "POSTFLOW_S3_PUBLIC_SECURE": "false",
            "POSTFLOW_S3_ACCESS_KEY": "postflow-test",
            "POSTFLOW_S3_SECRET_KEY": "postflow-test-secret",
        },
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def graph_simulator(tmp_path_factory):
    """Base URL of a running Graph API simulator."""
    process, base_url = stack.start_simulator(Path(tmp_path_factory.mktemp("simulator")))
    yield base_url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def api(system) -> Api:
    return Api(system.base_url)


@pytest.fixture(scope="session")
def db(database_url):
    """A plain connection, for setting up states the API cannot reach yet (e.g. published)."""
    import psycopg
    from sqlalchemy import make_url

    url = make_url(database_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as connection:
        yield connection


@pytest.fixture(scope="session")
def instagram(graph_simulator) -> httpx.Client:
    return httpx.Client(base_url=graph_simulator, timeout=10)


@pytest.fixture
def publisher(api, instagram):
    """A user with one connected (simulated) Instagram account."""
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    account = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()
    user.account_id = account["id"]
    user.ig_user_id = ig_user_id
    return user

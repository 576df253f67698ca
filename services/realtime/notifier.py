"""Events -> notifications: one durable JetStream consumer shared by every realtime
replica (each event is handled by one of them), acknowledged once the notification is
stored; a stored notification that goes out live is published as a `notification` event,
which the replicas' fan-out pushes to the user's WebSockets; its email and webhook sends
are stored with it, and sent from there (delivery.py)."""

import asyncio
import json
import logging

from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from lib.common import events, tracing
from lib.common.db import Database
from lib.common.events import EventPublisher
from services.realtime import notifications
from services.realtime.delivery import Deliveries

log = logging.getLogger(__name__)

DURABLE = "postflow-notifier"


class Notifier:
    def __init__(self, js, db: Database, publisher: EventPublisher, deliveries: Deliveries) -> None:
        self._js = js
        self._db = db
        self._publisher = publisher
        self._deliveries = deliveries
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        config = ConsumerConfig(
            durable_name=DURABLE,
            # From now on when first made; afterwards from where it stopped.
            deliver_policy=DeliverPolicy.NEW,
            ack_policy=AckPolicy.EXPLICIT,
            ack_wait=30,
            max_deliver=10,
        )
        subscription = await self._js.pull_subscribe(
            events.ALL_EVENTS, durable=DURABLE, stream=events.STREAM, config=config
        )
        self._task = asyncio.create_task(self._run(subscription), name="notifier")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self, subscription) -> None:
        while True:
            try:
                messages = await subscription.fetch(batch=100, timeout=1)
            except TimeoutError:
                continue
            except Exception:  # noqa: BLE001 - NATS reconnecting: try again shortly
                log.warning("notifier: fetch failed", exc_info=True)
                await asyncio.sleep(1)
                continue
            for message in messages:
                try:
                    with tracing.consuming("notify", message):
                        await self._handle(message)
                except Exception:
                    # Not acknowledged: JetStream delivers it again after ack_wait.
                    log.exception("notifier: event %s not handled", message.metadata.sequence.stream)
                    continue
                await message.ack()

    async def _handle(self, message) -> None:
        try:
            event = events.parse(json.loads(message.data))
        except ValueError as exc:
            # Acknowledged and left: delivered again, it would fail the same way forever.
            log.warning("notifier: event %s skipped: %s", message.metadata.sequence.stream, exc)
            return
        if event is None or event.TYPE not in notifications.SOURCES:
            return
        # Most events make no notification: the preferences are read only when one might.
        preferences = None
        if notifications.needs_preferences(event):
            preferences = await notifications.preferences_of(self._db, event.user_id)
        draft = notifications.from_event(event, preferences)
        if draft is None:
            return
        if preferences is None:
            preferences = await notifications.preferences_of(self._db, event.user_id)
        recorded = await notifications.record(
            self._db,
            user_id=event.user_id,
            draft=draft,
            source_event_id=message.metadata.sequence.stream,
            preferences=preferences,
        )
        if recorded is None:
            return
        row, channels = recorded.notification, recorded.channels
        if channels & {"email", "webhook"}:
            self._deliveries.wake()
        if "websocket" in channels:
            await self._publisher.publish(
                events.NotificationMade(
                    user_id=str(row.user_id),
                    notification_id=str(row.id),
                    notification_type=row.type,
                    title=row.title,
                    message=row.message,
                    post_id=row.post_id,
                    media_id=row.media_id,
                    created_at=row.created_at.isoformat(),
                )
            )

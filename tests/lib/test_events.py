"""The typed events: what a producer makes is what a consumer reads, old and new events
still read, and a broken one is refused rather than half read."""

import json

import pytest

from lib.common import events


def _samples() -> list[events.Event]:
    return [
        events.PostStatusUpdate(
            user_id="u", post_id="p", status="published", previous_status="publishing", metadata={"a": 1}
        ),
        events.PublishingProgress(user_id="u", post_id="p", progress=40, current_step="uploading"),
        events.ScheduleChanged(
            user_id="u",
            post_id="p",
            scheduled_for=None,
            previous_scheduled_for="2027-01-01T09:00:00+00:00",
            timezone=None,
        ),
        events.MediaProcessing(user_id="u", media_id="m", status="failed", progress=100, failure_reason="x"),
        events.NotificationMade(
            user_id="u", notification_id="n", notification_type="post_failed", title="t", message="m"
        ),
        events.MetricsUpdate(user_id="u", post_id="p", metrics={"likes": 3}, age_seconds=60),
        events.AccountChanged(
            user_id="u",
            account_id="a",
            username="harbour",
            change="needs_reauth",
            reason="refused",
            posts_at_risk=[{"post_id": "p", "scheduled_for": "2027-01-01T09:00:00+00:00"}],
            posts_at_risk_total=1,
        ),
        events.FirstCommentChanged(user_id="u", post_id="p", status="failed", error="refused"),
        events.ReviewChanged(
            user_id="u",
            post_id="p",
            status="edited_since_approval",
            version=3,
            approved_version=2,
            actor_id="a",
        ),
        events.CommentAdded(
            user_id="u",
            post_id="p",
            comment_id="c",
            thread_id="c",
            change="added",
            body="@ana look",
            mentioned=True,
        ),
        events.PreflightChecked(
            user_id="u", post_id="p", ok=False, stage="day_before", problems=["Media 1 cannot be fetched"]
        ),
        events.ReminderChanged(user_id="u", post_id="p", state="due", post_type="story", caption="Sale"),
        events.ImportProgress(
            user_id="u", import_id="i", status="running", total=10, processed=4, imported=3, skipped=1
        ),
    ]


@pytest.mark.parametrize("event", _samples(), ids=lambda e: e.TYPE)
def test_every_event_reads_back_as_it_was_sent(event):
    sent = json.loads(json.dumps(event.to_json()))
    assert sent["type"] == event.TYPE
    assert events.parse(sent) == event
    assert event.subject.startswith("postflow.") and event.subject.split(".")[2] == "u"


def test_every_event_type_is_known_to_the_readers():
    assert set(events.EVENT_TYPES) == {event.TYPE for event in _samples()}


def test_fields_a_newer_producer_adds_are_ignored_and_a_newer_type_is_skipped():
    sent = _samples()[0].to_json() | {"added_later": True}
    assert events.parse(sent) == _samples()[0].__class__(
        **{k: v for k, v in sent.items() if k not in ("type", "added_later")}
    )
    assert events.parse({"type": "post_archived", "user_id": "u"}) is None


def test_an_event_missing_a_field_it_needs_is_refused():
    with pytest.raises(ValueError, match="post_status_update"):
        events.parse({"type": "post_status_update", "user_id": "u", "post_id": "p"})


def test_progress_is_a_percent_whatever_the_caller_says():
    assert events.PublishingProgress(user_id="u", post_id="p", progress=250, current_step="x").progress == 100
    assert events.MediaProcessing(user_id="u", media_id="m", status="processing", progress=-5).progress == 0


def test_an_account_event_travels_on_the_accounts_subject():
    event = events.AccountChanged(user_id="u", account_id="a", username="harbour", change="connected")
    assert event.subject == "postflow.accounts.u.a"

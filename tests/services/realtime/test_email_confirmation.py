"""Notification email goes only to an address whose owner opened the link mailed to it."""

import time

from tests.services.realtime.test_notifications import confirm_address, wait_for_notification
from tests.services.scheduler.publishing import IMAGE, arm, schedule

FAILED_BY_EMAIL = {"channels": {"post_failed": {"websocket": True, "email": True, "webhook": False}}}


def _save(user, address: str) -> dict:
    reply = user.client.post(
        "/api/v1/notifications/preferences", json={**FAILED_BY_EMAIL, "email_address": address}
    )
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_nothing_is_mailed_to_an_address_before_it_is_confirmed(publisher, instagram, smtp_sink):
    stranger = f"stranger-{publisher.id[:8]}@example.com"
    assert _save(publisher, stranger)["email_confirmed"] is False
    post = publisher.create_post(media=[{"url": IMAGE}])
    arm(instagram, publisher, "media_fetch_failure", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_notification(publisher, "post_failed", timeout=40)
    time.sleep(2)
    mails = smtp_sink.to(stranger)
    assert len(mails) == 1 and "Confirm" in mails[0]["Subject"]  # the link, nothing else
    # Saving again within a minute does not mail the stranger again.
    _save(publisher, stranger)
    time.sleep(0.5)
    assert len(smtp_sink.to(stranger)) == 1


def test_a_link_works_once_and_a_changed_address_needs_its_own(api, smtp_sink, db):
    user = api.new_user()
    first = f"first-{user.id[:8]}@example.com"
    _save(user, first)
    confirm_address(user, smtp_sink, first)
    assert user.client.get("/api/v1/notifications/preferences").json()["email_confirmed"] is True
    body = smtp_sink.to(first)[-1].get_content()
    token = body.split("token=")[1].split()[0]
    again = api.anonymous.get("/api/v1/notifications/email/confirm", params={"token": token})
    assert again.status_code == 422 and again.json()["error"]["fields"][0]["field"] == "token"
    second = f"second-{user.id[:8]}@example.com"
    # Another address within ten minutes of the last link: not mailed (a stranger after a
    # stranger otherwise), and said so.
    soon = user.client.post(
        "/api/v1/notifications/preferences", json={**FAILED_BY_EMAIL, "email_address": second}
    )
    assert soon.status_code == 429 and int(soon.headers["Retry-After"]) > 500
    assert smtp_sink.to(second) == []
    db.execute(
        "UPDATE notifications.notification_preferences"
        " SET email_confirm_sent_at = now() - interval '11 minutes' WHERE user_id = %s",
        (user.id,),
    )
    assert _save(user, second)["email_confirmed"] is False
    confirm_address(user, smtp_sink, second)
    assert user.client.get("/api/v1/notifications/preferences").json()["email_confirmed"] is True

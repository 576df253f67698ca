"""Every fault the Graph API simulator can raise leads the workflow to the right end state."""

import random
import time

import pytest

from tests.services.scheduler.publishing import arm, publishes, schedule, wait_for_status


@pytest.mark.parametrize(
    ("kind", "endpoint", "times"),
    [
        ("throttle_app", "create", 1),
        ("throttle_user", "status", 1),
        ("throttle_page", "publish", 1),
        ("throttle_call", "publish", 2),
        ("publish_limit", "publish", 1),
        ("transient", "create", 2),
        ("transient", "publish", 1),
        ("expired_container", "publish", 1),
        # Rows of the answer table (lib/instagram/answers.py) that end published.
        ("download_timeout", "create", 1),
        ("create_failed", "create", 1),
        ("upload_unknown", "create", 1),
        ("publish_temporary", "publish", 1),
        ("media_not_ready", "publish", 2),
        ("business_throttle", "create", 1),
    ],
)
def test_passing_faults_end_published_exactly_once(publisher, instagram, kind, endpoint, times):
    post = publisher.create_post(caption=f"After {kind} on {endpoint}")
    arm(instagram, publisher, kind, endpoint, times)
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "published", timeout=45)
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == 1
    assert status["last_error"] in ("", None)
    stored = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert stored["instagram_media_id"] == published[0]["media_id"]


@pytest.mark.parametrize("endpoint", ["create", "publish"])
def test_throttling_waits_without_spending_attempts(publisher, instagram, endpoint):
    # Ten "too many calls" in a row: more than the 8 attempts a step has, so only waits
    # that are not attempts get the post out; it goes out once.
    post = publisher.create_post(caption=f"Throttled on {endpoint}")
    arm(instagram, publisher, "throttle_user", endpoint, times=10)
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "published", timeout=60)
    assert status["attempts"] <= 1
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    containers = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert len(containers) == 1


def test_a_publishing_limit_that_lasts_waits_for_quota_instead_of_failing(publisher, instagram):
    # More refusals than the retry policy has attempts (8): waiting for quota must not use them.
    post = publisher.create_post(caption="Patience")
    arm(instagram, publisher, "publish_limit", "publish", times=10)
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "published", timeout=60)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    assert status["instagram_media_id"] == publishes(instagram, publisher.ig_user_id)[0]["media_id"]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("image_too_large", "The image is too large"),
        ("image_format", "The image format is not supported"),
        ("aspect_ratio", "The aspect ratio is not supported"),
        ("caption_too_long", "The caption is too long"),
        ("thumb_offset", "Thumbnail offset"),
        ("media_type", "The media type is unknown"),
        ("carousel_invalid", "The carousel could not be validated"),
        ("too_many_tags", "Cannot use more than 20 tags"),
        # A restriction is never retried (it could deepen it): the person is sent to Instagram.
        ("spam_restricted", "restricts this account"),
        ("account_restricted", "restricts this account"),
    ],
)
def test_refusals_fail_at_once_with_metas_words(publisher, instagram, kind, words):
    # Armed once: a retry would get through and publish, so "failed, nothing published"
    # also proves the refusal was not retried.
    post = publisher.create_post()
    arm(instagram, publisher, kind, "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "failed", timeout=30)
    assert words in status["last_error"], status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []


def test_a_container_whose_processing_failed_is_judged_by_the_subcode_in_its_status(publisher, instagram):
    # 2207053 (a broken upload): a new container, then published, once.
    broke = publisher.create_post(caption="Upload broke")
    arm(instagram, publisher, "processing_upload_broke", "status")
    assert schedule(publisher, broke["id"], 2).status_code == 200
    wait_for_status(publisher, broke["id"], "published", timeout=45)
    made = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert [c["status_code"] for c in made] == ["ERROR", "PUBLISHED"]
    # 2207026 (a format Instagram refuses): failed with its words, nothing more made.
    refused = publisher.create_post(caption="Format refused")
    arm(instagram, publisher, "processing_failed", "status")
    gap = publisher.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 0})
    assert gap.status_code == 200
    assert schedule(publisher, refused["id"], 2).status_code == 200
    status = wait_for_status(publisher, refused["id"], "failed", timeout=45)
    assert "The video format is not supported" in status["last_error"], status["last_error"]
    assert len(publishes(instagram, publisher.ig_user_id)) == 1


def test_media_instagram_cannot_fetch_fails_with_instagrams_reason(publisher, instagram):
    post = publisher.create_post()
    arm(instagram, publisher, "media_fetch_failure", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "failed", timeout=30)
    assert "could not be fetched" in status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []


def test_a_publish_that_outlives_the_client_timeout_is_found_not_repeated(publisher, instagram):
    # The simulator answers after 3 s, the client gives up after 2 s: the next attempt finds
    # the container published and takes the media id from the account's latest media.
    post = publisher.create_post(caption="Slow Instagram")
    arm(instagram, publisher, "timeout", "publish", seconds=3)
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "published", timeout=45)
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == 1
    assert status["instagram_media_id"] == published[0]["media_id"]
    assert status["permalink"].endswith(f"sim{published[0]['media_id']}/")


def _wait_for_publish_attempt(instagram, user, timeout: float = 30.0) -> None:
    """Until the workflow's first media_publish reached the simulator."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if publishes(instagram, user.ig_user_id):
            return
        time.sleep(0.05)
    raise AssertionError("media_publish never called")


def test_an_unknowable_outcome_waits_in_needs_reconcile_then_settles_published(publisher, instagram):
    post = publisher.create_post(caption="Did it go out?")
    arm(instagram, publisher, "publish_response_lost")
    assert schedule(publisher, post["id"], 2).status_code == 200
    _wait_for_publish_attempt(instagram, publisher)
    # The retries cannot read the container either: nobody can tell whether it was published.
    arm(instagram, publisher, "transient", "status", times=2)
    waiting = wait_for_status(publisher, post["id"], "needs_reconcile", timeout=30)
    assert "will not publish it twice" in waiting["last_error"]
    # Meanwhile the post cannot be scheduled again (that could publish it twice).
    again = schedule(publisher, post["id"], 3600)
    assert again.status_code == 409
    status = wait_for_status(publisher, post["id"], "published", timeout=30)
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == 1
    assert status["instagram_media_id"] == published[0]["media_id"]


def test_an_unknowable_outcome_that_did_not_publish_settles_failed(publisher, instagram):
    post = publisher.create_post(caption="Did it go out? No.")
    # A 500 from media_publish: for all the caller knows, it may have published.
    arm(instagram, publisher, "transient", "publish")
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "publishing", timeout=30)
    time.sleep(0.5)
    arm(instagram, publisher, "transient", "status", times=2)
    wait_for_status(publisher, post["id"], "needs_reconcile", timeout=30)
    status = wait_for_status(publisher, post["id"], "failed", timeout=30)
    assert "schedule it again" in status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []
    again = schedule(publisher, post["id"], 3600)
    assert again.status_code == 200, again.text
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")


@pytest.mark.parametrize("failures", [1, 2])
def test_a_retried_preparation_reuses_the_container_it_made(publisher, instagram, failures):
    # The container is made, then reading its status fails (twice: the second attempt's
    # question about it fails too): each retry asks about the container made first instead
    # of making another (400 a day at most).
    post = publisher.create_post(caption="One container")
    arm(instagram, publisher, "transient", "status", times=failures)
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    made = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert len(made) == 1, made


def test_a_carousel_of_two_videos_waits_for_both_before_its_parent(api, instagram):
    # The simulator refuses a parent whose children are still processing, as Instagram does.
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post(
        "/_simulator/accounts",
        json={"ig_user_id": ig_user_id, "access_token": token, "processing_seconds": 2},
    )
    user.account_id = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()["id"]
    post = user.create_post(
        post_type="carousel",
        media=[{"url": "https://cdn.example.com/one.mp4"}, {"url": "https://cdn.example.com/two.mp4"}],
    )
    assert schedule(user, post["id"], 2).status_code == 200
    wait_for_status(user, post["id"], "published", timeout=60)
    assert len(publishes(instagram, ig_user_id)) == 1
    made = instagram.get("/_simulator/containers", params={"ig_user_id": ig_user_id}).json()
    assert sorted(c["media_type"] for c in made) == ["CAROUSEL", "VIDEO", "VIDEO"]

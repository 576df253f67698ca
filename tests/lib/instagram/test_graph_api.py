"""The Graph API client against the simulator over HTTP: the flow, the limits, each fault."""

import pytest

from lib.instagram import errors, insights
from lib.instagram.graph_api import GraphApiClient, meta_root
from tests.lib.instagram.conftest import IMAGE, VIDEO


async def test_publish_an_image(sim, client):
    account, token = sim.account()
    container = await client.create_container(account, token, image_url=IMAGE, caption="Harbour at dawn")
    assert await client.container_status(container, token) == "FINISHED"
    media_id = await client.publish(account, token, container)
    assert await client.container_status(container, token) == "PUBLISHED"
    assert (await client.permalink(media_id, token)).startswith("https://www.instagram.com/p/")
    published = sim.publishes(account)
    assert [(p["media_id"], p["caption"]) for p in published] == [(media_id, "Harbour at dawn")]


async def test_a_container_publishes_once(sim, client):
    account, token = sim.account()
    container = await client.create_container(account, token, image_url=IMAGE)
    await client.publish(account, token, container)
    with pytest.raises(errors.GraphApiError) as raised:
        await client.publish(account, token, container)
    assert raised.value.subcode == 2207006
    assert len(sim.publishes(account)) == 1


async def test_a_reel_is_processed_before_it_can_publish(sim, client):
    account, token = sim.account(processing_seconds=0.5)
    container = await client.create_container(account, token, video_url=VIDEO, media_type="REELS")
    assert await client.container_status(container, token) == "IN_PROGRESS"
    # 9007 / 2207027 means "wait", not "the media is bad" (it was read as a rejection once).
    with pytest.raises(errors.MediaNotReady) as early:
        await client.publish(account, token, container)
    assert early.value.retryable
    import asyncio

    await asyncio.sleep(0.6)
    assert await client.container_status(container, token) == "FINISHED"
    await client.publish(account, token, container)


async def test_a_carousel(sim, client):
    account, token = sim.account()
    children = [
        await client.create_container(account, token, image_url=IMAGE, is_carousel_item=True)
        for _ in range(3)
    ]
    parent = await client.create_container(
        account, token, media_type="CAROUSEL", children=children, caption="3"
    )
    await client.publish(account, token, parent)
    assert [p["media_type"] for p in sim.publishes(account)] == ["CAROUSEL"]
    with pytest.raises(errors.MediaRejected):
        await client.create_container(account, token, media_type="CAROUSEL", children=children[:1])


async def test_the_24_hour_publishing_limit(sim, client):
    account, token = sim.account(publish_limit=2)
    for _ in range(2):
        await client.publish(account, token, await client.create_container(account, token, image_url=IMAGE))
    limit = await client.publishing_limit(account, token)
    assert (limit.used, limit.total, limit.window_seconds, limit.remaining) == (2, 2, 86400, 0)
    with pytest.raises(errors.PublishLimitReached) as raised:
        await client.publish(account, token, await client.create_container(account, token, image_url=IMAGE))
    assert (raised.value.code, raised.value.subcode, raised.value.retryable) == (9, 2207042, True)


async def test_wrong_token_and_unknown_account(sim, client):
    account, token = sim.account()
    other, _ = sim.account()
    with pytest.raises(errors.AuthorizationError):
        await client.create_container(account, "not-the-token", image_url=IMAGE)
    # Meta reads the token first, then the object: a good token on an unknown account, or
    # on an account it may not act for, is 100 / 33.
    with pytest.raises(errors.NotFound):
        await client.create_container("123", token, image_url=IMAGE)
    with pytest.raises(errors.NotFound):
        await client.create_container(other, token, image_url=IMAGE)


@pytest.mark.parametrize(
    ("kind", "error_class", "code", "retryable"),
    [
        ("throttle_app", errors.RateLimited, 4, True),
        ("throttle_user", errors.RateLimited, 17, True),
        ("throttle_page", errors.RateLimited, 32, True),
        ("throttle_call", errors.RateLimited, 613, True),
        ("transient", errors.TransientError, -1, True),
        ("media_fetch_failure", errors.MediaRejected, 9004, False),
        ("revoked_token", errors.AuthorizationError, 190, False),
        ("download_timeout", errors.TransientError, -2, True),
        ("create_failed", errors.ContainerExpired, -1, False),
        ("upload_unknown", errors.ContainerExpired, -1, False),
        ("thumb_offset", errors.MediaRejected, 1, False),
        ("spam_restricted", errors.AccountRestricted, 4, False),
        ("publish_temporary", errors.TransientError, 24, True),
        ("account_restricted", errors.AccountRestricted, 25, False),
        ("image_too_large", errors.MediaRejected, 36000, False),
        ("image_format", errors.MediaRejected, 36001, False),
        ("aspect_ratio", errors.MediaRejected, 36003, False),
        ("caption_too_long", errors.MediaRejected, 36004, False),
        ("video_format", errors.MediaRejected, 352, False),
        ("media_not_ready", errors.MediaNotReady, 9007, True),
        ("media_type", errors.MediaRejected, 100, False),
        ("carousel_invalid", errors.MediaRejected, 100, False),
        ("too_many_tags", errors.MediaRejected, 100, False),
        ("business_throttle", errors.RateLimited, 80002, True),
        ("permission_missing", errors.PermissionMissing, 10, False),
    ],
)
async def test_faults_on_container_creation(sim, client, kind, error_class, code, retryable):
    account, token = sim.account()
    sim.fault(kind=kind, ig_user_id=account, endpoint="create")
    with pytest.raises(error_class) as raised:
        await client.create_container(account, token, image_url=IMAGE)
    assert (raised.value.code, raised.value.retryable) == (code, retryable)
    # Meta's words for the person travel with the error.
    assert raised.value.user_message and raised.value.user_message in raised.value.for_people
    # Armed once: the next call goes through.
    assert await client.create_container(account, token, image_url=IMAGE)


async def test_expired_container_on_publish(sim, client):
    account, token = sim.account()
    container = await client.create_container(account, token, image_url=IMAGE)
    sim.fault(kind="expired_container", ig_user_id=account)
    with pytest.raises(errors.ContainerExpired):
        await client.publish(account, token, container)
    assert sim.publishes(account) == []


async def test_published_but_the_response_was_lost(sim, client):
    account, token = sim.account()
    container = await client.create_container(account, token, image_url=IMAGE)
    sim.fault(kind="publish_response_lost", ig_user_id=account)
    with pytest.raises(errors.TransientError) as raised:
        await client.publish(account, token, container)
    assert raised.value.outcome_unknown
    # The container tells the truth: it was published, so publishing again must not happen.
    assert await client.container_status(container, token) == "PUBLISHED"
    assert len(sim.publishes(account)) == 1


async def test_a_hanging_call_times_out_as_transient(sim, client):
    account, token = sim.account()
    sim.fault(kind="timeout", ig_user_id=account, endpoint="status", seconds=3)
    container = await client.create_container(account, token, image_url=IMAGE)
    with pytest.raises(errors.TransientError) as raised:
        await client.container_status(container, token)
    assert raised.value.retryable


def test_the_simulator_refuses_unknown_faults(sim):
    reply = sim.control.post("/_simulator/faults", json={"kind": "meteor"})
    assert reply.status_code == 422


def test_meta_hosts_are_meta_s_own_unless_a_simulator_stands_in():
    assert meta_root("", "graph.instagram.com") == "https://graph.instagram.com"
    assert (
        meta_root("http://127.0.0.1:8010/", "graph.facebook.com")
        == "http://127.0.0.1:8010/graph.facebook.com"
    )


async def test_an_account_s_calls_go_to_its_host_through_one_shared_view(graph_simulator):
    graph = GraphApiClient(meta_url=graph_simulator, version="v25.0", timeout=2)
    try:
        assert graph.on("graph.instagram.com") is graph.on("graph.instagram.com")
        assert graph.on("graph.facebook.com") is graph
        with pytest.raises(ValueError):
            graph.on("evil.example.com")
    finally:
        await graph.close()


async def test_insights_are_asked_by_media_product_type(sim, client):
    account, token = sim.account()
    container = await client.create_container(account, token, image_url=IMAGE)
    photo = await client.publish(account, token, container)
    story = await client.publish(
        account, token, await client.create_container(account, token, image_url=IMAGE, media_type="STORIES")
    )
    assert set(await client.insights(photo, token, insights.FEED)) == set(insights.FEED)
    assert set(await client.insights(story, token, insights.STORY)) == set(insights.STORY)
    # A story has no likes or saves, and impressions were retired: Instagram refuses the call,
    # and the client asks each metric alone, keeping those Instagram has.
    mixed = await client.insights(story, token, ("likes", "impressions", "reach", "saved", "views"))
    assert set(mixed) == {"reach", "views"}
    with pytest.raises(errors.GraphApiError) as refused:
        await client.insights(story, token, ("likes",))
    assert refused.value.code == 100 and "likes" in refused.value.message


async def test_the_profile_media_carry_their_files_as_meta_describes(sim, client):
    """media_url is the file (a carousel's first item's), thumbnail_url a video's only, and
    media_product_type FEED, REELS or STORY
    (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media)."""
    account, token = sim.account()
    photo = await client.create_container(account, token, image_url=IMAGE, caption="photo")
    await client.publish(account, token, photo)
    children = [
        await client.create_container(account, token, image_url=f"{IMAGE}?{n}", is_carousel_item=True)
        for n in range(2)
    ]
    album = await client.create_container(account, token, media_type="CAROUSEL", children=children)
    await client.publish(account, token, album)
    reel = await client.create_container(account, token, video_url=VIDEO, media_type="REELS")
    await client.publish(account, token, reel)
    story = await client.create_container(account, token, image_url=IMAGE, media_type="STORIES")
    await client.publish(account, token, story)

    story_item, reel_item, album_item, photo_item = await client.profile_media(account, token, 10)
    assert (photo_item.product_type, photo_item.media_url, photo_item.thumbnail_url) == ("FEED", IMAGE, "")
    assert (album_item.product_type, album_item.media_url) == ("FEED", f"{IMAGE}?0")
    assert (reel_item.product_type, reel_item.media_url) == ("REELS", VIDEO)
    assert reel_item.thumbnail_url.endswith(f"/_cdn/{reel_item.id}.jpg")
    assert story_item.product_type == "STORY" and story_item.thumbnail_url == ""
    assert sim.control.get(f"/_cdn/{reel_item.id}.jpg").headers["content-type"] == "image/jpeg"
    assert sim.control.get("/_cdn/999.jpg").status_code == 404

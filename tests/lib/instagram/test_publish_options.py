"""The parameters Postflow builds for each kind of post (lib/instagram/publish_options.py),
sent to the simulator, which takes them as Meta's IG User Media reference lists them and
refuses what Meta refuses (devtools/graph_simulator/container_params.py)."""

import json

import pytest

from lib.instagram import errors
from lib.instagram import publish_options as options
from tests.lib.instagram.conftest import IMAGE, VIDEO, Simulator

PHOTO_TAGS = [{"username": "ana.lima", "x": 0.25, "y": 0.5}, {"username": "joe_b", "x": 1, "y": 0}]
FEED = {"location_id": "110843418940484", "collaborators": ["ana.lima", "studio_two"]}


def kept(sim: Simulator, ig_user_id: str, container_id: str) -> dict:
    made = sim.control.get("/_simulator/containers", params={"ig_user_id": ig_user_id}).json()
    return next(c for c in made if c["id"] == container_id)


def test_each_kind_of_post_is_asked_for_what_it_takes_only():
    photo = options.container(
        "photo", "Hi", FEED | {"share_to_feed": False}, [options.Item(IMAGE, False, "A dog", PHOTO_TAGS)]
    )
    assert photo == {
        "caption": "Hi",
        "image_url": IMAGE,
        "alt_text": "A dog",
        "user_tags": json.dumps(PHOTO_TAGS, separators=(",", ":")),
        "location_id": "110843418940484",
        "collaborators": '["ana.lima","studio_two"]',
    }
    reel = options.container(
        "video",
        "Reel",
        FEED | {"share_to_feed": False, "thumb_offset_ms": 1500, "audio_name": "Waves", "trial": "manual"},
        [options.Item(VIDEO, True, "not for reels", PHOTO_TAGS)],
    )
    assert reel["media_type"] == "REELS" and reel["video_url"] == VIDEO
    assert reel["share_to_feed"] == "false" and reel["thumb_offset"] == "1500"
    assert json.loads(reel["trial_params"]) == {"graduation_strategy": "MANUAL"}
    assert json.loads(reel["user_tags"]) == [{"username": "ana.lima"}, {"username": "joe_b"}]
    assert "alt_text" not in reel
    # A cover picture wins over a frame.
    covered = options.container("reel", "", {"thumb_offset_ms": 10}, [options.Item(VIDEO, True)], IMAGE)
    assert covered["cover_url"] == IMAGE and "thumb_offset" not in covered
    story = options.container("story", "ignored", FEED, [options.Item(IMAGE, False, "x", PHOTO_TAGS[:1])])
    assert story == {
        "media_type": "STORIES",
        "image_url": IMAGE,
        "user_tags": json.dumps(PHOTO_TAGS[:1], separators=(",", ":")),
    }
    child = options.carousel_child(options.Item(VIDEO, True, "alt", PHOTO_TAGS))
    assert child == {"video_url": VIDEO, "media_type": "VIDEO", "is_carousel_item": "true"}


async def test_the_simulator_takes_what_postflow_builds_and_keeps_it(sim, client):
    account, token = sim.account()
    items = [options.Item(IMAGE, False, "A dog on a beach", PHOTO_TAGS), options.Item(VIDEO, True)]
    children = [await client.create_container(account, token, options.carousel_child(item)) for item in items]
    assert kept(sim, account, children[0])["options"] == {
        "alt_text": "A dog on a beach",
        "user_tags": PHOTO_TAGS,
    }
    parent = options.container("carousel", "Two", FEED, items) | {"children": ",".join(children)}
    carousel = kept(sim, account, await client.create_container(account, token, parent))
    assert carousel["options"] == {
        "location_id": "110843418940484",
        "collaborators": ["ana.lima", "studio_two"],
    }
    reel_options = {"share_to_feed": True, "audio_name": "Waves", "trial": "ss_performance"}
    reel = options.container("reel", "A reel", reel_options, [options.Item(VIDEO, True)], IMAGE)
    made = kept(sim, account, await client.create_container(account, token, reel))
    assert made["options"] == {
        "share_to_feed": True,
        "audio_name": "Waves",
        "cover_url": IMAGE,
        "trial_params": {"graduation_strategy": "SS_PERFORMANCE"},
    }


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"image_url": IMAGE, "colaborators": "[]"}, "colaborators"),
        ({"video_url": VIDEO, "media_type": "REELS", "alt_text": "x"}, "alt_text"),
        ({"image_url": IMAGE, "media_type": "STORIES", "alt_text": "x"}, "alt_text"),
        ({"image_url": IMAGE, "user_tags": '[{"username": "ana"}]'}, "user_tags"),
        ({"image_url": IMAGE, "user_tags": '[{"username": "ana", "x": 1.5, "y": 0}]'}, "user_tags"),
        (
            {
                "image_url": IMAGE,
                "user_tags": json.dumps([{"username": f"u{i}", "x": 0, "y": 0} for i in range(21)]),
            },
            "20 tags",
        ),
        (
            {"video_url": VIDEO, "media_type": "REELS", "user_tags": '[{"username": "ana", "x": 0, "y": 0}]'},
            "user_tags",
        ),
        ({"image_url": IMAGE, "collaborators": '["a", "b", "c", "d"]'}, "collaborators"),
        ({"image_url": IMAGE, "media_type": "STORIES", "collaborators": '["a"]'}, "collaborators"),
        ({"image_url": IMAGE, "media_type": "STORIES", "location_id": "1"}, "location_id"),
        ({"image_url": IMAGE, "share_to_feed": "true"}, "share_to_feed"),
        ({"image_url": IMAGE, "thumb_offset": "100"}, "thumb_offset"),
        (
            {"video_url": VIDEO, "media_type": "REELS", "trial_params": '{"graduation_strategy": "SOON"}'},
            "trial_params",
        ),
        ({"image_url": IMAGE, "is_carousel_item": "true", "location_id": "1"}, "location_id"),
        ({"image_url": IMAGE, "caption": "x" * 2201}, "caption is too long"),
        ({"image_url": IMAGE, "caption": " ".join(f"#t{i}" for i in range(31))}, "caption"),
        ({"image_url": IMAGE, "caption": " ".join(f"@u{i}" for i in range(21))}, "20 tags"),
    ],
)
async def test_the_simulator_refuses_what_instagram_does_not_take(sim, client, fields, named):
    account, token = sim.account()
    with pytest.raises(errors.GraphApiError) as refused:
        await client.create_container(account, token, fields)
    assert refused.value.code in (100, 36004)
    assert named in refused.value.message


async def test_the_limits_themselves_are_taken(sim, client):
    account, token = sim.account()
    words = " ".join([*(f"#t{i}" for i in range(30)), *(f"@u{i}" for i in range(20))])
    caption = words + " " + "x" * (2200 - len(words) - 1)
    tags = json.dumps([{"username": f"u{i}", "x": 0.5, "y": 0.5} for i in range(20)])
    container = await client.create_container(
        account, token, {"image_url": IMAGE, "caption": caption, "user_tags": tags}
    )
    assert kept(sim, account, container)["caption"] == caption

"""Meta's own Python SDK (facebook-business) drives the simulator: the container and publish
calls it makes, with every publish option Postflow sends, are taken as Meta takes them
(its encoding of lists, maps and booleans included), and what is kept is what was sent."""

from facebook_business.adobjects.iguser import IGUser
from facebook_business.api import FacebookAdsApi
from facebook_business.exceptions import FacebookRequestError
from facebook_business.session import FacebookSession

from tests.lib.instagram.conftest import IMAGE, VIDEO

TAGS = [{"username": "ana.lima", "x": 0.25, "y": 0.5}]


def _user(graph_simulator: str, account: str, token: str) -> IGUser:
    session = FacebookSession(access_token=token)
    # The SDK's host, moved to the simulator's stand-in for it.
    session.GRAPH = f"{graph_simulator}/graph.facebook.com"
    return IGUser(account, api=FacebookAdsApi(session, api_version="v25.0"))


def _kept(sim, account: str, container_id: str) -> dict:
    made = sim.control.get("/_simulator/containers", params={"ig_user_id": account}).json()
    return next(c for c in made if c["id"] == container_id)


def test_metas_sdk_publishes_a_carousel_and_a_reel_with_their_options(sim, graph_simulator):
    account, token = sim.account()
    user = _user(graph_simulator, account, token)
    children = [
        user.create_media(
            params={"image_url": IMAGE, "is_carousel_item": True, "alt_text": "A pier", "user_tags": TAGS}
        )["id"],
        user.create_media(params={"video_url": VIDEO, "media_type": "VIDEO", "is_carousel_item": True})["id"],
    ]
    assert _kept(sim, account, children[0])["options"] == {"alt_text": "A pier", "user_tags": TAGS}
    parent = user.create_media(
        params={
            "media_type": "CAROUSEL",
            "children": children,
            "caption": "Two views",
            "collaborators": ["studio_two"],
            "location_id": "110843418940484",
        }
    )["id"]
    assert _kept(sim, account, parent)["children"] == children
    assert user.create_media_publish(params={"creation_id": parent})["id"]

    reel = user.create_media(
        params={
            "media_type": "REELS",
            "video_url": VIDEO,
            "share_to_feed": False,
            "thumb_offset": "1500",
            "audio_name": "Harbour waves",
            "trial_params": {"graduation_strategy": "MANUAL"},
            "user_tags": [{"username": "joe_b"}],
        }
    )["id"]
    assert _kept(sim, account, reel)["options"] == {
        "share_to_feed": False,
        "thumb_offset": 1500,
        "audio_name": "Harbour waves",
        "trial_params": {"graduation_strategy": "MANUAL"},
        "user_tags": [{"username": "joe_b"}],
    }
    assert user.create_media_publish(params={"creation_id": reel})["id"]
    assert len(sim.publishes(account)) == 2


def test_metas_sdk_reads_the_simulators_refusals(sim, graph_simulator):
    account, token = sim.account()
    user = _user(graph_simulator, account, token)
    try:
        user.create_media(params={"media_type": "REELS", "video_url": VIDEO, "alt_text": "no"})
    except FacebookRequestError as refused:
        assert refused.api_error_code() == 100
        assert "alt_text" in refused.api_error_message()
    else:
        raise AssertionError("alt text on a reel was taken")

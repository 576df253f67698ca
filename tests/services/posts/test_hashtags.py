"""Hashtag suggestions learned from the user's own posts."""


def test_suggestions_follow_frequency_and_co_occurrence(api):
    user = api.new_user()
    for _ in range(3):
        user.create_post(caption="Espresso morning", hashtags=["coffee", "espresso"])
    user.create_post(caption="Trail run at dawn", hashtags=["running", "trail"])
    user.create_post(caption="Another trail day", hashtags=["trail", "hiking"])

    reply = user.client.get("/api/v1/hashtags/suggest", params={"caption": "Trail shoes test", "limit": 3})
    assert reply.status_code == 200, reply.text
    suggestions = reply.json()["suggestions"]
    assert suggestions[0]["hashtag"] == "trail"
    assert suggestions[0]["uses"] == 2
    assert suggestions[0]["reason"] == "co_occurs_with:trail"
    assert {s["hashtag"] for s in suggestions[1:]} == {"running", "hiking"}

    plain = user.client.get("/api/v1/hashtags/suggest", params={"limit": 2}).json()["suggestions"]
    assert [s["hashtag"] for s in plain] == ["coffee", "espresso"]
    assert plain[0]["reason"] == "frequent"

    chosen = user.client.get(
        "/api/v1/hashtags/suggest", params={"caption": "Trail", "hashtag": ["#trail"]}
    ).json()["suggestions"]
    assert "trail" not in [s["hashtag"] for s in chosen]


def test_suggestions_come_only_from_the_users_own_posts(api):
    mine, theirs = api.new_user(), api.new_user()
    theirs.create_post(hashtags=["secretlaunch"])
    mine.create_post(hashtags=["mytag"])
    suggested = mine.client.get("/api/v1/hashtags/suggest").json()["suggestions"]
    assert "secretlaunch" not in [s["hashtag"] for s in suggested]


def test_warnings_for_banned_overused_and_repetitive_tags(api):
    user = api.new_user()
    for i in range(6):
        user.create_post(caption=f"Day {i}", hashtags=["mybrand"])
    reply = user.client.get(
        "/api/v1/hashtags/suggest", params={"hashtag": ["mybrand", "humpday", "photooftheday"]}
    ).json()
    codes = sorted(w["code"] for w in reply["warnings"])
    assert codes == ["banned_hashtag", "overused_hashtag", "repetitive_hashtag"]
    assert user.client.get("/api/v1/hashtags/suggest", params={"limit": 51}).status_code == 422

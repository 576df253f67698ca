"""The composer's Instagram options in a real browser: a person tagged where the picture is
clicked, alt text, a first comment and collaborators on a photo; a reel's share-to-feed,
audio name and trial; each shown only for the kinds of post Instagram takes it on, and
each checked against what the API then holds. And a failed first comment, retried from
the post."""

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.browser.test_composer import _post_id
from tests.services.media.helpers import image_bytes, upload, wait_ready
from tests.services.scheduler.publishing import arm, schedule, wait_for_status
from tests.workflows.test_first_comment import first_comment

pytestmark = pytest.mark.browser


def test_tag_people_on_the_picture_and_set_the_options_each_type_takes(browser, system, api):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    item = upload(user, image_bytes((1080, 1350)), filename="pier.jpg").json()
    wait_ready(user, item["id"])

    page = signed_in_page(browser, system, user, "/#/compose")
    page.get_by_role("heading", name="New post").wait_for()
    page.get_by_label("Caption").fill("The pier at dawn")
    page.get_by_role("button", name="Add pier.jpg").click()
    page.get_by_label("Alt text of item 1").fill("A wooden pier in morning fog")
    picture = page.locator(".tag-picture img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.5})
    page.get_by_label("Tag", exact=True).fill("@Ana.Lima")
    page.get_by_label("Tag", exact=True).press("Enter")
    page.locator(".tag-marker").filter(has_text="@ana.lima").wait_for()
    page.get_by_label("First comment").fill("#pier #dawn")
    page.get_by_label("Collaborators").fill("studio_two")
    # Reel options are not offered on a photo.
    assert not page.get_by_label("Audio name").is_visible()
    page.locator(".ig-comment").filter(has_text="#pier #dawn").wait_for()
    page.get_by_role("button", name="Save version").click()
    page.locator(".saved").filter(has_text="Saved").wait_for()

    post_id = _post_id(page)
    stored = user.client.get(f"/api/v1/posts/{post_id}").json()
    assert stored["media"][0]["alt_text"] == "A wooden pier in morning fog"
    (tag,) = stored["media"][0]["user_tags"]
    assert tag["username"] == "ana.lima"
    assert abs(tag["x"] - 0.25) < 0.02 and abs(tag["y"] - 0.5) < 0.02
    assert stored["options"]["first_comment"] == "#pier #dawn"
    assert stored["options"]["collaborators"] == ["studio_two"]

    # As a reel: the reel's options appear; the tag keeps its person, not its place.
    page.get_by_label("Type").select_option("reel")
    page.get_by_label("Audio name").fill("Harbour waves")
    page.get_by_label("Also show the reel in the profile's feed").uncheck()
    page.get_by_label("Trial reel").select_option("ss_performance")
    assert not page.get_by_label("Alt text of item 1").is_visible()
    page.get_by_role("button", name="Save version").click()
    page.locator(".saved").filter(has_text="Saved as version 2").wait_for()
    reel = user.client.get(f"/api/v1/posts/{post_id}").json()
    assert reel["post_type"] == "reel"
    assert reel["options"]["audio_name"] == "Harbour waves"
    assert reel["options"]["share_to_feed"] is False
    assert reel["options"]["trial"] == "ss_performance"
    assert reel["options"]["first_comment"] == "#pier #dawn"
    assert [(t["username"], t["x"]) for t in reel["media"][0]["user_tags"]] == [("ana.lima", None)]
    assert reel["media"][0]["alt_text"] is None
    assert serious_violations(page) == []
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()


def test_a_failed_first_comment_is_shown_on_the_post_and_retried_from_it(
    browser, system, publisher, instagram
):
    arm(instagram, publisher, "permission_missing", "comment")
    post = publisher.create_post(caption="Quay", options={"first_comment": "More in bio"})
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    first_comment(publisher, post["id"], "failed")

    page = signed_in_page(browser, system, publisher, f"/#/compose/{post['id']}")
    page.locator(".first-comment").filter(has_text="The first comment was not posted").wait_for()
    page.get_by_role("button", name="Retry the first comment").click()
    # Followed live: the first_comment event of the retry's step.
    page.locator(".first-comment").filter(has_text="First comment posted.").wait_for(timeout=30_000)
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["first_comment"]["status"] == "posted"
    assert serious_violations(page) == []
    page.context.close()

"""Two people and a client on one account, in a real browser: a contributor switches to the
team's workspace and submits a post for review from the composer; a reviewer approves it
from the review queue; it publishes. A client with no account approves another post from
the page of a review link."""

import time

import httpx
import pytest

from tests.browser.pages import open_page, serious_violations, signed_in_page
from tests.factories import post_body
from tests.services.scheduler.publishing import IMAGE, local_in, publishes
from tests.workspaces import acting_in, connected_account, join, new_workspace

pytestmark = pytest.mark.browser


def _until(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def _in_workspace(page, workspace_id: str, path: str):
    """Switch the header's workspace, then open `path`."""
    page.locator("#workspace").select_option(workspace_id)
    page.goto(path)
    page.get_by_role("button", name="Sign out").wait_for()


def test_a_contributor_submits_a_reviewer_approves_from_the_queue_and_it_publishes(
    browser, system, api, instagram, smtp_sink, screenshot
):
    owner = api.new_user(name="Rae Reviewer")
    workspace = new_workspace(owner, "Harbour Bakery")
    team = acting_in(api, owner, workspace["id"])
    account_id, ig_user_id = connected_account(team, instagram)
    assert team.put("/api/v1/approvals/rule", json={"required": True}).status_code == 200
    contributor = join(api, smtp_sink, owner, workspace["id"], "contributor")
    post_id = contributor.client.post(
        "/api/v1/posts", json=post_body(caption="Sourdough Saturday", media=[{"url": IMAGE}])
    ).json()["id"]

    # The contributor, in the team's workspace, submits it from the composer.
    writer = signed_in_page(browser, system, contributor.user, "/#/calendar")
    _in_workspace(writer, workspace["id"], f"/#/compose/{post_id}")
    writer.get_by_role("button", name="Submit for review").click()
    writer.locator(".review-state").filter(has_text="Waiting for review").wait_for()
    assert contributor.client.get(f"/api/v1/posts/{post_id}").json()["review"]["status"] == "in_review"

    # The reviewer schedules it; then approves it from the queue, with the version shown.
    body = {"scheduled_time": local_in(10), "timezone": "Europe/Paris", "account_id": account_id}
    assert team.post(f"/api/v1/posts/{post_id}/schedule", json=body).status_code == 200
    version = team.get(f"/api/v1/posts/{post_id}").json()["version"]
    reviewer = signed_in_page(browser, system, owner, "/#/calendar")
    _in_workspace(reviewer, workspace["id"], "/#/reviews")
    card = reviewer.locator(f'.review-card[data-post="{post_id}"]')
    card.wait_for()
    assert "Sourdough Saturday" in card.inner_text()
    screenshot(reviewer, "review-queue")
    assert serious_violations(reviewer) == []
    card.get_by_role("button", name=f"Approve version {version}").click()
    reviewer.get_by_text(f"Version {version} approved.").wait_for()
    assert team.get(f"/api/v1/posts/{post_id}").json()["review"]["status"] == "approved"

    published = _until(lambda: publishes(instagram, ig_user_id), 60)
    assert [p["caption"].split("\n")[0] for p in published] == ["Sourdough Saturday"]
    assert _until(lambda: team.get(f"/api/v1/posts/{post_id}").json()["status"] == "published", 30)
    # The members screen lists both, with their roles.
    _in_workspace(reviewer, workspace["id"], "/#/team")
    reviewer.get_by_role("heading", name="Members").wait_for()
    assert reviewer.get_by_label(f"Role of {contributor.user.email}").input_value() == "contributor"
    assert [p for p in writer.problems + reviewer.problems if "Failed to load resource" not in p] == []


def test_a_client_approves_from_a_review_link_page(browser, system, api, instagram):
    owner = api.new_user()
    workspace = new_workspace(owner, "Client Page")
    team = acting_in(api, owner, workspace["id"])
    post_id = team.post(
        "/api/v1/posts", json=post_body(caption="Spring collection", media=[{"url": IMAGE}])
    ).json()["id"]
    link = team.post("/api/v1/review-links", json={"post_id": post_id, "label": "Spring"}).json()
    page = open_page(browser, system)
    page.goto("/" + link["url"].split("/", 3)[3])
    page.get_by_role("heading", name="Spring").wait_for()
    assert "Spring collection" in page.locator(".client-post").inner_text()
    page.get_by_label("Your name").fill("Dana")
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved. Thank you!").wait_for()
    assert team.get(f"/api/v1/posts/{post_id}").json()["review"]["status"] == "approved"
    assert serious_violations(page) == []
    # An altered link shows nothing of the post.
    other = open_page(browser, system)
    other.goto("/#/review?token=" + link["token"][:-2] + "xx")
    other.get_by_role("heading", name="This review link does not work").wait_for()
    assert "Spring collection" not in other.content()
    assert (
        httpx.get(f"{system.base_url}/api/v1/client-review/{link['token']}x", timeout=10).status_code == 404
    )
    assert [p for p in page.problems if "Failed to load resource" not in p] == []


def test_hashtag_groups_are_kept_on_the_team_screen_and_inserted_in_the_composer(
    browser, system, api, tmp_path
):
    user = api.new_user()
    page = signed_in_page(browser, system, user, "/#/team")
    page.get_by_role("heading", name="Hashtag groups").wait_for()
    page.get_by_label("Group name").fill("Bakery core")
    page.get_by_label("Hashtags (comma-separated)").fill("#bakery, sourdough breadlove")
    page.get_by_role("button", name="Add group").click()
    page.get_by_role("button", name="Delete Bakery core").wait_for()
    assert [g["hashtags"] for g in user.client.get("/api/v1/hashtag-groups").json()["items"]] == [
        ["bakery", "sourdough", "breadlove"]
    ]
    page.goto("/#/compose")
    page.get_by_role("heading", name="New post").wait_for()
    page.get_by_label("Hashtags", exact=True).fill("weekend")
    picker = page.get_by_label("Insert a hashtag group")
    picker.locator("option", has_text="Bakery core").wait_for(state="attached")
    picker.select_option(label="Bakery core (3)")
    assert page.get_by_label("Hashtags", exact=True).input_value() == "weekend, bakery, sourdough, breadlove"
    # The analytics screen's CSV, as the browser saves it.
    page.goto("/#/analytics")
    page.get_by_role("heading", name="Analytics").wait_for()
    with page.expect_download() as saved:
        page.get_by_role("button", name="Download CSV").click()
    path = tmp_path / "analytics.csv"
    saved.value.save_as(path)
    assert path.read_text().splitlines()[0].startswith("published_local,post_id,account_id")
    assert [p for p in page.problems if "Failed to load resource" not in p] == []

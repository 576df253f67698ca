"""CSV import: a dry run names every row's problems by line and column; the import makes
the valid rows' posts through a durable workflow (its progress over the stream), scheduling
those with a time as a person would; the same file twice is imported once."""

import asyncio
import csv
import io
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.services.scheduler.publishing import IMAGE, ZONE, user_events
from tests.workspaces import acting_in, connected_account, join, new_workspace

SPRING = {"name": "Spring", "start_date": "2027-03-01", "end_date": "2027-03-31", "colour": "#1E90FF"}
HEADER = ["caption", "media", "post_type", "time", "timezone", "account", "tags", "first_comment", "campaign"]


def _day(days: int, at: str) -> str:
    return f"{(datetime.now(ZoneInfo(ZONE)).date() + timedelta(days=days)).isoformat()} {at}"


def _csv(*rows: list[str], header=HEADER) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _until(check, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.3)


def _month(username: str) -> str:
    return _csv(
        [
            "Spring is here",
            IMAGE,
            "photo",
            _day(3, "09:00"),
            ZONE,
            f"@{username}",
            "spring, launch",
            "Link in bio",
            "Spring",
        ],
        ["Bad time", IMAGE, "", "next tuesday", "", "", "", "", ""],
        ["Bad type", IMAGE, "tweet", "", "", "", "", "", ""],
        ["Missing file", "not-in-my-library.jpg", "", "", "", "", "", "", ""],
        ["Other account", IMAGE, "", _day(4, "09:00"), "", "@someone_else", "", "", ""],
        ["x" * 2300, IMAGE, "", "", "", "", "", "", ""],
        ["Past", IMAGE, "", _day(-2, "09:00"), "", "", "", "", ""],
        ["No such campaign", IMAGE, "", "", "", "", "", "", "Winter"],
        ["Just an idea", "", "", "", "", "", "idea", "", ""],
        ["Clocks skip", IMAGE, "", "2031-03-30 02:30", "Europe/Paris", "", "", "", ""],
        ["Carousel", f"{IMAGE} | https://cdn.example.com/two.jpg", "", _day(5, "18:30"), "", "", "", "", ""],
    )


def test_a_dry_run_names_each_rows_problems_by_line_and_column(publisher):
    username = publisher.client.get("/api/v1/accounts").json()[0]["username"]
    assert publisher.client.post("/api/v1/campaigns", json=SPRING).status_code == 201
    reply = publisher.client.post("/api/v1/imports/check", json={"csv": _month(username), "timezone": ZONE})
    assert reply.status_code == 200, reply.text
    report = reply.json()
    assert (report["total"], report["valid"]) == (11, 3)
    named = {row["row"]: sorted({p["column"] for p in row["problems"]}) for row in report["rows"]}
    assert named == {
        2: [],
        3: ["time"],
        4: ["post_type"],
        5: ["media"],
        6: ["account"],
        7: ["caption"],
        8: ["time"],
        9: ["campaign"],
        10: [],
        11: ["time"],
        12: [],
    }
    first = report["rows"][0]
    assert (first["account"], first["post_type"], first["local_time"]) == (
        username,
        "photo",
        _day(3, "09:00").replace(" ", "T"),
    )
    assert report["rows"][10]["post_type"] == "carousel" and report["rows"][10]["media_count"] == 2
    messages = {row["row"]: row["problems"][0]["message"] for row in report["rows"] if row["problems"]}
    assert "2031-03-30T02:30 does not exist in Europe/Paris" in messages[11]
    assert "past" in messages[8] and "someone_else" in messages[6]
    # Nothing was saved.
    assert publisher.client.get("/api/v1/posts").json()["items"] == []


def test_the_file_itself_is_checked(publisher):
    check = lambda text: publisher.client.post("/api/v1/imports/check", json={"csv": text})  # noqa: E731
    unknown = check(_csv(["a", IMAGE], header=["caption", "media", "colour"][:2] + ["colour"]))
    assert unknown.status_code == 200
    assert [(p["row"], p["column"]) for p in unknown.json()["file_problems"]] == [(1, "colour")]
    for text, says in (
        ("", "empty"),
        ("caption,media\n", "no rows"),
        ("caption\n" + "x\n" * 1001, "at most 1000"),
        ("caption\n\x00\n", "NUL"),
    ):
        reply = check(text)
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["fields"][0]["field"] == "csv" and says in reply.text
    assert check(_csv(["a"], header=["caption"])).status_code == 200
    bad_zone = publisher.client.post(
        "/api/v1/imports/check", json={"csv": "caption\na\n", "timezone": "Nowhere/X"}
    )
    assert bad_zone.status_code == 422 and "timezone" in bad_zone.text
    # A file that cannot be imported at all is refused, naming the file.
    reply = publisher.client.post("/api/v1/imports", json={"csv": _csv(["Bad", IMAGE, "tweet"])})
    assert reply.status_code == 422 and "csv" in reply.text


def test_an_import_makes_the_valid_rows_posts_once_with_its_progress_live(publisher, system):
    username = publisher.client.get("/api/v1/accounts").json()[0]["username"]
    campaign = publisher.client.post("/api/v1/campaigns", json=SPRING).json()
    month = _month(username)
    reply = publisher.client.post(
        "/api/v1/imports", json={"csv": month, "timezone": ZONE, "filename": "april.csv"}
    )
    assert reply.status_code == 201, reply.text
    made = reply.json()
    assert (made["total"], made["repeated"], made["filename"]) == (11, False, "april.csv")

    done = _until(
        lambda: (
            (found := publisher.client.get(f"/api/v1/imports/{made['id']}").json())["status"] == "done"
            and found
        )
    )
    assert done, publisher.client.get(f"/api/v1/imports/{made['id']}").json()
    outcomes = {row["row"]: row["outcome"] for row in done["rows"]}
    assert outcomes == {
        2: "scheduled",
        3: "skipped",
        4: "skipped",
        5: "skipped",
        6: "skipped",
        7: "skipped",
        8: "skipped",
        9: "skipped",
        10: "draft",
        11: "skipped",
        12: "scheduled",
    }
    assert (done["processed"], done["imported"], done["skipped"], done["failed"]) == (11, 3, 8, 0)
    spring = publisher.client.get(f"/api/v1/posts/{done['rows'][0]['post_id']}").json()
    assert spring["status"] == "scheduled" and spring["caption"] == "Spring is here"
    assert spring["scheduled_local"].startswith(_day(3, "09:00").replace(" ", "T"))
    assert spring["tags"] == ["spring", "launch"] and spring["campaign_id"] == campaign["id"]
    assert spring["options"]["first_comment"] == "Link in bio"
    idea = publisher.client.get(f"/api/v1/posts/{done['rows'][8]['post_id']}").json()
    assert (idea["status"], idea["scheduled_for"]) == ("draft", None)

    # The same file again is the same import: nothing more is made.
    again = publisher.client.post("/api/v1/imports", json={"csv": month, "timezone": ZONE})
    assert again.status_code == 200 and again.json()["repeated"] and again.json()["id"] == made["id"]
    assert len(publisher.client.get("/api/v1/posts", params={"limit": 50}).json()["items"]) == 3
    assert [i["id"] for i in publisher.client.get("/api/v1/imports").json()["items"]] == [made["id"]]

    # Its progress went over the stream, to the end.
    seen = asyncio.run(user_events(system.env["POSTFLOW_NATS_URL"], publisher.id, time.monotonic() + 3))
    progress = [e for e in seen if e["type"] == "import_progress" and e["import_id"] == made["id"]]
    assert progress and progress[-1]["status"] == "done" and progress[-1]["processed"] == 11
    assert [e["processed"] for e in progress] == sorted(e["processed"] for e in progress)


def test_a_row_the_scheduler_refuses_is_kept_as_a_planned_draft_and_planning_only_schedules_nothing(
    publisher,
):
    at = _day(6, "10:00")
    clash = _csv(
        ["First", IMAGE, "", at, ZONE, "", "", "", ""], ["Same minute", IMAGE, "", at, ZONE, "", "", "", ""]
    )
    made = publisher.client.post("/api/v1/imports", json={"csv": clash}).json()
    done = _until(
        lambda: (
            (found := publisher.client.get(f"/api/v1/imports/{made['id']}").json())["status"] == "done"
            and found
        )
    )
    assert [r["outcome"] for r in done["rows"]] == ["scheduled", "failed"]
    assert "minutes apart" in done["rows"][1]["message"]
    kept = publisher.client.get(f"/api/v1/posts/{done['rows'][1]['post_id']}").json()
    assert kept["status"] == "draft" and kept["scheduled_local"].startswith(at.replace(" ", "T"))

    plan = _csv(["Planned", IMAGE, "", _day(7, "10:00"), ZONE, "", "", "", ""])
    made = publisher.client.post("/api/v1/imports", json={"csv": plan, "schedule": False}).json()
    done = _until(
        lambda: (
            (found := publisher.client.get(f"/api/v1/imports/{made['id']}").json())["status"] == "done"
            and found
        )
    )
    assert [r["outcome"] for r in done["rows"]] == ["planned"]
    assert publisher.client.get(f"/api/v1/posts/{done['rows'][0]['post_id']}").json()["status"] == "draft"
    assert publisher.client.get("/api/v1/imports/00000000-0000-0000-0000-000000000009").status_code == 404


def test_who_may_import_what_in_a_team(api, instagram, smtp_sink):
    """A contributor may import drafts but not schedule; an editor limited to one account
    is refused rows on the other, named by line."""
    owner = api.new_user()
    workspace = new_workspace(owner, "Import Team")
    team = acting_in(api, owner, workspace["id"])
    mine, _ = connected_account(team, instagram)
    theirs, _ = connected_account(team, instagram)
    rows = _csv(
        ["Mine", IMAGE, "", _day(8, "10:00"), ZONE, mine, "", "", ""],
        ["Theirs", IMAGE, "", _day(8, "12:00"), ZONE, theirs, "", "", ""],
    )
    contributor = join(api, smtp_sink, owner, workspace["id"], "contributor")
    refused = contributor.client.post("/api/v1/imports/check", json={"csv": rows})
    assert refused.status_code == 403, refused.text
    assert (
        contributor.client.post("/api/v1/imports/check", json={"csv": rows, "schedule": False}).status_code
        == 200
    )

    editor = join(api, smtp_sink, owner, workspace["id"], "editor")
    member = f"/api/v1/workspaces/{workspace['id']}/members/{editor.user.id}"
    assert owner.client.patch(member, json={"account_ids": [mine]}).status_code == 200
    checked = editor.client.post("/api/v1/imports/check", json={"csv": rows}).json()
    assert [[p["column"] for p in row["problems"]] for row in checked["rows"]] == [[], ["account"]]
    assert "not one of the accounts an admin gave you" in checked["rows"][1]["problems"][0]["message"]

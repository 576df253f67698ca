"""A month from a spreadsheet, in a real browser: the file is checked (a bad row named by
line and column), imported with its progress shown, and each row's outcome listed; the
posts are there (the API says so)."""

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.posts.test_imports import _csv, _day
from tests.services.scheduler.publishing import IMAGE, ZONE

pytestmark = pytest.mark.browser


def test_a_csv_is_checked_then_imported_with_its_progress(browser, system, publisher, tmp_path, screenshot):
    path = tmp_path / "april.csv"
    path.write_text(
        _csv(
            ["Opening day", IMAGE, "photo", _day(3, "09:00"), ZONE, "", "spring", "", ""],
            ["When?", IMAGE, "", "someday", "", "", "", "", ""],
            ["Behind the scenes", IMAGE, "", _day(4, "18:00"), ZONE, "", "", "", ""],
        )
    )
    page = signed_in_page(browser, system, publisher, "/#/import")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("status").filter(has_text="2 of 3 rows can be imported").wait_for()
    bad = page.locator('tr[data-row="3"]')
    assert "time:" in bad.locator("td.problems").inner_text()
    assert page.locator('tr[data-row="2"] td.problems').inner_text() == "OK"
    assert serious_violations(page) == []
    screenshot(page, "import-checked")

    page.get_by_role("button", name="Import 2 rows").click()
    page.get_by_role("status").filter(has_text="Done: 2 imported, 0 not scheduled, 1 skipped").wait_for(
        timeout=60_000
    )
    assert page.locator('tr[data-row="2"] td.outcome').inner_text().startswith("Scheduled")
    assert page.locator('tr[data-row="3"] td.outcome').inner_text().startswith("Skipped")
    assert page.locator("ul.imports li").first.inner_text().startswith("april.csv: 2 of 3 imported")
    screenshot(page, "import-done")
    posts = publisher.client.get("/api/v1/posts", params={"status": "scheduled"}).json()["items"]
    assert sorted(p["caption"] for p in posts) == ["Behind the scenes", "Opening day"]
    assert [p for p in page.problems if "Failed to load resource" not in p] == []

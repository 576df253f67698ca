"""What the browser tests share: a signed-in page, and axe-core's serious findings."""

from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def open_page(browser, system, *, width: int = 1280, height: int = 900):
    """A fresh context's page that records console errors and script errors in `problems`."""
    context = browser.new_context(base_url=system.base_url, viewport={"width": width, "height": height})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


def signed_in_page(browser, system, user, path: str):
    """`user` signed in through the sign-in form, then at `path`."""
    page = open_page(browser, system)
    page.goto("/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(user.password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()
    page.goto(path)
    return page

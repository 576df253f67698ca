"""/docs in a real browser: Swagger UI renders the API from this origin's files alone, under
a policy that allows no script from elsewhere and no inline script."""

import pytest

from tests.browser.pages import open_page

pytestmark = pytest.mark.browser


def test_the_api_docs_render_from_this_origin_alone(browser, system):
    page = open_page(browser, system)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/docs")
    page.locator(".swagger-ui .info .title").filter(has_text="Postflow API").wait_for(timeout=20_000)
    page.locator(".opblock-summary-path").filter(has_text="/api/v1/posts").first.wait_for()
    assert requested and all(url.startswith(system.base_url) for url in requested), requested
    # A CSP refusal is a console error: none.
    assert page.problems == []
    page.context.close()

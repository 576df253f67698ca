"""The limits every bulk request shares: a known action and 1 to max_items post ids."""

from services.common.errors import Violation


def problems(
    *, action: str, actions: tuple[str, ...], post_ids: list[str], max_items: int
) -> list[Violation]:
    found = []
    if action not in actions:
        found.append(Violation("action", f"must be one of {', '.join(actions)}"))
    if not post_ids:
        found.append(Violation("post_ids", "must name at least one post"))
    if len(post_ids) > max_items:
        found.append(Violation("post_ids", f"at most {max_items} posts per request, not {len(post_ids)}"))
    return found

"""What every bulk request shares: a known action, 1 to max_items post ids, and one result
per post, each succeeding or failing on its own."""

from dataclasses import dataclass
from typing import Generic, TypeVar

from lib.common.errors import Violation
from protos import common_pb2

T = TypeVar("T")


@dataclass
class ItemResult(Generic[T]):
    """One post's outcome: ok with what the action made of it (`value`), or the error."""

    post_id: str
    ok: bool
    error_code: str = ""
    error_message: str = ""
    value: T | None = None


def item_error(result: ItemResult) -> common_pb2.ItemError | None:
    """Why the item was not done, as the bulk results' messages carry it (None when it was)."""
    return None if result.ok else common_pb2.ItemError(code=result.error_code, message=result.error_message)


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

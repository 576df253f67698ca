"""A workspace's approval rule: whether its posts (all, or those of some accounts) need an
approval of their exact version before they go out (approvals.py enforces it)."""

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import invalid_field
from services.posts.models import ApprovalRule

MAX_ACCOUNTS = 200


@dataclass(frozen=True)
class Rule:
    required: bool
    account_ids: list[uuid.UUID]

    def applies_to(self, account_id: uuid.UUID | None) -> bool:
        return self.required and (not self.account_ids or account_id in self.account_ids)


NO_RULE = Rule(False, [])


async def rule_of(db: Database, user_id: uuid.UUID) -> Rule:
    async with db.reading() as session:
        row = await session.get(ApprovalRule, user_id)
    return Rule(row.required, list(row.account_ids)) if row else NO_RULE


async def set_rule(db: Database, *, user_id: uuid.UUID, required: bool, account_ids: list[str]) -> Rule:
    if len(account_ids) > MAX_ACCOUNTS:
        raise invalid_field("account_ids", f"at most {MAX_ACCOUNTS}")
    accounts = []
    for n, raw in enumerate(account_ids):
        try:
            accounts.append(uuid.UUID(raw))
        except ValueError as exc:
            raise invalid_field(f"account_ids.{n}", "must be an account id") from exc
    accounts = sorted(set(accounts))
    async with db.transaction() as session:
        await session.execute(
            insert(ApprovalRule)
            .values(user_id=user_id, required=required, account_ids=accounts)
            .on_conflict_do_update(
                index_elements=[ApprovalRule.user_id],
                set_={"required": required, "account_ids": accounts, "updated_at": func.now()},
            )
        )
    return Rule(required, accounts)


async def rules_of(db: Database, user_ids: set[uuid.UUID]) -> dict[uuid.UUID, Rule]:
    """The workspaces among user_ids that require approval, with their rule (one query: the
    burst path asks it for every wave)."""
    if not user_ids:
        return {}
    async with db.reading() as session:
        rows = await session.scalars(
            select(ApprovalRule).where(ApprovalRule.user_id.in_(user_ids), ApprovalRule.required.is_(True))
        )
        return {row.user_id: Rule(True, list(row.account_ids)) for row in rows}

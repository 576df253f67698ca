"""How much storage a user's media takes, against their quota."""

import uuid

from sqlalchemy import case, func, select

from lib.common.db import Database
from lib.common.errors import ServiceError, Violation
from services.media.models import MediaFile


async def used_bytes(db: Database, user_id: uuid.UUID) -> int:
    """Originals (each once: an edited copy shares its parent's) and Instagram-ready files of
    every item whose files are still stored (a deleted item counts until it is purged)."""
    async with db.reading() as session:
        used = await session.scalar(
            select(
                func.coalesce(func.sum(MediaFile.size_bytes), 0)
                + func.coalesce(
                    func.sum(case((MediaFile.parent_id.is_(None), MediaFile.original_size_bytes), else_=0)), 0
                )
            ).where(MediaFile.user_id == user_id, MediaFile.purged_at.is_(None))
        )
    return int(used)


def over_quota(used: int, quota: int) -> ServiceError:
    return ServiceError(
        "too_large",
        "storage_quota_exceeded",
        f"Your media would take more than your storage quota of {quota} bytes ({used} used); "
        "delete media you no longer need to make room",
        [Violation("file", f"over your storage quota of {quota} bytes")],
        context={"quota_bytes": str(quota), "used_bytes": str(used)},
    )

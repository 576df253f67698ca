"""A new Fernet key put first: stored Instagram tokens are re-encrypted under it, after
which the old key can be removed without losing an account."""

import asyncio
import uuid

from cryptography.fernet import Fernet

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.token_vault import TokenVault
from services.scheduler import accounts
from services.scheduler.models import InstagramAccount

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def _vault(keys: str) -> TokenVault:
    return TokenVault(Settings(environment="local", token_encryption_keys=keys))


def test_tokens_move_to_the_new_key_and_survive_the_old_one_leaving(database_url):
    async def scenario():
        db = Database(Settings(environment="local", database_url=database_url))
        account_id = uuid.uuid4()
        try:
            async with db.transaction() as session:
                session.add(
                    InstagramAccount(
                        id=account_id,
                        user_id=uuid.uuid4(),
                        ig_user_id="17841400000000001",
                        username="rotating",
                        token_ciphertext=_vault(OLD).seal("EAAG-rotate-me"),
                    )
                )
            rotating = _vault(f"{NEW},{OLD}")
            assert await accounts.reencrypt(db=db, vault=rotating) >= 1
            assert await accounts.reencrypt(db=db, vault=rotating) == 0  # nothing left under the old key
            async with db.reading() as session:
                stored = await session.get(InstagramAccount, account_id)
            assert _vault(NEW).open(stored.token_ciphertext) == "EAAG-rotate-me"
        finally:
            async with db.transaction() as session:
                await session.delete(await session.get(InstagramAccount, account_id))
            await db.dispose()

    asyncio.run(scenario())

"""Instagram access tokens encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

Keys come from settings, comma-separated: the first encrypts, every one decrypts, so a
new key can be put first and old ciphertexts still read until they are re-encrypted.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from lib.common.config import Settings


class TokenVault:
    def __init__(self, settings: Settings) -> None:
        keys = [k.strip() for k in settings.token_encryption_keys.get_secret_value().split(",") if k.strip()]
        if not keys:
            raise SystemExit("POSTFLOW_TOKEN_ENCRYPTION_KEYS is empty")
        self._primary = Fernet(keys[0])
        # With one key every token is already under it: nothing to re-encrypt.
        self.rotating = len(keys) > 1
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def seal(self, token: str) -> bytes:
        return self._fernet.encrypt(token.encode())

    def open(self, ciphertext: bytes) -> str:
        try:
            return self._fernet.decrypt(ciphertext).decode()
        except InvalidToken as exc:
            raise RuntimeError("an access token cannot be decrypted with the configured keys") from exc

    def rotated(self, ciphertext: bytes) -> bytes | None:
        """The ciphertext under the first key, or None when it already is (nothing to do)."""
        try:
            self._primary.decrypt(ciphertext)
            return None
        except InvalidToken:
            pass
        try:
            return self._fernet.rotate(ciphertext)
        except InvalidToken as exc:
            raise RuntimeError("an access token cannot be decrypted with the configured keys") from exc

"""Is this text an email address? A linear-time check shared by every service that takes one.

Deliberately loose (delivery is the real check), and without a regular expression: the
pattern this replaced backtracked quadratically, so one long string held a service for
seconds.
"""

MAX_LENGTH = 254
MAX_LOCAL_PART = 64


def is_email_address(text: str) -> bool:
    """One @, a local part of 1 to 64 characters, a dotted domain; no spaces or control characters."""
    if len(text) > MAX_LENGTH or text.count("@") != 1:
        return False
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        return False
    local, _, domain = text.partition("@")
    labels = domain.split(".")
    return 0 < len(local) <= MAX_LOCAL_PART and len(labels) >= 2 and all(labels)

"""Caption text as Instagram reads it: shared by the posts service (length rules) and the
publishing worker (the text it sends), so that what is checked is what is published."""

import re

# Instagram ends a hashtag at the first character that is not a letter, digit or underscore.
HASHTAG_IN_TEXT = re.compile(r"#(\w+)")
MENTION_IN_TEXT = re.compile(r"(?<![\w@])@([A-Za-z0-9._]+)")


def published_text(caption: str, hashtags: list[str]) -> str:
    """The caption as it will be sent: hashtags (with or without their "#") not already in
    it appended on a new line."""
    in_caption = {h.lower() for h in HASHTAG_IN_TEXT.findall(caption)}
    bare = [h.lstrip("#") for h in hashtags]
    extra = [f"#{h}" for h in bare if h and h.lower() not in in_caption]
    if not extra:
        return caption
    return f"{caption}\n\n{' '.join(extra)}" if caption else " ".join(extra)

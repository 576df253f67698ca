"""Instagram's content rules (hypothesis): a post is refused exactly when it breaks one of
them (2,200 characters with its hashtags, 30 distinct hashtags, 20 distinct mentions, a
carousel of 2 to 10 items, one item otherwise), and the refusal names the field."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.common.errors import ServiceError
from services.posts import rules
from services.posts.content import POST_TYPES, Content

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
tags = st.lists(st.text(alphabet="abcdefgh_", min_size=1, max_size=8).map(lambda t: "x" + t), max_size=40)
names = st.lists(st.text(alphabet="abcdefgh.", min_size=1, max_size=8).map(lambda n: "u" + n), max_size=30)


@st.composite
def contents(draw) -> Content:
    in_caption = draw(tags)
    listed = draw(tags)
    mentioned = draw(names)
    filler = draw(st.lists(words, max_size=60))
    padding = "a" * draw(st.sampled_from([0, 0, 1000, 2100, 2200, 2300]))
    pieces = filler + [f"#{t}" for t in in_caption] + [f"@{m}" for m in mentioned]
    order = draw(st.permutations(pieces))
    caption = (padding + " " + " ".join(order)).strip()
    post_type = draw(st.sampled_from(POST_TYPES))
    media = [{"url": f"https://cdn.example.com/{i}.jpg"} for i in range(draw(st.integers(0, 12)))]
    # As the posts service stores it: trimmed, the list's hashtags once each.
    return Content(caption=caption, hashtags=listed, media=media, post_type=post_type).normalised()


def _broken(content: Content, to_publish: bool) -> set[str]:
    """The fields the rules must refuse, worked out independently of services.posts.rules."""
    fields = set()
    distinct_tags = {t.casefold() for t in content.hashtags} | {
        w[1:].casefold() for w in content.caption.split() if w.startswith("#")
    }
    distinct_mentions = {w[1:].casefold() for w in content.caption.split() if w.startswith("@")}
    in_caption = {w[1:].casefold() for w in content.caption.split() if w.startswith("#")}
    appended = [f"#{t}" for t in content.hashtags if t.casefold() not in in_caption]
    published = content.caption + ("\n\n" + " ".join(appended) if appended else "")
    if len(content.caption) > 2200 or len(distinct_mentions) > 20:
        fields.add("caption")
    if len(distinct_tags) > 30 or len(content.caption) <= 2200 < len(published):
        fields.add("hashtags")
    count = len(content.media)
    if (count == 0 and to_publish) or (
        count and (not 2 <= count <= 10 if content.post_type == "carousel" else count != 1)
    ):
        fields.add("media")
    return fields


@settings(max_examples=500, deadline=None)
@given(contents(), st.booleans())
def test_a_post_is_refused_exactly_when_it_breaks_a_rule_naming_each_field(content, to_publish):
    expected = _broken(content, to_publish)
    try:
        rules.check(content, to_publish=to_publish)
    except ServiceError as refused:
        named = {v.field.split(".")[0] for v in refused.violations}
        assert named == expected, [v.message for v in refused.violations]
        return
    assert expected == set()

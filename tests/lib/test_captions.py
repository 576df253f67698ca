"""The caption Instagram receives: the list's hashtags appended once, each with one "#",
however the person wrote them."""

from lib.captions import published_text


def test_hashtags_written_with_or_without_the_hash_are_appended_once():
    assert published_text("Sunrise", ["#harbour", "dawn"]) == "Sunrise\n\n#harbour #dawn"


def test_hashtags_already_in_the_caption_are_not_repeated_in_any_case():
    assert (
        published_text("Sunrise at the #Harbour", ["#harbour", "dawn"]) == "Sunrise at the #Harbour\n\n#dawn"
    )


def test_no_caption_is_just_the_hashtags_and_a_bare_hash_is_dropped():
    assert published_text("", ["#", "#a1"]) == "#a1"

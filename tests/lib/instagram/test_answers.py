"""The table of Instagram's answers: every documented row decides one action, a row's
subcode wins over its code, and what no row names is decided by its status."""

import pytest

from lib.instagram import answers, errors
from lib.instagram.answers import Action


def test_every_content_publishing_subcode_has_one_row():
    subcodes = [row.subcode for row in answers.ROWS if row.subcode > 2207000]
    assert len(subcodes) == len(set(subcodes))
    assert len(subcodes) >= 20


@pytest.mark.parametrize(
    ("code", "subcode", "action"),
    [
        (9007, 2207027, Action.WAIT_FOR_CONTAINER),  # was read as "rejected" once
        (4, 2207051, Action.PAUSE_ACCOUNT),  # was retried every minute as throttling once
        (4, 0, Action.WAIT_FOR_USAGE),
        (80002, 0, Action.WAIT_FOR_USAGE),  # was unknown once
        (9, 2207042, Action.WAIT_FOR_QUOTA),
        (100, 2207052, Action.FAIL),  # a subcode names its case whatever the code
        (190, 463, Action.REAUTH),
        (250, 0, Action.REAUTH),
        (100, 33, Action.NOT_FOUND),
        (-2, 2207020, Action.NEW_CONTAINER),
        (24, 2207008, Action.RETRY),
    ],
)
def test_a_row_decides_the_action(code, subcode, action):
    assert answers.answer_for(code, subcode).action is action


def test_what_no_row_names_is_retried_on_a_server_error_and_failed_otherwise():
    assert answers.answer_for(12345, 0, http_status=503).action is Action.RETRY
    assert answers.answer_for(12345, 0, is_transient=True).action is Action.RETRY
    unknown = errors.classify(12345, 0, "odd", 400, False)
    assert type(unknown) is errors.GraphApiError and not unknown.retryable


def test_meta_words_for_people_are_kept():
    err = errors.classify(
        36000, 2207004, "The image size is too large.", 400, False, "Image size too large", "Less than 8 MiB."
    )
    assert isinstance(err, errors.MediaRejected)
    assert err.for_people == "Image size too large: Less than 8 MiB."
    assert errors.classify(36000, 2207004, "The image size is too large.", 400, False).for_people == (
        "The image size is too large."
    )

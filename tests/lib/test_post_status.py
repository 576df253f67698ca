"""The post status is listed once: the proto enum, the Python enum and the database agree,
and the transition table speaks of every status."""

import re

import pytest

from lib.common.errors import ServiceError
from lib.post_status import MAY_FOLLOW, PostStatus
from protos import post_status_pb2


def test_the_python_enum_and_the_proto_enum_name_the_same_statuses():
    proto = {name.removeprefix("POST_STATUS_").lower() for name in post_status_pb2.PostStatus.keys()}
    assert proto - {"unspecified"} == {status.value for status in PostStatus}
    for status in PostStatus:
        assert PostStatus.from_proto(status.to_proto()) is status


@pytest.mark.parametrize("value", [0, 99])
def test_an_unset_or_unknown_proto_status_is_the_request_s_mistake(value):
    with pytest.raises(ServiceError) as raised:
        PostStatus.from_proto(value, field="statuses.0")
    assert raised.value.code == "validation_error"
    assert raised.value.violations[0].field == "statuses.0"


def test_every_status_is_reachable_and_every_move_names_known_statuses():
    reachable = set(MAY_FOLLOW) | {PostStatus.DRAFT}
    assert reachable == set(PostStatus)
    for before in MAY_FOLLOW.values():
        assert set(before) <= set(PostStatus)


def test_the_database_allows_exactly_these_statuses(db):
    (check,) = db.execute(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_posts_status'"
    ).fetchone()
    allowed = set(re.findall(r"'([a-z_]+)'", check))
    assert allowed == {status.value for status in PostStatus}

"""A ServiceError crosses gRPC in a trailer that must stay under gRPC's 8 KB of metadata:
the first problems are kept and the rest counted, so a hundred bad list items are a 422,
not a transport failure."""

from lib.common.errors import Violation, conflict, invalid
from lib.common.grpc_errors import MAX_ERROR_BYTES, _bounded
from protos import common_pb2


def test_many_violations_are_cut_to_fit_keeping_the_first_and_counting_the_rest():
    message = "is neither a public http(s) URL nor an item of your media library (its id or file name)"
    err = invalid([Violation(f"media_urls.{i}", message) for i in range(100)])
    detail, status_message = _bounded(err)
    assert len(detail) + len(status_message.encode()) <= MAX_ERROR_BYTES
    violations = common_pb2.ErrorDetail.FromString(detail).violations
    assert [v.field for v in violations[:3]] == ["media_urls.0", "media_urls.1", "media_urls.2"]
    kept = len(violations) - 1
    assert violations[-1].message == f"... and {100 - kept} more problems"
    assert status_message.endswith(" ...")


def test_a_small_error_travels_whole():
    err = conflict("schedule_conflict", "Too close", conflicting_post_id="p1")
    detail, status_message = _bounded(err)
    parsed = common_pb2.ErrorDetail.FromString(detail)
    assert (parsed.code, parsed.message, dict(parsed.context), status_message) == (
        "schedule_conflict",
        "Too close",
        {"conflicting_post_id": "p1"},
        "Too close",
    )

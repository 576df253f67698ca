"""Recorded histories of the workflows must replay on the current code.

A change to the workflow that would break a workflow sleeping in production fails here.
Such a change goes through workflow.patched(); record a new history when behaviour is
meant to change (python -m devtools.record_histories), keeping the old ones.
"""

from pathlib import Path

import pytest
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

from lib.common import tracing
from workflows.worker import WORKFLOWS

HISTORIES = sorted((Path(__file__).parent / "histories").glob("*.json"))
TEXTS = {path.stem: path.read_text() for path in HISTORIES}


@pytest.mark.parametrize("traced", [False, True], ids=["plain", "traced"])
@pytest.mark.parametrize("name", sorted(TEXTS))
async def test_recorded_history_replays(name: str, traced: bool):
    """Also under the worker's tracing interceptor: the histories were recorded without it,
    as the workflows that slept in production before it came were started."""
    history = WorkflowHistory.from_json(name, TEXTS[name])
    interceptors = [tracing.temporal_interceptor()] if traced else []
    result = await Replayer(workflows=WORKFLOWS, interceptors=interceptors).replay_workflow(history)
    assert result.replay_failure is None


def test_there_is_a_recorded_history():
    assert HISTORIES, "record at least one history of a published post"

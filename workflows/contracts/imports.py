"""Inputs of the CSV import's workflow and its activity (new fields get defaults)."""

from dataclasses import dataclass

WORKFLOW_NAME = "ImportPostsWorkflow"
# In the histories of imports already running: never rename.
IMPORT_BATCH_ACTIVITY = "import_batch"


def workflow_id(import_id: str) -> str:
    """One workflow per import, ever: a second start is refused."""
    return f"import-{import_id}"


@dataclass
class ImportInput:
    import_id: str
    user_id: str
    # Rows a batch turns into posts (and schedules) at most.
    batch: int = 25

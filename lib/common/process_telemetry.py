"""What every Postflow process sets up first, in one call: its log format and its traces."""

from lib.common import json_logs, tracing
from lib.common.config import Settings


def setup(process: str, settings: Settings) -> None:
    json_logs.configure(process, settings)
    tracing.setup(process, settings)
